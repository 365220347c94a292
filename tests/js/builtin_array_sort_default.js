// default sort compares String(x) by code units; undefined goes last
print([10, 9, 1, 100, 25].sort());
print([-1, -2, 0, 2, 1].sort());
print(['b', 'a', 'C', 'B', 'c', 'A'].sort());
print([true, false, null, 'null', 'm', 'o'].sort());
const u = [3, undefined, 1, undefined, 2];
print(JSON.stringify(u.sort()));
const h = [3, , 1];
h.sort();
print(JSON.stringify(h), h.length, 2 in h);
print([1e21, 5, 1e-7, 'a', NaN, Infinity].sort().join(' '));
const arr = [2, 1];
print(arr.sort() === arr, [].sort().length, ['10', '9', '1'].sort());
print([[2, 1], [1, 2], [1, 10]].sort().join(' | '));
