-- wrk script: rotates through the queries of bench/queries.tsv against the
-- search API, each in the language it was typed in.
--   wrk -s bench/search.lua http://127.0.0.1:PORT -- bench/queries.tsv
-- Each wrk thread has its own Lua state and starts at a different query, so
-- the connections do not ask the same thing in lock step.

local requests = {}
local next_index = 0
local thread_counter = 0

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function setup(thread)
  thread:set("thread_number", thread_counter)
  thread_counter = thread_counter + 1
end

function init(args)
  local path = args[1] or error("usage: wrk -s search.lua URL -- queries.tsv")
  for line in io.lines(path) do
    if not line:match("^#") and line:match("%S") then
      local q, lang = line:match("^([^\t]+)\t([^\t]+)")
      if q then
        requests[#requests + 1] = wrk.format("GET", "/api/v1/search?q=" .. encode(q) ..
          "&lang=" .. lang .. "&type=service&limit=10")
      end
    end
  end
  if #requests == 0 then error("no queries in " .. path) end
  next_index = ((thread_number or 0) * 17) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
