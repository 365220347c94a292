-- binary_trees: the benches/js/binary_trees.js program in Lua (runs on luajit and lua5.4).
-- A node is a table { left = l, right = r } (a leaf has neither: nil for JS's null).
-- usage: lua binary_trees.lua [WARMUP ITERATIONS]   (the runner passes the numbers from the .js file)
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")
local jsnum = bench_common.jsnum

local MAX_DEPTH = 12
local MIN_DEPTH = 4

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

bench_common.bench("binary_trees", run)
