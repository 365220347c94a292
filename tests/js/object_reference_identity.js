const a = { v: 1 };
const b = a;
b.v = 2;
print(a.v, a === b, { v: 2 } === a);
function reset(o) { o.v = 0; o = { v: 100 }; return o.v; }
print(reset(a), a.v);
const nested = { inner: { n: 1 } };
const shallow = Object.assign({}, nested);
shallow.inner.n = 5;
print(nested.inner.n, shallow !== nested);
const key1 = {}, key2 = {};
const map = {};
map[key1] = 'first';
map[key2] = 'second';
print(map[key1], Object.keys(map).length);
