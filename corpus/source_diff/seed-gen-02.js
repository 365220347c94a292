print(((-1 | 0) < (0 - NaN) ? (-1 | 0) : (0 - NaN)));
for (let i1 = 0; i1 < 1; i1++) {
  print(null, -2147483648);
  print((i1 * 65536 * 65536));
  if (i1 === 5) break;
}
switch (2147483647 & 3) { case 0: print("zero"); break; case 1: print("one"); default: print("dflt"); }
print([1, , 3].length, [1, , 3][1], 3 != (2147483648 * 65536 * 65536));
let n2 = (- 2147483647);
print(Math.trunc(n2) >= ((n2) ** 2), Math.trunc(n2) == "1", Math.trunc(n2) !== ((n2) ** 2), !(Math.trunc(n2) < ((n2) ** 2)), true, false);
let s3 = `<${(3 + 7)}>`;
function f4(p0, p1, p2) {
  print((((-0 << (4294967295 & 31)) | 0) === Math.max((3 | 0), (4294967295 ^ 2147483648))), (0 % 1));
  function add5(a, b) { return a + b; }
  print(add5(1, 2), add5(2147483647, 1), add5("a", 1.5), add5(-0, 0), add5(0.1, 0.2));
  return p0 + (100 * 1e21);
}
print((0x7fffffff === (1 ^ (7 - n2))), (100 ^ n2));
if ((n2 & s3.length) > 0) {
  print(((n2 * 2147483648) / s3.length));
}
for (const x6 of s3) {
  print(x6, null);
  let s7 = (s3).slice(1);
  class C8 {
    constructor(a) { this.a = a; this.b = (n2 << (0.5 & 31)); }
    m(x) { return this.a + x; }
    get g() { return this.b; }
    static s() { return "static"; }
  }
}
const mk9 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc10 = mk9((0x7fffffff * n2));
print(inc10(1), inc10(2.5), inc10("s"));
function rec11(d, acc) { if (d <= 0) return acc; return rec11(d - 1, acc + d); }
print(rec11(27, 0), rec11(3, ""));
print(f4((- 3), s3, -1));
print(s3.length, null);
for (let i12 = 0; i12 < 5; i12++) {
  if (i12 === 5) break;
}
