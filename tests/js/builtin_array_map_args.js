print(['1', '2', '3'].map(parseInt));
print(['1', '2', '3'].map(Number), ['a', 'b'].map((c, i, arr) => c + i + arr.length));
print([1.5, 2.5, -0.5].map(Math.round), [4, 9].map(Math.sqrt));
print([1, 2, 3].map(String).map(s => s + s), [[1, 2], [3]].map(a => a.length));
const objs = [{ n: 1 }, { n: 2 }].map(o => ({ doubled: o.n * 2 }));
console.log(objs);
print([' a ', 'b '].map(s => s.trim()).join('|'));
