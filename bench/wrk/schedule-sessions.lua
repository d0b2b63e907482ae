-- POST /api/participants/{id}/sessions: schedules sessions (already due: at the time given) across
-- many participants, and writes "participant session" for each made to OUT.<thread>.
-- wrk ... -s this.lua URL -- IDS_FILE SCHEDULED_AT OUT_PREFIX
local ids, out, n = {}, nil, 0
local body

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  math.randomseed(os.time() * 100 + thread_index)
  body = '{"kind":"individual_therapy","scheduledAt":"' .. args[2]
      .. '","durationMinutes":50,"facilitator":"Dr Bench (synthetic)"}'
  out = io.open(args[3] .. "." .. thread_index, "w")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format("POST", "/api/participants/" .. ids[math.random(#ids)] .. "/sessions", nil, body)
end

function on_response(status, b)
  if status == 201 then
    local id = b:match('"id":"([^"]+)"')
    local participant = b:match('"participantId":"([^"]+)"')
    out:write(participant, " ", id, "\n")
    n = n + 1
    if n % 200 == 0 then out:flush() end
  end
end

-- flushed by the process ending; wrk gives no per-thread end hook
