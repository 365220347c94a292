-- array_sum: the benches/js/array_sum.js program in Lua (runs on luajit and lua5.4).
-- usage: lua array_sum.lua [WARMUP ITERATIONS]
local T0 = os.clock()
local WARMUP = tonumber(arg[1] or "2")
local ITERATIONS = tonumber(arg[2] or "5")
local SIZE = 1000000
local PASSES = 10
local EXPECTED = 1278427440

-- (i & 1023) * 0.25 with 0-based i, written with % so it also runs on LuaJIT.
local data = {}
for i = 1, SIZE do data[i] = ((i - 1) % 1024) * 0.25 end

local function run()
  local total = 0.0
  for pass = 1, PASSES do
    local sum = 0.0
    for i = 1, #data do sum = sum + data[i] end
    total = total + sum
  end
  return total
end

print("bench array_sum")
for i = 1, WARMUP + ITERATIONS do
  local t = os.clock()
  local got = run()
  local ms = (os.clock() - t) * 1000
  if got ~= EXPECTED then error("array_sum: checksum " .. tostring(got) .. ", expected " .. EXPECTED) end
  print(string.format("%s %.6f", i <= WARMUP and "warmup" or "iteration", ms))
end
print(string.format("result ok %.0f", EXPECTED))
print(string.format("total %.6f", (os.clock() - T0) * 1000))
