-- wrk script for POST /api/claims/matches: each request asks about another text, so no answer is cached anywhere.
-- Texts are the LIAR statements the generator recombines (one a line), read from the file given after "--".
local texts = {}
local n = 0
function init(args)
  for line in io.lines(args[1]) do
    n = n + 1
    texts[n] = line:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\t', ' ')
  end
end
function request()
  local t = texts[math.random(n)]
  return wrk.format("POST", "/api/claims/matches", { ["Content-Type"] = "application/json" },
    '{"text":"' .. t .. '","limit":10}')
end
