-- wrk script: GET the paths given after "--" in turn, each connection starting at another one, so that one run
-- touches every page (run.sh's "first 10 s after ready"). Non-2xx answers are counted in wrk's summary.
--
--   wrk -t2 -c16 -d10s -H "Cookie: ..." -s src/bench/mix.lua http://127.0.0.1:8080 -- /claims /claims/1 /

local threads = 0

function setup(thread)
   thread:set("first", threads)
   threads = threads + 1
end

function init(args)
   paths = args
   turn = first
end

function request()
   turn = turn + 1
   return wrk.format("GET", paths[(turn % #paths) + 1])
end
