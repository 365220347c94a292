-- mandelbrot: the benches/js/mandelbrot.js program in Lua (runs on luajit and lua5.4).
-- No `//` or bit operators: shifts and masks are written as * and % on non-negative
-- integers; the one xor is LuaJIT's bit.bxor or Lua 5.4's `~` (loaded from a string so
-- LuaJIT never parses it).
-- usage: lua mandelbrot.lua [WARMUP ITERATIONS]   (the runner passes the numbers from the .js file)
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")

local SIZE = 200
local MAX_ITER = 50

local bxor = rawget(_G, "bit") and bit.bxor or load("return function(a, b) return a ~ b end")()

local function run()
  local inside = 0
  local escapeSum = 0
  local bitsHash = 0
  for y = 0, SIZE - 1 do
    local ci = 2.0 * y / SIZE - 1.0
    local bits = 0
    for x = 0, SIZE - 1 do
      local cr = 2.0 * x / SIZE - 1.5
      local zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
      local i = 0
      while i < MAX_ITER and tr + ti <= 4.0 do
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i = i + 1
      end
      bits = bits * 2 + (tr + ti <= 4.0 and 1 or 0)   -- (bits << 1) | bit; bits < 256
      if tr + ti <= 4.0 then inside = inside + 1
      else escapeSum = escapeSum + i end
      if x % 8 == 7 then                                -- (x & 7) === 7
        bitsHash = bxor(bitsHash * 31, bits) % 0x1000000 -- & 0xffffff (all < 2^31)
        bits = 0
      end
    end
  end
  return inside * 1e10 + escapeSum * 1e4 + (bitsHash % 10000)
end

bench_common.bench("mandelbrot", run)
