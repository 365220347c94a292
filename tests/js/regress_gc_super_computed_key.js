// Regression: super[key] read the home object before converting the key,
// which can allocate (a number key becomes a string).
class A { m1() { return 'A.m1'; } get g() { return 'A.g'; } }
class B extends A {
  call(n) { return super['m' + n](); }
  viaNumber() { const k = { toString() { return 'g'; } }; return super[k]; }
}
const b = new B();
print(b.call(1), b.viaNumber());
