let i = 0, out = [];
while (i < 5) { out.push(i); i += 2; }
print(out);
let d = 10;
do { d++; } while (d < 5);
print(d);
let n = 0;
do n++; while (n < 3);
print(n);
let s = '';
for (let a = 0, b = 5; a < b; a++, b--) s += a + ':' + b + ' ';
print(s);
let empty = 0;
for (;;) { if (++empty > 4) break; }
print(empty);
let sum = 0;
for (const x of [1, 2, 3, 4, 5, 6]) { if (x % 2) continue; sum += x; }
print(sum);
let chars = [];
for (const c of 'h\u00e9\u{1F600}!') chars.push(c);
print(chars.length, chars.join('|'));
const keys = [];
for (const k in { b: 1, a: 2, 2: 'x', 1: 'y' }) keys.push(k);
print(keys);
const arr = [1, 2, 3];
for (const v of arr) { if (arr.length < 6) arr.push(v * 10); }
print(arr);
