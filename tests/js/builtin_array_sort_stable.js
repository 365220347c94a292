// sort must be stable for arrays of any length (V8 uses TimSort)
const items = [];
for (let i = 0; i < 60; i++) items.push({ key: (i * 7) % 5, idx: i });
items.sort((a, b) => a.key - b.key);
let stable = true;
for (let i = 1; i < items.length; i++) {
  if (items[i - 1].key === items[i].key && items[i - 1].idx > items[i].idx) stable = false;
}
print(stable, items.slice(0, 8).map(x => x.idx).join(','));
const small = [['b', 1], ['a', 1], ['c', 0], ['d', 1], ['e', 0]];
print(small.sort((x, y) => x[1] - y[1]).map(x => x[0]).join(''));
const big = [];
for (let i = 0; i < 1000; i++) big.push((i * 7919) % 1009);
big.sort((a, b) => a - b);
let sorted = true;
for (let i = 1; i < big.length; i++) if (big[i - 1] > big[i]) sorted = false;
print(sorted, big[0], big[500], big[999]);
const strs = [];
for (let i = 0; i < 30; i++) strs.push('k' + (i % 3) + ':' + i);
print(strs.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).slice(0, 5).join(' '));
