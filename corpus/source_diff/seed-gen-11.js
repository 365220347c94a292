const arr1 = [];
const arr2 = [(-2147483648 < NaN ? -2147483648 : NaN)];
print(JSON.stringify(arr2.slice().reverse()));
function f3(p0, p1, p2) {
  print(((-2147483648 % 1) * -1));
  let n4 = (- (-2147483648 * 1e21));
  return p0 + 2147483648;
}
print(undefined);
print(null?.a, null?.q ?? "dflt", (null && null.z) || 0);
let w5 = 0; do { w5++; if (w5 === 2) continue; print(w5); } while (w5 < 4);
class C6 {
  constructor(a) { this.a = a; this.b = (-1.5 & 1e21); }
  m(x) { return this.a + x; }
  get g() { return this.b; }
  static s() { return "static"; }
}
function add7(a, b) { return a + b; }
print(add7(1, 2), add7(2147483647, 1), add7("a", 1.5), add7(-0, 0), add7(0.1, 0.2));
class C8 extends C6 {
  f = 1;
  constructor(a) { super(a * 2); this.c = (-1 & -1); }
  m(x) { return super.m(x) + this.f; }
}
const c9 = new C8((3 + 0));
print(c9.m(2), c9.g, c9 instanceof C8, JSON.stringify(c9));
const o10 = { a: 0 };
class C11 extends C8 {
  f = 1;
  constructor(a) { super(a * 2); this.c = Math.floor(3); }
  m(x) { return super.m(x) + this.f; }
}
