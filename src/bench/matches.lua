-- wrk script for POST /api/claims/matches: each request asks about another text, so no answer is cached anywhere.
-- Texts are the LIAR statements the generator recombines (one a line), read from the file given after "--".
local texts = {}
local n = 0
function init(args)
  -- wrk.format with a headers table would drop the Authorization header given with -H
  wrk.headers["Content-Type"] = "application/json"
  for line in io.lines(args[1]) do
    n = n + 1
    texts[n] = line:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\t', ' ')
  end
end
function request()
  local t = texts[math.random(n)]
  return wrk.format("POST", "/api/claims/matches", nil,
    '{"text":"' .. t .. '","limit":10}')
end
