// Array element reads and writes in hot loops (the baseline's dense-array
// fast paths): in bounds, out of bounds, holes reading the prototype, keys
// that are negative, doubles or strings, appends past the length, frozen
// arrays, mixed element types, and a hole created by delete mid-loop.
function sum(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
const ints = [];
for (let i = 0; i < 1000; i++) ints.push(i);
print(sum(ints));
for (let i = 0; i < ints.length; i++) ints[i] = ints[i] * 2 + 0.5;
print(sum(ints));
const mixed = [1, 'two', 3.5, null, undefined, true, [6], { v: 7 }];
const seen = [];
for (let i = -2; i < 10; i++) seen.push(typeof mixed[i]);
print(seen.join(','));
for (const k of [1.5, 1.0, '1', '-0', -0, 'x', 'length']) seen.push(String(mixed[k]));
print(seen.slice(12).join(','));
const holes = [0, , 2, , 4];
Array.prototype[3] = 'proto';
let hs = '';
for (let i = 0; i < 6; i++) hs += holes[i] + ';';
print(hs);
delete Array.prototype[3];
const grow = [];
for (let i = 0; i < 50; i++) grow[i] = i;
grow[60] = 60;
for (let i = 0; i < grow.length; i += 7) grow[i] = -grow[i];
print(grow.length, grow.join(',').length, grow[55], grow[56], sum(grow.slice(0, 50)));
const del = [1, 2, 3, 4, 5];
let ds = 0;
for (let i = 0; i < del.length; i++) { if (i === 1) delete del[3]; ds += del[i] === undefined ? 100 : del[i]; }
print(ds, 3 in del);
const frozen = Object.freeze([1, 2, 3]);
for (let i = 0; i < 4; i++) {
  try { frozen[i] = 9; } catch (e) { print(i, e.constructor.name, frozen[i]); }
}
const neg = [1, 2];
for (let i = -3; i < 3; i++) neg[i] = i;
print(neg.length, neg.join(), neg[-1], neg[-3]);
const matrix = [];
for (let i = 0; i < 20; i++) { matrix.push([]); for (let j = 0; j < 20; j++) matrix[i][j] = i * j; }
let tr = 0;
for (let i = 0; i < 20; i++) tr += matrix[i][i] + matrix[i][19 - i];
print(tr);
