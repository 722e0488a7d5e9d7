-- wrk script for scripts/bench: POST /api/v1/orders with a unique Idempotency-Key per request.
--
-- Reads its settings from the environment (wrk hands arguments to the worker threads only, and
-- the main thread, which runs setup() and done(), needs them too):
--   BENCH_CUSTOMERS_FILE  file with one customer id per line (written by the seeding)
--   BENCH_SKUS_FILE       file with one sku per line
--   BENCH_KEY_PREFIX      prefix of every Idempotency-Key, unique per run and phase
--   BENCH_RESULT          file done() writes NAME=value lines to (read by scripts/bench)
--   BENCH_IDS             file done() writes "<order id> <status>" lines to, for 201 and 202 answers
--   BENCH_TOKEN           the bearer token every request carries (scripts/token admin)
--
-- Each thread counts requests sent and answers by status code, and keeps the order id of every
-- 201/202 answer (from Location); done() adds them up across threads (thread:get).

local function read_lines(path)
  local list = {}
  local f = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in f:lines() do
    if line ~= "" then list[#list + 1] = line end
  end
  f:close()
  assert(#list > 0, path .. " is empty")
  return list
end

local customers = read_lines(os.getenv("BENCH_CUSTOMERS_FILE"))
local skus = read_lines(os.getenv("BENCH_SKUS_FILE"))
local prefix = os.getenv("BENCH_KEY_PREFIX") or "bench"
local threads = {}

-- main thread ---------------------------------------------------------------------------------
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- worker threads ------------------------------------------------------------------------------
id = 0        -- set by setup() in every worker; 0 in the main thread (wrk calls request() once there to check it)
sent = 0      -- requests generated
codes = {}    -- status -> answers
ids = {}      -- order ids of 201 answers
ids202 = {}   -- order ids of 202 answers (PENDING, settle later)

local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json",
                  ["Authorization"] = "Bearer " .. assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN is not set") }

function request()
  sent = sent + 1
  -- round-robin, each thread from its own offset
  local customer = customers[(sent + id * 7) % #customers + 1]
  local sku = skus[(sent + id * 13) % #skus + 1]
  headers["Idempotency-Key"] = prefix .. "-t" .. id .. "-" .. sent
  local body = '{"customerId":"' .. customer .. '","items":[{"sku":"' .. sku .. '","quantity":1}]}'
  return wrk.format("POST", "/api/v1/orders", headers, body)
end

local function order_id(headers, body)
  local location = headers["Location"] or headers["location"]
  local found = location and location:match("([0-9a-fA-F%-]+)$")
  if found and #found == 36 then return found end
  return body:match('"id"%s*:%s*"([0-9a-fA-F%-]+)"')
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if status == 201 then
    ids[#ids + 1] = order_id(headers, body) or "?"
  elseif status == 202 then
    ids202[#ids202 + 1] = order_id(headers, body) or "?"
  end
end

-- main thread, at the end ---------------------------------------------------------------------
function done(summary, latency, requests)
  local total_sent, all_codes = 0, {}
  local out_ids = assert(io.open(os.getenv("BENCH_IDS"), "w"))
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    for status, n in pairs(thread:get("codes")) do
      all_codes[status] = (all_codes[status] or 0) + n
    end
    for _, oid in ipairs(thread:get("ids")) do out_ids:write(oid, " 201\n") end
    for _, oid in ipairs(thread:get("ids202")) do out_ids:write(oid, " 202\n") end
  end
  out_ids:close()

  local answered, ok2xx, non2xx, list = 0, 0, 0, {}
  for status, n in pairs(all_codes) do
    answered = answered + n
    if status >= 200 and status < 300 then ok2xx = ok2xx + n else non2xx = non2xx + n end
    list[#list + 1] = status .. ":" .. n
  end
  table.sort(list)

  local e = summary.errors
  local out = assert(io.open(os.getenv("BENCH_RESULT"), "w"))
  local function put(name, value) out:write(name, "=", tostring(value), "\n") end
  put("duration_us", summary.duration)
  put("responses", summary.requests)
  put("sent", total_sent)
  put("answered", answered)
  put("status_201", all_codes[201] or 0)
  put("status_202", all_codes[202] or 0)
  put("status_2xx", ok2xx)
  put("non_2xx", non2xx)
  put("codes", table.concat(list, ","))
  put("err_connect", e.connect)
  put("err_read", e.read)
  put("err_write", e.write)
  put("err_timeout", e.timeout)
  put("lat_p50_us", latency:percentile(50))
  put("lat_p90_us", latency:percentile(90))
  put("lat_p99_us", latency:percentile(99))
  put("lat_max_us", latency.max)
  put("lat_mean_us", string.format("%.0f", latency.mean))
  out:close()
end
