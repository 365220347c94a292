let n1 = ((0 ^ 2147483648) + Math.max(-0, 0));
try {
  let s2 = "-0";
  print((0x7fffffff - n1));
  throw new RangeError(String(n1));
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
} finally {
  print("finally");
}
print(delete ({}).x);
if (((n1 * 65536 * 65536) < (-1 % -1) ? (n1 * 65536 * 65536) : (-1 % -1)) > 0) {
} else {
  if (Math.max(4294967295, (-0 + Infinity)) > 0) {
    let n3 = (n1 < Math.max(7, 0x7fffffff) ? n1 : Math.max(7, 0x7fffffff));
  }
  function d4(x, y = (~ n1), ...r) { return x + y + r.length; } print(d4(1), d4(1, 2, 3, 4), d4.length);
}
try {
  class C5 {
    constructor(a) { this.a = a; this.b = 2147483648; }
    m(x) { return this.a + x; }
    get g() { return this.b; }
    static s() { return "static"; }
  }
  throw new RangeError(("a" + "a"));
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
for (let i6 = 0; i6 < 6; i6++) {
  if (((2147483647 < 3 ? 2147483647 : 3) % Math.ceil(1e21)) > 0) {
    for (let i7 = 0; i7 < 8; i7++) {
      let s8 = (typeof 0);
      function add9(a, b) { return a + b; }
      print(add9(1, 2), add9(2147483647, 1), add9("a", 1.5), add9(-0, 0), add9(0.1, 0.2));
    }
    let s10 = `<${((n1) ** 2)}>`;
  }
  if (i6 === 5) break;
}
const arr11 = [2147483648, (n1 === Math.max(n1, n1)), (-2147483648 ^ n1), ((100 * 65536 * 65536) === (-1 % 0.5))];
const o12 = { get a() { return null; }, c: 3 };
o12.z = null;
if (((~ n1) << ((n1 * n1) & 31)) > 0) {
  console.log(arr11);
  let s13 = "\n";
} else {
  for (let i14 = 0; i14 < 1; i14++) {
    print("-0");
    const mk15 = (n) => { let c = n; return (d) => { c += d; return c; }; };
    const inc16 = mk15(1e21);
    print(inc16(1), inc16(2.5), inc16("s"));
    function rec17(d, acc) { if (d <= 0) return acc; return rec17(d - 1, acc + d); }
    print(rec17(24, 0), rec17(3, ""));
  }
  for (let i18 = 0; i18 < 4; i18++) {
    print(-1.5);
    let s19 = "\u00e9";
    let w20 = 0; do { w20++; if (w20 === 2) continue; print(w20); } while (w20 < 4);
  }
}
try {
  const o21 = { b: 1, a: n1 };
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
let n22 = Math.floor(((-0) ** 2));
