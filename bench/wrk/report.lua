-- Shared by the wrk scripts (the bench scripts put it in front of each): counts the answers by
-- status in every thread and, when wrk is done, prints one line
--   RESULT {"requests":..,"seconds":..,"rps":..,"p50_ms":..,"p99_ms":..,"non2xx":..,"socket_errors":..,"statuses":{..},"first_error":".."}
-- that the bench scripts read. Latency percentiles are wrk's own (corrected for coordinated omission
-- as far as wrk does). A script that defines on_response(status, body) is called for every answer.
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_index", thread_count)
  table.insert(threads, thread)
end

statuses = {}
first_error = ""

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  if (status < 200 or status > 299) and first_error == "" then
    first_error = tostring(status) .. " " .. (body or ""):sub(1, 300)
  end
  if on_response then on_response(status, body) end
end

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local all, first, extra = {}, "", {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses") or {}) do all[k] = (all[k] or 0) + v end
    local e = t:get("first_error")
    if first == "" and e and e ~= "" then first = e end
    local x = t:get("extra")
    if x then for k, v in pairs(x) do extra[k] = (extra[k] or 0) + v end end
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, string.format('"%s":%d', k, v)) end
  local extras = {}
  for k, v in pairs(extra) do table.insert(extras, string.format('"%s":%d', k, v)) end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format('RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,'
      .. '"max_ms":%.3f,"non2xx":%d,"socket_errors":%d,"statuses":{%s},"extra":{%s},"first_error":%s}\n',
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, e.status,
      e.connect + e.read + e.write + e.timeout, table.concat(parts, ","), table.concat(extras, ","), json_string(first)))
end
