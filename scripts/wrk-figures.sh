# Sourced by the bench scripts. `wrk_figures ARGS…` runs wrk with ARGS and
# --latency, and prints "req/s | p50 | p99 | errors" for a Markdown table row
# (errors: answers that were not 2xx/3xx, and requests that never finished).
wrk_figures() {
  local out rps p50 p99 bad errors
  out=$(wrk --latency "$@")
  rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  errors=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out")
  echo "$rps | $p50 | $p99 | $(( ${bad:-0} + ${errors:-0} ))"
}
