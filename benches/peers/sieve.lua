-- sieve: the benches/js/sieve.js program in Lua (runs on luajit and lua5.4).
-- usage: lua sieve.lua [WARMUP ITERATIONS]   (the runner passes the numbers from the .js file)
-- Timing with os.clock() (CPU seconds of this process; the program is single-threaded).
local T0 = os.clock()
local WARMUP = tonumber(arg[1] or "2")
local ITERATIONS = tonumber(arg[2] or "5")
local LIMIT = 1000000

-- A number as JS's String() prints it (integers without a fraction, else the shortest
-- round-tripping digits), so every engine's `result ok` line is comparable.
local function jsnum(x)
  if x == math.floor(x) and math.abs(x) < 2 ^ 53 then return string.format("%.0f", x) end
  for p = 15, 17 do
    local s = string.format("%." .. p .. "g", x)
    if tonumber(s) == x then return s end
  end
end

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

print("bench sieve")
local first
for i = 1, WARMUP + ITERATIONS do
  local t = os.clock()
  local got = run()
  local ms = (os.clock() - t) * 1000
  first = first or got
  if got ~= first then error("sieve: checksum " .. jsnum(got) .. ", first iteration " .. jsnum(first)) end
  print(string.format("%s %.6f", i <= WARMUP and "warmup" or "iteration", ms))
end
print("result ok " .. jsnum(first))
print(string.format("total %.6f", (os.clock() - T0) * 1000))
