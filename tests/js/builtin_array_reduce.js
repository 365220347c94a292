const a = [1, 2, 3, 4];
print(a.reduce((s, x) => s + x), a.reduce((s, x) => s + x, 10), a.reduce((s, x) => s + x, ''));
print(a.reduce((acc, x, i) => acc + `[${i}]`, 'idx'));
print([5].reduce((a, b) => a * b), [].reduce((a, b) => a + b, 'init'));
try { [].reduce((a, b) => a + b); } catch (e) { print(e.name, e.message); }
const counts = ['a', 'b', 'a', 'c', 'a'].reduce((m, k) => { m[k] = (m[k] || 0) + 1; return m; }, {});
print(JSON.stringify(counts));
const max = [3, 9, 2].reduce((m, x) => x > m ? x : m, -Infinity);
print(max);
const flat = [[1, 2], [3], []].reduce((acc, x) => acc.concat(x), []);
print(flat, flat.length);
print([1, , 3].reduce((s, x) => s + x), [, , 5].reduce((s, x) => s + x));
