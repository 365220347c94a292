class A {
  constructor() { this._v = 1; }
  get v() { return this._v; }
  set v(x) { this._v = x; }
  get label() { return 'A'; }
}
class B extends A {
  get v() { return super.v * 100; }
  get label() { return super.label + 'B'; }
}
const b = new B();
print(b.v, b.label);
try { b.v = 5; } catch (e) { print(e.name, e.message); }
print(b._v);
class C extends A { set v(x) { super.v = x * 2; } }
const c = new C();
c.v = 4;
print(c._v, c.v);
print('v' in b, b.hasOwnProperty('v'));
