let n1 = (~ 0.5);
function f2(p0) {
  function add3(a, b) { return a + b; }
  print(add3(1, 2), add3(2147483647, 1), add3("a", 1.5), add3(-0, 0), add3(0.1, 0.2));
  print(add3(((-0 / 1) === 7), ("a").slice(1)));
  return p0 + (~ -0);
}
const arr4 = [String(n1), undefined, (n1 * n1), (Math.max(n1, n1) === Math.trunc(n1))];
print(undefined);
let n5 = (n1 & 4294967295);
print(delete ({}).x);
print(f2((- 2147483647)));
print(Math.max(arr4.length, 7));
print(Math.abs(Infinity));
function add6(a, b) { return a + b; }
print(add6(1, 2), add6(2147483647, 1), add6("a", 1.5), add6(-0, 0), add6(0.1, 0.2));
let n7 = (- Math.abs(n1));
let n8 = (arr4.length * (0 - n1));
for (const x9 of arr4.slice()) {
  print(x9, String(x9));
  const mk10 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc11 = mk10((-1 < -2147483648 ? -1 : -2147483648));
  print(inc11(1), inc11(2.5), inc11("s"));
  function rec12(d, acc) { if (d <= 0) return acc; return rec12(d - 1, acc + d); }
  print(rec12(23, 0), rec12(3, ""));
}
let n13 = (Math.max(-2147483648, n1) ^ (n1 < NaN ? n1 : NaN));
print((`<${n1}>` + (2147483648 + Infinity)), "NaN");
let n14 = (n7 & 3);
const o15 = { b: 1, a: ((n8 * n8) === (n8 | 0)) };
o15.z = 2147483648;
print(f2(((n8 + 0) === n14)));
const arr16 = [((0.5 < n8 ? 0.5 : n8) === n8), n7];
const mk17 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc18 = mk17(((n8) ** 2));
print(inc18(1), inc18(2.5), inc18("s"));
function rec19(d, acc) { if (d <= 0) return acc; return rec19(d - 1, acc + d); }
print(rec19(20, 0), rec19(3, ""));
function f20() {
  for (let i21 = 0; i21 < 0; i21++) {
    for (const x22 of arr16.slice()) {
      print(x22, `<${x22}>`);
      const arr23 = [o15.a];
    }
    if (i21 === 5) break;
  }
  return NaN;
}
