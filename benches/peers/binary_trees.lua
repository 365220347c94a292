-- binary_trees: the benches/js/binary_trees.js program in Lua (runs on luajit and lua5.4).
-- A node is a table { left = l, right = r } (a leaf has neither: nil for JS's null).
-- usage: lua binary_trees.lua [WARMUP ITERATIONS]   (the runner passes the numbers from the .js file)
-- Timing with os.clock() (CPU seconds of this process; the program is single-threaded).
local T0 = os.clock()
local WARMUP = tonumber(arg[1] or "2")
local ITERATIONS = tonumber(arg[2] or "5")
local MAX_DEPTH = 12
local MIN_DEPTH = 4

-- A number as JS's String() prints it (integers without a fraction, else the shortest
-- round-tripping digits), so every engine's `result ok` line is comparable.
local function jsnum(x)
  if x == math.floor(x) and math.abs(x) < 2 ^ 53 then return string.format("%.0f", x) end
  for p = 15, 17 do
    local s = string.format("%." .. p .. "g", x)
    if tonumber(s) == x then return s end
  end
end

local function check(node)
  if node.left == nil then return 1 end
  return 1 + check(node.left) + check(node.right)
end

local function bottomUp(depth)
  if depth == 0 then return { left = nil, right = nil } end
  return { left = bottomUp(depth - 1), right = bottomUp(depth - 1) }
end

local function run()
  local stretch = check(bottomUp(MAX_DEPTH + 1))
  local longLived = bottomUp(MAX_DEPTH)
  local checksum = stretch
  for depth = MIN_DEPTH, MAX_DEPTH, 2 do
    local iterations = math.floor(2 ^ (MAX_DEPTH - depth + MIN_DEPTH)) -- 1 << (...)
    local c = 0
    for _ = 1, iterations do c = c + check(bottomUp(depth)) end
    checksum = checksum * 3 + c
  end
  local longCheck = check(longLived)
  if longCheck ~= 2 ^ (MAX_DEPTH + 1) - 1 then
    error("binary_trees: long-lived tree has " .. jsnum(longCheck) .. " nodes")
  end
  return checksum + longCheck
end

print("bench binary_trees")
local first
for i = 1, WARMUP + ITERATIONS do
  local t = os.clock()
  local got = run()
  local ms = (os.clock() - t) * 1000
  first = first or got
  if got ~= first then error("binary_trees: checksum " .. jsnum(got) .. ", first iteration " .. jsnum(first)) end
  print(string.format("%s %.6f", i <= WARMUP and "warmup" or "iteration", ms))
end
print("result ok " .. jsnum(first))
print(string.format("total %.6f", (os.clock() - T0) * 1000))
