print(typeof undefinedName, void (0.5 ^ 0));
const k1 = 1; try { k1 = 2; } catch (e) { print(e.message); } try { undeclaredk1 = 2; } catch (e) { print(e.message); }
for (let i2 = 0; i2 < 1; i2++) {
  const o3 = { a: "a" };
  o3.z = null;
  for (const x4 of ("bc" + "a")) {
    print(x4, "\n");
    function add5(a, b) { return a + b; }
    print(add5(1, 2), add5(2147483647, 1), add5("a", 1.5), add5(-0, 0), add5(0.1, 0.2));
    try {
      let n6 = NaN;
      let s7 = ("a" + n6);
    } catch (e) {
      print("caught", e instanceof Error ? e.name + ": " + e.message : e);
    } finally {
      print("finally");
    }
  }
  let n8 = (i2 * 65536 * 65536);
}
let n9 = ((4294967295 >> 100) ^ (7 >>> 3));
print(null, (-2147483648 * 0x7fffffff));
if (((~ n9) & n9) > 0) {
  const p10 = { __proto__: { inh: (n9 % n9) }, own: (n9 * n9) }; print(p10.inh, p10.own, "inh" in p10);
  print(n9);
}
if ((((n9 ^ n9)) ** 2) > 0) {
  n9 *= 1e21;
} else {
  n9 = n9;
  print(("-0").slice(1));
}
const arr11 = [];
n9 += n9;
if (n9 > 0) {
  const arr12 = [];
  let s13 = (("bc").slice(1) + (n9 * n9));
}
try {
  console.log(arr11);
  function add14(a, b) { return a + b; }
  print(add14(1, 2), add14(2147483647, 1), add14("a", 1.5), add14(-0, 0), add14(0.1, 0.2));
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
let n15 = (n9 + (0 << (n9 & 31)));
print(Math.max((1e21 & n9), (7 >> n9)));
function f16(p0, p1) {
  let n17 = ((0x7fffffff - -0) / (0.5 < 1e21 ? 0.5 : 1e21));
  const arr18 = [null, (0.5 << (n17 & 31))];
  return p0 + arr11.length;
}
arr11[(n15 | 0) & 7] = (3 * 1);
let n19 = arr11.length;
const arr20 = [];
let n21 = (n19 >> (n9 % n19));
for (let i22 = 0; i22 < 6; i22++) {
  try {
    const mk23 = (n) => { let c = n; return (d) => { c += d; return c; }; };
    const inc24 = mk23(2147483647);
    print(inc24(1), inc24(2.5), inc24("s"));
    function rec25(d, acc) { if (d <= 0) return acc; return rec25(d - 1, acc + d); }
    print(rec25(42, 0), rec25(3, ""));
    function add26(a, b) { return a + b; }
    print(add26(1, 2), add26(2147483647, 1), add26("a", 1.5), add26(-0, 0), add26(0.1, 0.2));
    class C27 {
      constructor(a) { this.a = a; this.b = (3 / 0.5); }
      m(x) { return this.a + x; }
      get g() { return this.b; }
      static s() { return "static"; }
    }
  } catch (e) {
    print("caught", e instanceof Error ? e.name + ": " + e.message : e);
  }
  const o28 = { a: null };
  o28.z = null;
}
print((Math.ceil(2147483647) * 100), "\n");
function f29(p0) {
  return p0 + 0.5;
}
print(((Infinity / 1) * (Infinity + n19)), (n19 === (0 / 0x7fffffff)));
print(4294967295);
const m30 = { ["f" + n15]: () => 1, ["g"]() { return 2; } }; print(Object.keys(m30).join(","), m30.g.name);
print(f16(((n21 - n9) === (n19 < 0 ? n19 : 0)), "bc"));
const mk31 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc32 = mk31(arr20.length);
print(inc32(1), inc32(2.5), inc32("s"));
function rec33(d, acc) { if (d <= 0) return acc; return rec33(d - 1, acc + d); }
print(rec33(23, 0), rec33(3, ""));
let n34 = 100;
n15 *= ((n34 >>> -1.5) < 7 ? (n34 >>> -1.5) : 7);
print(((((n15) ** 2) | 0) === (- (n9 & n19))));
print(undefined);
print(null);
throw new TypeError("the end");
