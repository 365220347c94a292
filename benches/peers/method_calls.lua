-- method_calls: the benches/js/method_calls.js program in Lua (runs on luajit and lua5.4):
-- a metatable "class" and obj:method() calls.
-- usage: lua method_calls.lua [WARMUP ITERATIONS]
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")

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
  local checksum = last + acc.calls
  if checksum ~= EXPECTED then
    error("method_calls: checksum " .. bench_common.jsnum(checksum) .. ", expected " .. EXPECTED)
  end
  return checksum
end

bench_common.bench("method_calls", run)
