-- wrk script: each request decides one claim that was never decided (version 0), through the JSON API with the
-- Authorization header given to wrk (-H). Claim ids come one per line from the file named after "--"; the second
-- argument is the number of wrk threads, which take every n-th id so that no two requests decide the same claim; the
-- third, how many ids earlier runs used (0 by default).
--
--   wrk -t2 -c16 -d10s -H "Authorization: Basic ..." -s src/bench/verdict.lua http://127.0.0.1:8080 -- ids.txt 2 0

local threads = 0

function setup(thread)
   thread:set("first", threads)
   threads = threads + 1
end

function init(args)
   ids = {}
   for line in io.lines(args[1]) do
      ids[#ids + 1] = line
   end
   stride = tonumber(args[2])
   next_id = (tonumber(args[3]) or 0) + first + 1
   headers = {}
   for name, value in pairs(wrk.headers) do
      headers[name] = value
   end
   headers["Content-Type"] = "application/json"
   headers["Accept"] = "application/json"
end

local statuses = { "verified", "disputed" }

function request()
   local id = ids[next_id]
   if id == nil then
      error("out of claim ids: generate more, or shorten the run")
   end
   local status = statuses[next_id % 2 + 1]
   next_id = next_id + stride
   local body = '{"status":"' .. status .. '","rationale":"Benchmark decision: the record was checked.",'
      .. '"version":0,"evidence":[{"url":"https://records.example.org/bench/' .. id .. '",'
      .. '"title":"Benchmark record","stance":"' .. (status == "verified" and "supports" or "refutes") .. '"}]}'
   return wrk.format("POST", "/api/claims/" .. id .. "/verdicts", headers, body)
end
