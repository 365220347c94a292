let n1 = 0x7fffffff;
print("\u00e9", ((~ n1) === (-1 * n1)));
class C2 {
  constructor(a) { this.a = a; this.b = (1e21 ^ 100); }
  m(x) { return this.a + x; }
  get g() { return this.b; }
  static s() { return "static"; }
}
class C3 extends C2 {
  f = 1;
  constructor(a) { super(a * 2); this.c = n1; }
  m(x) { return super.m(x) + this.f; }
}
function d4(x, y = Math.max(Infinity, n1), ...r) { return x + y + r.length; } print(d4(1), d4(1, 2, 3, 4), d4.length);
function f5(p0) {
  for (let i6 = 0; i6 < 12; i6++) {
  }
  for (let i7 = 0; i7 < 3; i7++) {
    let n8 = (1 >>> (i7 % NaN));
  }
  return p0 + Math.max(2147483647, 3);
}
let n9 = (4294967295 ^ (n1 >>> Infinity));
const o10 = { a: (n9 / n1) };
if (Math.max((n1 >> n9), n9) > 0) {
  let n11 = (~ Math.max(3, n9));
  n11 *= n11;
}
print(String((4294967295 + 2147483647)), ((n1) ** 2));
const c12 = new C3((0 - -2147483648));
print(c12.m(2), c12.g, c12 instanceof C3, JSON.stringify(c12));
print(Math.abs((- n1)));
print((n1 === ((-1 & n9) | 0)));
try {
  print(o10.a, "\n");
  const mk13 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc14 = mk13(n9);
  print(inc14(1), inc14(2.5), inc14("s"));
  function rec15(d, acc) { if (d <= 0) return acc; return rec15(d - 1, acc + d); }
  print(rec15(43, 0), rec15(3, ""));
  class C16 {
    constructor(a) { this.a = a; this.b = n9; }
    m(x) { return this.a + x; }
    get g() { return this.b; }
    static s() { return "static"; }
  }
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
} finally {
  print("finally");
}
const mk17 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc18 = mk17(Math.max(n1, 2147483648));
print(inc18(1), inc18(2.5), inc18("s"));
function rec19(d, acc) { if (d <= 0) return acc; return rec19(d - 1, acc + d); }
print(rec19(26, 0), rec19(3, ""));
const k20 = 1; try { k20 = 2; } catch (e) { print(e.message); } try { undeclaredk20 = 2; } catch (e) { print(e.message); }
for (let i21 = 0; i21 < 2; i21++) {
  let n22 = (n9 | 0);
  print(o10?.a, o10?.q ?? "dflt", (o10 && o10.z) || 0);
  let s23 = (typeof (n9 >> Infinity));
}
let s24 = (`<${n9}>`).toUpperCase();
print(n9 >= Math.max(n9, 0x7fffffff), n9 == "1", n9 !== Math.max(n9, 0x7fffffff), !(n9 < Math.max(n9, 0x7fffffff)), true, false);
for (const k in o10) print(k);
function add25(a, b) { return a + b; }
print(add25(1, 2), add25(2147483647, 1), add25("a", 1.5), add25(-0, 0), add25(0.1, 0.2));
for (const x26 of (typeof 1)) {
  print(x26, (4294967295 >> n9));
  for (const k in o10) print(k);
  print([1, , 3].length, [1, , 3][1], (n9 < 2147483647 ? n9 : 2147483647) != (2147483647 - 7));
}
const c27 = new C3((n9 < 0 ? n9 : 0));
print(c27.m(2), c27.g, c27 instanceof C3, JSON.stringify(c27));
const mk28 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc29 = mk28(0.5);
print(inc29(1), inc29(2.5), inc29("s"));
function rec30(d, acc) { if (d <= 0) return acc; return rec30(d - 1, acc + d); }
print(rec30(38, 0), rec30(3, ""));
let n31 = ((-0 & n9) - (n9 & 1e21));
try {
  const p32 = { __proto__: { inh: Math.max(-1.5, n1) }, own: (n1 * n31) }; print(p32.inh, p32.own, "inh" in p32);
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
if ((100 + (n1 * -1.5)) > 0) {
  if (((n1 >>> 2147483647) / Math.abs(0x7fffffff)) > 0) {
    let w33 = 0; do { w33++; if (w33 === 2) continue; print(w33); } while (w33 < 4);
  } else {
  }
}
