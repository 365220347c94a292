-- array_sum: the benches/js/array_sum.js program in Lua (runs on luajit and lua5.4).
-- usage: lua array_sum.lua [WARMUP ITERATIONS]
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")

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
  if total ~= EXPECTED then
    error("array_sum: checksum " .. bench_common.jsnum(total) .. ", expected " .. EXPECTED)
  end
  return total
end

bench_common.bench("array_sum", run)
