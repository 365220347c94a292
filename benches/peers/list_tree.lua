-- list_tree: the benches/js/list_tree.js program in Lua (runs on luajit and lua5.4).
-- Nodes are tables; JS's null is nil, except on the tree walk's explicit stack, where it is
-- `false` (a Lua array cannot hold nil).
-- usage: lua list_tree.lua [WARMUP ITERATIONS]
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")
local jsnum = bench_common.jsnum

local LIST = 20000
local TREE = 20000
local LOOKUPS = 200000
local EXPECTED = 20026784

local function buildList(n)
  local head = nil
  for i = 0, n - 1 do head = { value = i, next = head } end
  return head
end

local function reverse(head)
  local prev = nil
  while head ~= nil do
    local nxt = head.next
    head.next = prev
    prev = head
    head = nxt
  end
  return prev
end

local function sumList(head)
  local s = 0
  local n = head
  while n ~= nil do
    s = (s + n.value * 3) % 1000003
    n = n.next
  end
  return s
end

local function newNode(key) return { key = key, left = nil, right = nil, count = 1 } end

local Tree = {}
Tree.__index = Tree

function Tree.new() return setmetatable({ root = nil, size = 0 }, Tree) end

function Tree:insert(key)
  if self.root == nil then self.root = newNode(key); self.size = self.size + 1; return end
  local n = self.root
  while true do
    if key == n.key then n.count = n.count + 1; return end
    if key < n.key then
      if n.left == nil then n.left = newNode(key); self.size = self.size + 1; return end
      n = n.left
    else
      if n.right == nil then n.right = newNode(key); self.size = self.size + 1; return end
      n = n.right
    end
  end
end

function Tree:find(key)
  local n = self.root
  while n ~= nil do
    if key == n.key then return n.count end
    if key < n.key then n = n.left else n = n.right end
  end
  return 0
end

function Tree:total()
  local stack = { self.root or false }
  local top = 1
  local s = 0
  while top > 0 do
    local n = stack[top]
    stack[top] = nil
    top = top - 1
    if n then
      s = s + n.key * n.count
      stack[top + 1] = n.left or false
      stack[top + 2] = n.right or false
      top = top + 2
    end
  end
  return s % 1000003
end

local function run()
  local check = 0
  for _ = 1, 10 do
    local list = buildList(LIST)
    check = check + sumList(list)
    check = check + sumList(reverse(list))
  end
  local seed = 12345
  local tree = Tree.new()
  for _ = 1, TREE do
    seed = (seed * 16807) % 2147483647
    tree:insert(seed % 50000)
  end
  local found = 0
  for i = 0, LOOKUPS - 1 do found = found + tree:find((i * 7) % 50000) end
  local checksum = check + tree.size + found + tree:total()
  if checksum ~= EXPECTED then
    error("list_tree: checksum " .. jsnum(checksum) .. ", expected " .. EXPECTED)
  end
  return checksum
end

bench_common.bench("list_tree", run)
