-- The timing loop and output shared by the Lua peers (benches/peers/*.lua; runs on luajit
-- and lua5.4). A peer adds its own directory (from arg[0]) to package.path, does
--   local bench_common = require("bench_common")
-- defines run() returning its checksum, and ends with bench_common.bench(NAME, run).
-- Timing with os.clock() (CPU seconds of this process; the programs are single-threaded).
-- The total clock starts when this module is first required, i.e. at the peer's first
-- statements.
local M = {}

local T0 = os.clock()

-- A number as JS's String() prints it (integers without a fraction, else the shortest
-- round-tripping digits), so every engine's `result ok` line is comparable.
function M.jsnum(x)
  if x == math.floor(x) and math.abs(x) < 2 ^ 53 then return string.format("%.0f", x) end
  for p = 15, 17 do
    local s = string.format("%." .. p .. "g", x)
    if tonumber(s) == x then return s end
  end
end

-- The script's argument `index` as a number, or default when it is not given.
function M.num_arg(index, default)
  return tonumber(arg[index] or default)
end

-- Reads WARMUP and ITERATIONS from arg[at] and arg[at + 1] (defaults 2 and 5), calls run()
-- WARMUP + ITERATIONS times, checks that every call returns the first call's checksum, and
-- prints the lines benches/run parses: `bench NAME`, one `warmup MS` or `iteration MS` per
-- call, `result ok CHECKSUM` and `total MS`.
function M.bench(name, run, at)
  at = at or 1
  local warmup = M.num_arg(at, "2")
  local iterations = M.num_arg(at + 1, "5")
  local jsnum = M.jsnum
  print("bench " .. name)
  local first
  for i = 1, warmup + iterations do
    local t = os.clock()
    local got = run()
    local ms = (os.clock() - t) * 1000
    first = first or got
    if got ~= first then
      error(name .. ": checksum " .. jsnum(got) .. ", first iteration " .. jsnum(first))
    end
    print(string.format("%s %.6f", i <= warmup and "warmup" or "iteration", ms))
  end
  print("result ok " .. jsnum(first))
  print(string.format("total %.6f", (os.clock() - T0) * 1000))
end

return M
