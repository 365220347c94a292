let n1 = (1e21 % (100 % 2147483648));
const arr2 = [null, null];
class C3 {
  constructor(a) { this.a = a; this.b = 1; }
  m(x) { return this.a + x; }
  get g() { return this.b; }
  static s() { return "static"; }
}
let s4 = "10";
print(s4);
let n5 = ((-1.5 - -2147483648) - (n1 >>> -1.5));
let n6 = 1;
function f7(p0, p1) {
  if (2147483648 > 0) {
    for (const x8 of arr2.slice()) {
      print(x8, x8);
    }
    for (const x9 of arr2.slice()) {
      print(x9, (0 ^ x9));
    }
    const arr10 = [(0x7fffffff - 4294967295)];
  }
  for (const x11 of arr2.slice()) {
    print(x11, x11);
    for (let i12 = 0; i12 < 8; i12++) {
      print(arr2.filter((x) => typeof x === "number").reduce((s, x) => s + x, 0));
      function add13(a, b) { return a + b; }
      print(add13(1, 2), add13(2147483647, 1), add13("a", 1.5), add13(-0, 0), add13(0.1, 0.2));
      print(arr2[i12 & 3], arr2.indexOf(i12));
      if (i12 === 5) break;
    }
    print(arr2.filter((x) => typeof x === "number").reduce((s, x) => s + x, 0));
  }
  return p0 + 2147483648;
}
n6 **= 2;
const mk14 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc15 = mk14((- Infinity));
print(inc15(1), inc15(2.5), inc15("s"));
function rec16(d, acc) { if (d <= 0) return acc; return rec16(d - 1, acc + d); }
print(rec16(42, 0), rec16(3, ""));
print(((s4).toUpperCase() + "-0"));
const mk17 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc18 = mk17(arr2.length);
print(inc18(1), inc18(2.5), inc18("s"));
function rec19(d, acc) { if (d <= 0) return acc; return rec19(d - 1, acc + d); }
print(rec19(37, 0), rec19(3, ""));
let n20 = ((1e21 | 0) & arr2.length);
arr2[(n20 >>> n20) & 7] = (n20 >>> n6);
for (const x21 of arr2.slice()) {
  print(x21, arr2.join(","));
  const m22 = { ["f" + arr2.length]: () => 1, ["g"]() { return 2; } }; print(Object.keys(m22).join(","), m22.g.name);
}
print(delete ({}).x);
