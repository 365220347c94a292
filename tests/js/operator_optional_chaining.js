const o = { a: { b: { c: 42 } }, arr: [1, 2], f() { return this.a.b.c; }, n: null };
print(o?.a?.b?.c, o.x?.y, o.x?.y.z.w, o.n?.foo);
print(o.arr?.[1], o.nope?.[0], o.f?.(), o.g?.(), o.n?.());
let u;
print(u?.x, u?.[0], u?.(), u?.a.b.c);
let count = 0;
const r = u?.[count++];
print(r, count);
print(o?.['a']?.['b']?.c);
print(typeof o.a?.b, (o.a)?.b.c);
const s = 'str';
print(s?.length, s?.toUpperCase?.());
try { o.x.y; } catch (e) { print(e.message); }
try { o.a?.b.zz.q; } catch (e) { print(e.message); }
