-- wrk script: rotates through request targets, one a line in a file
-- ("/api/v1/search?q=…", percent-encoded by the script that wrote it).
--   wrk -s bench/paths.lua URL -- targets.txt
-- Each wrk thread has its own Lua state and starts at a different line.

local requests = {}
local next_index = 0
local thread_counter = 0

function setup(thread)
  thread:set("thread_number", thread_counter)
  thread_counter = thread_counter + 1
end

function init(args)
  local path = args[1] or error("usage: wrk -s paths.lua URL -- targets.txt")
  for line in io.lines(path) do
    if line:match("^/") then requests[#requests + 1] = wrk.format("GET", line) end
  end
  if #requests == 0 then error("no request targets in " .. path) end
  next_index = ((thread_number or 0) * 17) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
