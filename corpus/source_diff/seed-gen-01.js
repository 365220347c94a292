for (let i1 = 0; i1 < 5; i1++) {
  const mk2 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc3 = mk2((~ i1));
  print(inc3(1), inc3(2.5), inc3("s"));
  function rec4(d, acc) { if (d <= 0) return acc; return rec4(d - 1, acc + d); }
  print(rec4(11, 0), rec4(3, ""));
}
for (let i5 = 0; i5 < 12; i5++) {
}
function f6() {
  let w7 = 0; do { w7++; if (w7 === 2) continue; print(w7); } while (w7 < 4);
  return (4294967295 << (0.5 & 31));
}
for (let i8 = 0; i8 < 0; i8++) {
}
let s9 = "10";
const o10 = { a: "" };
o10.z = null;
let n11 = -1;
if ((-1.5 >> 2147483647) > 0) {
  print(Object.keys(o10).join(","));
  let n12 = s9.length;
} else {
  n11 += ((n11 << (-1 & 31)) % (n11 + n11));
  function add13(a, b) { return a + b; }
  print(add13(1, 2), add13(2147483647, 1), add13("a", 1.5), add13(-0, 0), add13(0.1, 0.2));
}
try {
  const arr14 = [(s9).slice(1)];
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
} finally {
  print("finally");
}
const o15 = { a: `<${0.5}>` };
o15.z = (n11 * 65536 * 65536);
print(n11);
const arr16 = [(~ 2147483648), (~ n11), (Math.trunc(-1) === -1)];
for (let i17 = 0; i17 < 4; i17++) {
  let n18 = 2147483648;
}
try {
  print(f6());
  try {
    function f19(p0) {
      function add20(a, b) { return a + b; }
      print(add20(1, 2), add20(2147483647, 1), add20("a", 1.5), add20(-0, 0), add20(0.1, 0.2));
      function add21(a, b) { return a + b; }
      print(add21(1, 2), add21(2147483647, 1), add21("a", 1.5), add21(-0, 0), add21(0.1, 0.2));
      function add22(a, b) { return a + b; }
      print(add22(1, 2), add22(2147483647, 1), add22("a", 1.5), add22(-0, 0), add22(0.1, 0.2));
      function add23(a, b) { return a + b; }
      print(add23(1, 2), add23(2147483647, 1), add23("a", 1.5), add23(-0, 0), add23(0.1, 0.2));
      return p0 + arr16.length;
    }
    const m24 = { ["f" + n11]: () => 1, ["g"]() { return 2; } }; print(Object.keys(m24).join(","), m24.g.name);
    print((7 * arr16.length));
  } catch (e) {
    print("caught", e instanceof Error ? e.name + ": " + e.message : e);
  }
  print(((- n11) / 1e21), undefined);
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
print((0 === (- n11)), ((1e21 ^ n11) === (0 % NaN)));
function add25(a, b) { return a + b; }
print(add25(1, 2), add25(2147483647, 1), add25("a", 1.5), add25(-0, 0), add25(0.1, 0.2));
print(JSON.stringify(o10));
const arr26 = [Math.max(n11, n11)];
let n27 = (n11 & (n11 % n11));
print((("x y").toUpperCase() + (n11 + n27)), s9.length);
print(arr16.map((x, i) => typeof x + i).join("|"));
let n28 = 0x7fffffff;
for (let i29 = 0; i29 < 5; i29++) {
  print(arr26.filter((x) => typeof x === "number").reduce((s, x) => s + x, 0));
  print(undefined);
}
