-- fib: the benches/js/fib30.js and fib35.js program in Lua (runs on luajit and lua5.4).
-- usage: lua fib.lua N WARMUP ITERATIONS   (the runner passes the numbers from the .js file)
-- Timing with os.clock() (CPU seconds of this process; the program is single-threaded).
local T0 = os.clock()
local N = tonumber(arg[1] or "30")
local WARMUP = tonumber(arg[2] or "2")
local ITERATIONS = tonumber(arg[3] or "5")
local KNOWN = { [30] = 832040, [35] = 9227465 }

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local expected = KNOWN[N]
print("bench fib" .. N)
for i = 1, WARMUP + ITERATIONS do
  local t = os.clock()
  local got = fib(N)
  local ms = (os.clock() - t) * 1000
  if got ~= expected then error("fib: checksum " .. tostring(got) .. ", expected " .. tostring(expected)) end
  print(string.format("%s %.6f", i <= WARMUP and "warmup" or "iteration", ms))
end
print(string.format("result ok %.0f", expected))
print(string.format("total %.6f", (os.clock() - T0) * 1000))
