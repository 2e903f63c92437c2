-- wrk script for claim pages with their matches: a random claim of the ids in the file given after "--" each time.
local ids = {}
local n = 0
function init(args)
  for line in io.lines(args[1]) do
    n = n + 1
    ids[n] = line
  end
end
function request()
  return wrk.format("GET", "/claims/" .. ids[math.random(n)])
end
