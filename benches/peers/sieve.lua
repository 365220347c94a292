-- sieve: the benches/js/sieve.js program in Lua (runs on luajit and lua5.4).
-- usage: lua sieve.lua [WARMUP ITERATIONS]   (the runner passes the numbers from the .js file)
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")
local jsnum = bench_common.jsnum

local LIMIT = 1000000

local function run()
  -- A fresh array of LIMIT + 1 booleans, filled one element at a time (JS: push); index i
  -- is composite[i + 1].
  local composite = {}
  for i = 0, LIMIT do composite[i + 1] = false end
  local p = 2
  while p * p <= LIMIT do
    if not composite[p + 1] then
      for m = p * p, LIMIT, p do composite[m + 1] = true end
    end
    p = p + 1
  end
  local count, sum = 0, 0
  for i = 2, LIMIT do
    if not composite[i + 1] then count = count + 1; sum = sum + i end
  end
  -- pi(10^6) = 78498; the primes below 10^6 add up to 37550402023.
  if count ~= 78498 or sum ~= 37550402023 then
    error("sieve: count " .. jsnum(count) .. " sum " .. jsnum(sum))
  end
  return count + sum
end

bench_common.bench("sieve", run)
