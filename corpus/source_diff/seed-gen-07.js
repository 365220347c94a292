for (let i1 = 0; i1 < 6; i1++) {
}
const arr2 = [(0.5 === NaN), (NaN * 65536 * 65536), (2147483647 % 0.5), (1 % -1.5)];
let s3 = `<${(100 + 1)}>`;
print(arr2.map((x, i) => typeof x + i).join("|"));
function f4(p0, p1, p2) {
  let n5 = 1;
  return p0 + (0.5 ^ 1e21);
}
const arr6 = [Math.trunc(0), null, 4294967295];
const o7 = { get a() { return (0x7fffffff * 2147483648); }, c: 3 };
let n8 = Infinity;
for (let i9 = 0; i9 < 3; i9++) {
  print(s3.length, String(100));
  for (const x10 of arr6.slice()) {
    print(x10, `<${n8}>`);
    for (const x11 of arr2.slice()) {
      print(x11, Math.max(3, 100));
      const o12 = { a: 7 };
    }
    function add13(a, b) { return a + b; }
    print(add13(1, 2), add13(2147483647, 1), add13("a", 1.5), add13(-0, 0), add13(0.1, 0.2));
  }
}
let n14 = ((n8 / 0) >>> 0x7fffffff);
n8 += 7;
if ((s3.length - 0) > 0) {
  for (const x15 of arr2.slice()) {
    print(x15, (s3.length === s3.length));
  }
}
function f16(p0) {
  const arr17 = [((- 7) === (-0 << (4294967295 & 31))), (NaN - 7)];
  print("a" in o7, o7.hasOwnProperty("z"));
  let n18 = ((100 / 7) * -1.5);
  return p0 + (0x7fffffff >> -2147483648);
}
print(o7.a);
