// Default parameter values are evaluated in order, each parameter in its
// TDZ until its own initialiser has run: a default may refer to earlier
// parameters, not to itself or to later ones (even when an argument is
// passed for the later one).
function show(f) {
  try { print(f()); } catch (e) { print(e.name + ': ' + e.message); }
}
function self(a = a) { return a; }
function later(a = b, b) { return a; }
function earlier(a, b = a * 2) { return a + b; }
const arrow = (x = x + 1) => x;
class C {
  m(p = p) { return p; }
  static s(q = q) { return q; }
}
const obj = { m(r = r) { return r; } };
show(() => self());
show(() => self(5));
show(() => later(undefined, 2));
show(() => later(1, 2));
show(() => earlier(3));
show(() => arrow());
show(() => arrow(7));
show(() => new C().m());
show(() => C.s());
show(() => obj.m());
// a closure in a default sees the parameter once it is initialised
function closure(a = () => a, b = a) { return typeof b(); }
show(() => closure());
// a default that throws leaves later parameters untouched
let count = 0;
function order(a = count++, b = (() => { throw new RangeError('b'); })(), c = count++) { return c; }
show(() => order());
print(count);
