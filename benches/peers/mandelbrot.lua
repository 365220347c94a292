-- mandelbrot: the benches/js/mandelbrot.js program in Lua (runs on luajit and lua5.4).
-- No `//` or bit operators: shifts and masks are written as * and % on non-negative
-- integers; the one xor is LuaJIT's bit.bxor or Lua 5.4's `~` (loaded from a string so
-- LuaJIT never parses it).
-- usage: lua mandelbrot.lua [WARMUP ITERATIONS]   (the runner passes the numbers from the .js file)
-- Timing with os.clock() (CPU seconds of this process; the program is single-threaded).
local T0 = os.clock()
local WARMUP = tonumber(arg[1] or "2")
local ITERATIONS = tonumber(arg[2] or "5")
local SIZE = 200
local MAX_ITER = 50

local bxor = rawget(_G, "bit") and bit.bxor or load("return function(a, b) return a ~ b end")()

-- A number as JS's String() prints it (integers without a fraction, else the shortest
-- round-tripping digits), so every engine's `result ok` line is comparable.
local function jsnum(x)
  if x == math.floor(x) and math.abs(x) < 2 ^ 53 then return string.format("%.0f", x) end
  for p = 15, 17 do
    local s = string.format("%." .. p .. "g", x)
    if tonumber(s) == x then return s end
  end
end

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

print("bench mandelbrot")
local first
for i = 1, WARMUP + ITERATIONS do
  local t = os.clock()
  local got = run()
  local ms = (os.clock() - t) * 1000
  first = first or got
  if got ~= first then error("mandelbrot: checksum " .. jsnum(got) .. ", first iteration " .. jsnum(first)) end
  print(string.format("%s %.6f", i <= WARMUP and "warmup" or "iteration", ms))
end
print("result ok " .. jsnum(first))
print(string.format("total %.6f", (os.clock() - T0) * 1000))
