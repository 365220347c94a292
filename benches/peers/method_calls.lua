-- method_calls: the benches/js/method_calls.js program in Lua (runs on luajit and lua5.4):
-- a metatable "class" and obj:method() calls.
-- usage: lua method_calls.lua [WARMUP ITERATIONS]
local T0 = os.clock()
local WARMUP = tonumber(arg[1] or "2")
local ITERATIONS = tonumber(arg[2] or "5")
local CALLS = 100000
local ROUNDS = 20
local EXPECTED = 9000000

local Accumulator = {}
Accumulator.__index = Accumulator

function Accumulator.new()
  return setmetatable({ total = 0, calls = 0 }, Accumulator)
end

function Accumulator:add(x)
  self.total = self.total + x
  self.calls = self.calls + 1
  return self.total
end

local function run()
  local acc = Accumulator.new()
  local last = 0
  for r = 1, ROUNDS do
    for i = 0, CALLS - 1 do last = acc:add(i % 8) end
  end
  return last + acc.calls
end

print("bench method_calls")
for i = 1, WARMUP + ITERATIONS do
  local t = os.clock()
  local got = run()
  local ms = (os.clock() - t) * 1000
  if got ~= EXPECTED then error("method_calls: checksum " .. tostring(got) .. ", expected " .. EXPECTED) end
  print(string.format("%s %.6f", i <= WARMUP and "warmup" or "iteration", ms))
end
print(string.format("result ok %.0f", EXPECTED))
print(string.format("total %.6f", (os.clock() - T0) * 1000))
