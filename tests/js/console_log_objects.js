console.log({});
console.log({ a: 1, b: 'two' });
console.log({ 'a-b': 1, ok_1: 2, _u: 4, '1x': 5, 'sp ace': 6 });
console.log({ $d: 1, é: 2, '': 3 });
console.log({ 3: 'c', 1: 'a', b: null, u: undefined });
console.log({ nested: { deeper: { deepest: 1 } } });
console.log({ arr: [1, 2], obj: {} });
console.log({ s: "it's" });
console.log({ n: -0, f: 0.5, big: 1e21 });
