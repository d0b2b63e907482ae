-- GET /api/participants/{id} over real participant ids, each request a random one.
-- wrk ... -s this.lua URL -- IDS_FILE      (the Authorization header comes from wrk -H)
local ids = {}

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  math.randomseed(os.time() * 100 + thread_index)
end

function request()
  return wrk.format("GET", "/api/participants/" .. ids[math.random(#ids)])
end
