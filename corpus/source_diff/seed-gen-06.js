let n1 = (~ ((7) ** 2));
const mk2 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc3 = mk2(n1);
print(inc3(1), inc3(2.5), inc3("s"));
function rec4(d, acc) { if (d <= 0) return acc; return rec4(d - 1, acc + d); }
print(rec4(25, 0), rec4(3, ""));
const p5 = { __proto__: { inh: (n1 & n1) }, own: (n1 / 1) }; print(p5.inh, p5.own, "inh" in p5);
for (let i6 = 0; i6 < 10; i6++) {
  for (const x7 of ("\n").slice(1)) {
    print(x7, ("x y" + ""));
  }
  function f8() {
    for (const x9 of "bc") {
      print(x9, (-1 * 1));
      function add10(a, b) { return a + b; }
      print(add10(1, 2), add10(2147483647, 1), add10("a", 1.5), add10(-0, 0), add10(0.1, 0.2));
    }
    let s11 = ("10" + (i6 + i6));
    return (-2147483648 & 7);
  }
}
n1--; n1 &&= (3 * 65536 * 65536); n1 ||= -1; print(n1, --n1, n1--);
function f13(p0, p1, p2) {
  for (const x14 of "bc") {
    print(x14, ((x14) ** 2));
    print((("x y" + -1)).slice(1));
  }
  print([1, , 3].length, [1, , 3][1], 4294967295 != (-1 + 0.5));
  class C15 {
    constructor(a) { this.a = a; this.b = (- 100); }
    m(x) { return this.a + x; }
    get g() { return this.b; }
    static s() { return "static"; }
  }
  return p0 + ((Infinity) ** 2);
}
let n16 = (~ -1.5);
for (let i17 = 0; i17 < 2; i17++) {
  print(((- (-1.5 & i17)) === (i17 * 65536 * 65536)));
  if (i17 === 5) break;
}
let n18 = (((~ 1)) ** 2);
const o19 = { get a() { return (-1 < 100 ? -1 : 100); }, c: 3 };
let n20 = ((n1) ** 2);
print(((n18 * n1) ^ n16));
const o21 = { get a() { return n18; }, c: 3 };
function d22(x, y = 100, ...r) { return x + y + r.length; } print(d22(1), d22(1, 2, 3, 4), d22.length);
try {
  try {
    let n23 = ((-0 / n18) - (n18 * -1.5));
    let n24 = Math.max(n20, n18);
  } catch (e) {
    print("caught", e instanceof Error ? e.name + ": " + e.message : e);
  }
  throw new RangeError((typeof 0x7fffffff));
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
print(f13(undefined));
let s25 = "\u00e9";
print((Math.sign(0.5) >> n20));
let n26 = ((n18 >>> n20) >>> s25.length);
print(n18);
const o27 = { get a() { return 2147483648; }, c: 3 };
for (let i28 = 0; i28 < 5; i28++) {
  let s29 = ((s25 + 0.5) + 4294967295);
}
const arr30 = [s25, ((NaN * n18) === (0x7fffffff >>> 1e21)), o19.a];
