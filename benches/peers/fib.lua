-- fib: the benches/js/fib30.js and fib35.js program in Lua (runs on luajit and lua5.4).
-- usage: lua fib.lua N WARMUP ITERATIONS   (the runner passes the numbers from the .js file)
package.path = (arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local bench_common = require("bench_common")
local jsnum = bench_common.jsnum

local N = bench_common.num_arg(1, "30")
local KNOWN = { [30] = 832040, [35] = 9227465 }

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local function run()
  local got = fib(N)
  if KNOWN[N] and got ~= KNOWN[N] then
    error("fib: fib(" .. jsnum(N) .. ") = " .. jsnum(got) .. ", expected " .. jsnum(KNOWN[N]))
  end
  return got
end

bench_common.bench("fib" .. jsnum(N), run, 2)
