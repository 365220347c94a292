for (const x1 of ("bc" + "a")) {
  print(x1, (x1 & x1));
}
let n2 = (0 >>> ((0) ** 2));
const o3 = { a: (n2 < 4294967295 ? n2 : 4294967295) };
o3.z = (typeof n2);
function f4() {
  const o5 = { get a() { return (4294967295 % 2147483648); }, c: 3 };
  o5.z = (-0 >> -1.5);
  const mk6 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc7 = mk6((2147483647 + 3));
  print(inc7(1), inc7(2.5), inc7("s"));
  function rec8(d, acc) { if (d <= 0) return acc; return rec8(d - 1, acc + d); }
  print(rec8(29, 0), rec8(3, ""));
  const o9 = { get a() { return (typeof 2147483648); }, c: 3 };
  o9.z = ((0 >>> 4294967295) === Math.abs(Infinity));
  return (~ 2147483647);
}
function add10(a, b) { return a + b; }
print(add10(1, 2), add10(2147483647, 1), add10("a", 1.5), add10(-0, 0), add10(0.1, 0.2));
let n11 = NaN;
let s12 = (String(100)).toUpperCase();
print(undefined);
const o13 = { a: (-1.5 >>> n2), ["k" + 1]: 2, m() { return this.a; } };
const mk14 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc15 = mk14(Math.round(4294967295));
print(inc15(1), inc15(2.5), inc15("s"));
function rec16(d, acc) { if (d <= 0) return acc; return rec16(d - 1, acc + d); }
print(rec16(25, 0), rec16(3, ""));
let n17 = n2;
print(((typeof n2)).slice(1), o13.a);
for (let i18 = 0; i18 < 0; i18++) {
  print(add10((n2 >> n11), (typeof 1e21)));
  for (const x19 of s12) {
    print(x19, n11);
  }
  const arr20 = [(-1.5 === -1.5), (n2 * Infinity), (n11 < 0.5 ? n11 : 0.5), o3.a];
}
if (n17 > 0) {
  n11--; n11 &&= (1 | 0); n11 ||= s12.length; print(n11, --n11, n11--);
  const o22 = { b: 1, a: ((3 ^ 4294967295) === 1) };
  o22.z = 0;
  print((n17 / (n2 < n11 ? n2 : n11)));
}
class C23 {
  constructor(a) { this.a = a; this.b = (n2 - -0); }
  m(x) { return this.a + x; }
  get g() { return this.b; }
  static s() { return "static"; }
}
for (const x24 of "x y") {
  print(x24, "-0");
  const o25 = { a: s12.length };
  print([1, , 3].length, [1, , 3][1], Math.max(n17, n11) != -2147483648);
}
let s26 = `<${NaN}>`;
throw new TypeError("the end");
