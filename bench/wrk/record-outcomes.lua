-- POST /api/participants/{id}/sessions/{rid}/outcome, once per session made by schedule-sessions.lua:
-- each wrk thread takes its own file of sessions (SLICE_PREFIX.<thread>) and never repeats one, so no
-- two requests record the same session. Should a thread run out, it says so (extra.exhausted) and the
-- run is not valid: give it more sessions.
-- wrk ... -s this.lua URL -- SLICE_PREFIX
local items, i = {}, 0
local bodies = {
  '{"outcome":"attended","engagement":4,"notes":"Synthetic bench session: attended, engaged."}',
  '{"outcome":"attended","engagement":3}',
  '{"outcome":"late","engagement":2}',
  '{"outcome":"did_not_attend"}',
  '{"outcome":"attended","engagement":5,"notes":"Synthetic bench session: shareable note.","shareable":true}',
  '{"outcome":"cancelled_by_participant"}',
  '{"outcome":"did_not_attend"}',
  '{"outcome":"attended","engagement":2,"concern":"Synthetic bench concern: spoke of checking her profile."}',
}
extra = { exhausted = 0, sessions = 0 }

function init(args)
  for line in io.lines(args[1] .. "." .. thread_index) do
    local participant, id = line:match("^(%S+) (%S+)$")
    if id then items[#items + 1] = "/api/participants/" .. participant .. "/sessions/" .. id .. "/outcome" end
  end
  extra.sessions = #items
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i + 1
  if i > #items then
    extra.exhausted = 1
    wrk.thread:stop()
    i = #items
  end
  return wrk.format("POST", items[i], nil, bodies[(i % #bodies) + 1])
end
