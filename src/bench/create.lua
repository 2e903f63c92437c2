-- wrk script for POST /api/claims: a new claim each time (of the source given after "--"), to time what storing a
-- claim with its vector costs.
local source, counter = nil, 0
function init(args)
  -- wrk.format with a headers table would drop the Authorization header given with -H
  wrk.headers["Content-Type"] = "application/json"
  source = args[1]
end
function request()
  counter = counter + 1
  return wrk.format("POST", "/api/claims", nil,
    '{"statement":"Benchmark claim ' .. counter .. ' ' .. math.random(1000000) ..
    ': the ministry said exports of shells doubled in the last quarter.","sourceId":' .. source .. '}')
end
