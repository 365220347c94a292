const name = 'n', value = 42;
const key = 'dyn';
let i = 0;
const o = {
  name, value,
  [key + 'amic']: true,
  [`k${++i}`]: i,
  [`k${++i}`]: i,
  [1 + 2]: 'three',
  'quoted key': 'q',
  method() { return this.value; },
  get double() { return this.value * 2; },
  set double(v) { this.value = v / 2; },
  nested: { deep: { er: [1, { x: 'y' }] } },
};
print(o.name, o.value, o.dynamic, o.k1, o.k2, o[3], o['quoted key'], o.method(), o.double);
o.double = 100;
print(o.value, o.nested.deep.er[1].x);
print(Object.keys(o).join());
const dupes = { a: 1, b: 2, a: 3 };
print(JSON.stringify(dupes));
const empty = {};
print(Object.keys(empty).length, JSON.stringify(empty), String(empty));
const numKeys = { 1e3: 'a', 0x10: 'b', 1.50: 'c' };
print(Object.keys(numKeys).join());
