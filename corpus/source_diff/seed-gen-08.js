const o1 = { b: 1, a: ((-1.5) ** 2) };
o1.z = 100;
const k2 = 1; try { k2 = 2; } catch (e) { print(e.message); } try { undeclaredk2 = 2; } catch (e) { print(e.message); }
for (const x3 of "10") {
  print(x3, (x3 / -0));
  for (let i4 = 0; i4 < 9; i4++) {
    let n5 = Math.sqrt((- i4));
    n5 += ((NaN + NaN) << (i4 & 31));
    let n6 = (i4 + (- i4));
  }
}
print("10");
const o7 = { get a() { return (((3) ** 2) === (0.5 | 0)); }, c: 3 };
let n8 = 1e21;
const o9 = { b: 1, a: (n8 + 4294967295) };
o9.z = "-0";
let s10 = String((~ Infinity));
let n11 = (100 | 0);
print(Object.keys(o9).join(","));
let n12 = ((0 | 0) - 2147483648);
function f13(p0, p1, p2) {
  print(delete o9.z, delete o9["k" + 1], Object.keys(o9).length);
  return p0 + (1e21 >>> 3);
}
