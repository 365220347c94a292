const data = { name: 'x', list: [1, 2], empty: [], obj: {}, nested: { k: null } };
print(JSON.stringify(data, null, 2));
print(JSON.stringify([1, [2, 3]], null, '--'));
print(JSON.stringify({ a: 1 }, null, 20) === JSON.stringify({ a: 1 }, null, 10));
print(JSON.stringify([1], null, 0), JSON.stringify({ a: [] }, null, ''));
