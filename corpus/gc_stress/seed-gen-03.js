for (let i1 = 0; i1 < 3; i1++) {
  print(((i1 * 0x7fffffff) % i1));
}
let n2 = 1;
class C3 {
  constructor(a) { this.a = a; this.b = Math.max(-1, n2); }
  m(x) { return this.a + x; }
  get g() { return this.b; }
  static s() { return "static"; }
}
print("\u00e9");
class C4 {
  constructor(a) { this.a = a; this.b = (n2 - n2); }
  m(x) { return this.a + x; }
  get g() { return this.b; }
  static s() { return "static"; }
}
let n5 = 0x7fffffff;
let n6 = ((n5 + 100) / n5);
let n7 = NaN;
print(null);
n5 = ((n6 & n6) | 0);
let s8 = (String(n5)).slice(1);
const p9 = { __proto__: { inh: n6 }, own: (- -1.5) }; print(p9.inh, p9.own, "inh" in p9);
function f10(p0, p1) {
  function f11() {
    for (let i12 = 0; i12 < 2; i12++) {
      print(Infinity);
      function add13(a, b) { return a + b; }
      print(add13(1, 2), add13(2147483647, 1), add13("a", 1.5), add13(-0, 0), add13(0.1, 0.2));
      print((100 ^ i12) >= i12, (100 ^ i12) == "1", (100 ^ i12) !== i12, !((100 ^ i12) < i12), true, false);
    }
    return (3 ^ 1);
  }
  let n14 = 7;
  return p0 + ((100) ** 2);
}
function f15() {
  let n16 = ((-0 / -1.5) % (2147483647 & NaN));
  return "10";
}
let n17 = (n6 >> (2147483648 >> n7));
class C18 extends C4 {
  f = 1;
  constructor(a) { super(a * 2); this.c = (0x7fffffff >>> 2147483648); }
  m(x) { return super.m(x) + this.f; }
}
let n19 = n6;
try {
  let s20 = (typeof 2147483647);
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
let n21 = s8.length;
let n22 = ((- 7) & (NaN % Infinity));
print(n7);
class C23 extends C18 {
  f = 1;
  constructor(a) { super(a * 2); this.c = (- n7); }
  m(x) { return super.m(x) + this.f; }
}
if ((s8.length * 0x7fffffff) > 0) {
  n17 ??= (n7 >>> (1 * 65536 * 65536));
} else {
  class C24 {
    constructor(a) { this.a = a; this.b = (Infinity | 0); }
    m(x) { return this.a + x; }
    get g() { return this.b; }
    static s() { return "static"; }
  }
}
let n25 = Math.ceil((n22 * n21));
const arr26 = [("bc").slice(1), (n5 & n7)];
if (Infinity > 0) {
  const mk27 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc28 = mk27((0 % n17));
  print(inc28(1), inc28(2.5), inc28("s"));
  function rec29(d, acc) { if (d <= 0) return acc; return rec29(d - 1, acc + d); }
  print(rec29(48, 0), rec29(3, ""));
  print(null?.a, null?.q ?? "dflt", (null && null.z) || 0);
}
for (let i30 = 0; i30 < 8; i30++) {
  for (let i31 = 0; i31 < 12; i31++) {
    try {
      function add32(a, b) { return a + b; }
      print(add32(1, 2), add32(2147483647, 1), add32("a", 1.5), add32(-0, 0), add32(0.1, 0.2));
      print(arr26.length, `<${Infinity}>`);
      let n33 = 3;
    } catch (e) {
      print("caught", e instanceof Error ? e.name + ": " + e.message : e);
    }
    for (let i34 = 0; i34 < 1; i34++) {
      function add35(a, b) { return a + b; }
      print(add35(1, 2), add35(2147483647, 1), add35("a", 1.5), add35(-0, 0), add35(0.1, 0.2));
      const c36 = new C23((-2147483648 * 3));
      print(c36.m(2), c36.g, c36 instanceof C23, JSON.stringify(c36));
      function add37(a, b) { return a + b; }
      print(add37(1, 2), add37(2147483647, 1), add37("a", 1.5), add37(-0, 0), add37(0.1, 0.2));
    }
    if (Math.max((n2 & n22), -1) > 0) {
    } else {
    }
  }
  if (i30 === 5) break;
}
