const arr = [1, 2, 3];
const seen = [];
for (const x of arr) { seen.push(x); if (x === 1) arr.push(4); if (arr.length > 10) break; }
print(seen);
const shrink = [1, 2, 3, 4, 5];
const seen2 = [];
for (const x of shrink) { seen2.push(x); shrink.shift(); }
print(seen2, shrink);
let total = 0;
for (const row of [[1, 2], [3, 4]]) for (const v of row) total += v;
print(total);
let iterations = 0;
for (const x of []) iterations++;
print(iterations);
const strs = [];
for (let s of ['a', 'b']) { s = s.toUpperCase(); strs.push(s); }
print(strs);
