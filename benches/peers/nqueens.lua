-- nqueens: the benches/js/nqueens.js program in Lua (runs on luajit and lua5.4).
-- The JS arrays are 0-based; here index k is stored at k + 1.
-- usage: lua nqueens.lua [WARMUP ITERATIONS]   (the runner passes the numbers from the .js file)
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")

local function solve(n)
  local cols, diag1, diag2, placed = {}, {}, {}, {}
  for i = 1, n do cols[i] = false; placed[i] = -1 end
  for i = 1, 2 * n do diag1[i] = false; diag2[i] = false end
  local solutions, weight = 0, 0
  local function place(row)
    if row == n then
      solutions = solutions + 1
      weight = weight + placed[1] * n + placed[n]
      return
    end
    for c = 0, n - 1 do
      local d1, d2 = row + c + 1, row - c + n + 1
      if not (cols[c + 1] or diag1[d1] or diag2[d2]) then
        cols[c + 1] = true; diag1[d1] = true; diag2[d2] = true; placed[row + 1] = c
        place(row + 1)
        cols[c + 1] = false; diag1[d1] = false; diag2[d2] = false
      end
    end
  end
  place(0)
  return { solutions = solutions, weight = weight }
end

local KNOWN = { [8] = 92, [9] = 352, [10] = 724 }

local function run()
  local checksum = 0
  for _ = 1, 3 do
    for n = 8, 10 do
      local r = solve(n)
      if r.solutions ~= KNOWN[n] then error("nqueens: " .. r.solutions .. " solutions for " .. n) end
      checksum = checksum + r.solutions * 100000 + r.weight
    end
  end
  return checksum
end

bench_common.bench("nqueens", run)
