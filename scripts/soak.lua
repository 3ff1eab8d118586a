-- wrk script for scripts/soak.sh: requests take the signed-in customers'
-- cookies in turn (COOKIES_FILE, one Cookie header per line) and alternate
-- between a product and a listing page (PATHS, space-separated).
local cookies = {}
for line in io.lines(os.getenv("COOKIES_FILE")) do cookies[#cookies + 1] = line end
local paths = {}
for p in string.gmatch(os.getenv("PATHS"), "%S+") do paths[#paths + 1] = p end
local counter = 0

request = function()
  counter = counter + 1
  local headers = { ["Cookie"] = cookies[(counter % #cookies) + 1] }
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end
