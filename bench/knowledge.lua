-- wrk script: rotates through questions (one a line) against the knowledge
-- search API in Dutch.
--   wrk -s bench/knowledge.lua http://127.0.0.1:PORT -- questions.txt
-- bench/knowledge.sh writes questions.txt from bench/knowledge/dev.jsonl.
-- Each wrk thread has its own Lua state and starts at a different question.

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
  local path = args[1] or error("usage: wrk -s knowledge.lua URL -- questions.txt")
  for line in io.lines(path) do
    if line:match("%S") then
      requests[#requests + 1] = wrk.format("GET",
        "/api/v1/search?type=knowledge&lang=nl&limit=10&q=" .. encode(line))
    end
  end
  if #requests == 0 then error("no questions in " .. path) end
  next_index = ((thread_number or 0) * 17) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
