class C1 {
  constructor(a) { this.a = a; this.b = (- -1); }
  m(x) { return this.a + x; }
  get g() { return this.b; }
  static s() { return "static"; }
}
let n2 = ((0.5 & -1.5) | 0);
print(n2, (- 100));
const c3 = new C1((-1 | 0));
print(c3.m(2), c3.g, c3 instanceof C1, JSON.stringify(c3));
const o4 = { a: ("\u00e9").toUpperCase(), ["k" + 1]: 2, m() { return this.a; } };
o4.z = (n2 === (0 ^ n2));
if (((2147483647 ^ 2147483648) - 0.5) > 0) {
  print(o4.a, n2);
  let n5 = ((-0 / 7) | 0);
} else {
  for (let i6 = 0; i6 < 7; i6++) {
  }
}
