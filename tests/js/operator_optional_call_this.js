// An optional call keeps the member's object as `this`, also when the
// member is parenthesised or is itself an optional chain.
const a = {
  b() { return this._b; },
  _b: { c: 42 },
  ['k']() { return this === a; },
};
print(a?.b().c, (a?.b)().c, a.b?.().c, (a.b)?.().c, a?.b?.().c, (a?.b)?.().c);
print((a?.['k'])(), a?.['k'](), (a['k'])?.());
const n = null;
print(n?.b(), (n?.b)?.(), n?.['k']?.());
try { (n?.b)(); } catch (e) { print(e.name); }
const deep = { x: { y: { f() { return this === deep.x.y; } } } };
print((deep?.x?.y?.f)(), deep.x?.y.f());
