-- wrk script: add-to-cart as 50 shoppers (one guest cart per connection
-- slot), cycling through well-stocked variants. Every request is a real
-- write transaction. Expects VARIANTS (comma-separated ids) and ORIGIN in
-- the environment; SHOPPERS_FROM (default 0) numbers the 50 shoppers, so
-- that two wrk runs at once have carts of their own.
local variants = {}
for v in string.gmatch(os.getenv("VARIANTS"), "[^,]+") do variants[#variants + 1] = v end
local origin = os.getenv("ORIGIN")
local from = tonumber(os.getenv("SHOPPERS_FROM") or "0")
local counter = 0

request = function()
  counter = counter + 1
  local shopper = counter % 50
  local token = string.format("%064x", from + shopper + 1)
  local variant = variants[(counter % #variants) + 1]
  local body = "variant_id=" .. variant .. "&quantity=1"
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "os_cart=" .. token,
    ["Origin"] = origin,
    ["Accept"] = "application/json",
  }
  return wrk.format("POST", "/api/cart/add", headers, body)
end

response = function(status)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
