-- wrk script of scripts/bench and scripts/compare: POST /api/v1/orders, one item, a unique
-- Idempotency-Key per request. Settings come from the environment, since wrk hands its arguments
-- to the worker threads only and the main thread (setup, done) needs them too:
--   BENCH_CUSTOMERS_FILE, BENCH_SKUS_FILE  one customer id / sku per line, used round-robin
--   BENCH_KEY_PREFIX  starts every Idempotency-Key      BENCH_TOKEN  the bearer token of every request
--   BENCH_RESULT      done() writes NAME=value lines there: counts, socket errors, latency in µs
--   BENCH_IDS         done() writes "<order id> <status>" there for every 201 and 202 answer

local function read_lines(path)
  local list = {}
  for line in assert(io.open(path, "r"), "cannot read " .. tostring(path)):lines() do
    if line ~= "" then list[#list + 1] = line end
  end
  assert(#list > 0, path .. " is empty")
  return list
end

local customers = read_lines(os.getenv("BENCH_CUSTOMERS_FILE"))
local skus = read_lines(os.getenv("BENCH_SKUS_FILE"))
local prefix = os.getenv("BENCH_KEY_PREFIX") or "bench"
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json",
                  ["Authorization"] = "Bearer " .. assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN is not set") }
local threads = {}

function setup(thread)   -- main thread, once per worker
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- Per worker thread (0 in the main thread, where wrk calls request() once to check it).
id, sent, codes, ids = 0, 0, {}, {}

function request()
  sent = sent + 1
  local customer = customers[(sent + id * 7) % #customers + 1]   -- each thread from its own offset
  local sku = skus[(sent + id * 13) % #skus + 1]
  headers["Idempotency-Key"] = prefix .. "-t" .. id .. "-" .. sent
  return wrk.format("POST", "/api/v1/orders", headers,
    '{"customerId":"' .. customer .. '","items":[{"sku":"' .. sku .. '","quantity":1}]}')
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if status == 201 or status == 202 then   -- 202: still PENDING, it settles later
    local location = headers["Location"] or headers["location"] or ""
    local order_id = location:match("(%x+%-%x+%-%x+%-%x+%-%x+)$") or body:match('"id"%s*:%s*"([%x%-]+)"')
    ids[#ids + 1] = (order_id or "?") .. " " .. status
  end
end

function done(summary, latency, requests)   -- main thread, at the end: add up the threads
  local all_sent, all_codes, list = 0, {}, {}
  local out_ids = assert(io.open(os.getenv("BENCH_IDS"), "w"))
  for _, thread in ipairs(threads) do
    all_sent = all_sent + thread:get("sent")
    for status, n in pairs(thread:get("codes")) do all_codes[status] = (all_codes[status] or 0) + n end
    for _, line in ipairs(thread:get("ids")) do out_ids:write(line, "\n") end
  end
  out_ids:close()
  local answered, non2xx = 0, 0
  for status, n in pairs(all_codes) do
    answered = answered + n
    if status < 200 or status >= 300 then non2xx = non2xx + n end
    list[#list + 1] = status .. ":" .. n
  end
  table.sort(list)
  local out = assert(io.open(os.getenv("BENCH_RESULT"), "w"))
  local function put(name, value) out:write(name, "=", tostring(value), "\n") end
  put("duration_us", summary.duration); put("sent", all_sent); put("answered", answered)
  put("status_201", all_codes[201] or 0); put("status_202", all_codes[202] or 0)
  put("non_2xx", non2xx); put("codes", table.concat(list, ","))
  for _, kind in ipairs({ "connect", "read", "write", "timeout" }) do put("err_" .. kind, summary.errors[kind]) end
  for _, p in ipairs({ 50, 90, 99 }) do put("lat_p" .. p .. "_us", latency:percentile(p)) end
  put("lat_max_us", latency.max)
  out:close()
end
