print(Math.max(1, 2, 3), Math.min(1, 2, 3), Math.max(-1, -2), Math.min('3', 2), Math.max('a', 1), Math.max([5]), Math.min([1, 2]));
print(Object.is(Math.max(-0, 0), 0), Object.is(Math.max(0, -0), 0), Object.is(Math.min(0, -0), -0), Object.is(Math.min(-0, 0), -0));
print(Math.max(NaN, Infinity), Math.min(-Infinity, NaN), Math.max(Infinity, -Infinity), Math.min());
print(Math.max(true, 0), Math.min(null, 0.5), Math.max(undefined));
let lo = Infinity, hi = -Infinity;
for (const v of [3, -7, 12, 0.5]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
print(lo, hi);
