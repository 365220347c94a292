// a hand-written serializer must agree with JSON.stringify
function ser(v) {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number': return isFinite(v) ? String(v) : 'null';
    case 'boolean': return String(v);
    case 'string': return JSON.stringify(v);
    case 'object':
      if (Array.isArray(v)) return '[' + v.map(x => x === undefined || typeof x === 'function' ? 'null' : ser(x)).join(',') + ']';
      return '{' + Object.keys(v).filter(k => v[k] !== undefined && typeof v[k] !== 'function').map(k => JSON.stringify(k) + ':' + ser(v[k])).join(',') + '}';
  }
}
const samples = [
  { b: 1, a: [1, 'x', null, undefined, true], 3: { z: -0, y: NaN, f() {} } },
  [[], {}, [{}], 1e21, 1e-7, 'q"uote'],
  { nested: { deeper: { deepest: [1, [2, [3]]] } }, u: undefined },
];
for (const s of samples) { const mine = ser(s); print(mine === JSON.stringify(s), mine); }
