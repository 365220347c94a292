// int32 add/sub/mul sites that overflow (the baseline tier computes the
// double inline), and `%` of numbers that are not both int32 (integral
// doubles divide as 64-bit integers inline): hash loops, every sign, -0
// results, zero and negative divisors, fractions, NaN and infinities,
// values past 2^53 and 2^63, and strings and objects at the same sites.
function add(a, b) { return a + b; }
function sub(a, b) { return a - b; }
function mul(a, b) { return a * b; }
function mod(a, b) { return a % b; }
function show(x) { return Object.is(x, -0) ? "-0" : String(x); }

let h = 7, g = 11, k = 5;
const text = "The quick brown fox jumps over the lazy dog, again and again.";
for (let r = 0; r < 200; r++) {
  for (let i = 0; i < text.length; i++) {
    h = (h * 31 + text.charCodeAt(i)) % 1000000007;
    g = (g * 33 - text.charCodeAt(i) * 2147483647) % 2147483647;
    k = mod(mul(k, 16807), 2147483647);
  }
}
console.log("hash", h, g, k);
const big = [2147483647, -2147483648, 2147483646, -1, 1, 0, 65536, -65536, 46341];
let row = [];
for (const a of big) for (const b of big) row.push(show(add(a, b)) + "," + show(sub(a, b)) + "," + show(mul(a, b)));
console.log(row.slice(0, 27).join(" "));
console.log(row.slice(27).join(" "));
const nums = [2147483648, -2147483649, 4294967296.5, 1e15, -1e15, 9007199254740993, 2 ** 53, -(2 ** 53), 2 ** 63, -(2 ** 63),
  1e300, -0, 0, 0.5, -0.5, 3, -3, 7.25, NaN, Infinity, -Infinity, 1000000007];
const divs = [1, -1, 2, -2, 3, 0, -0, 0.5, 7, 1000000007, 2 ** 32, 2 ** 53, -(2 ** 63), NaN, Infinity, -Infinity, 2147483648];
let out = [];
for (const a of nums) { const line = []; for (const b of divs) line.push(show(mod(a, b))); out.push(line.join(",")); }
console.log(out.join("\n"));
console.log(show(mod(-2147483648, -1)), show(mod(-4, 2)), show(mod(-4.0 * 1e10, 2)), show(mod(4e10, 3)), show(mod(-4e10, 3)));
console.log(mod("17", 5), mod(17, "5"), mod({ valueOf() { return 2 ** 40 + 3; } }, 8), mod(true, 2 ** 33), add("a", 2 ** 31), mul(null, 3));
console.log(add(2147483647, 1.5), sub(-2147483648, 0.25), mul(65536, 32768), mul(-65536, 32768), mul(-1, 0), mul(0, -5));
