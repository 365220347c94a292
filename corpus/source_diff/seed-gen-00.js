let w1 = 0; do { w1++; if (w1 === 2) continue; print(w1); } while (w1 < 4);
let n2 = (100 ^ Math.max(2147483648, 1e21));
n2 += ((1 & 0.5) ^ (n2 * 0));
print(((1) ** 2) >= (NaN + 4294967295), ((1) ** 2) == "1", ((1) ** 2) !== (NaN + 4294967295), !(((1) ** 2) < (NaN + 4294967295)), true, false);
for (const x3 of "\n") {
  print(x3, (Math.max(x3, x3) === x3));
}
let n4 = Math.sqrt(0.5);
let s5 = "\n";
let s6 = s5;
try {
  let n7 = n4;
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
} finally {
  print("finally");
}
const arr8 = [(0 ^ -1), ((- n2) === 3)];
for (let i9 = 0; i9 < 7; i9++) {
  const mk10 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc11 = mk10((-1.5 << (n4 & 31)));
  print(inc11(1), inc11(2.5), inc11("s"));
  function rec12(d, acc) { if (d <= 0) return acc; return rec12(d - 1, acc + d); }
  print(rec12(25, 0), rec12(3, ""));
  let n13 = 100;
}
print((n2 >>> n4) >= -0, (n2 >>> n4) == "1", (n2 >>> n4) !== -0, !((n2 >>> n4) < -0), true, false);
for (let i14 = 0; i14 < 11; i14++) {
  let s15 = ((s6 + "a") + i14);
  for (let i16 = 0; i16 < 4; i16++) {
    const mk17 = (n) => { let c = n; return (d) => { c += d; return c; }; };
    const inc18 = mk17(Math.floor(i16));
    print(inc18(1), inc18(2.5), inc18("s"));
    function rec19(d, acc) { if (d <= 0) return acc; return rec19(d - 1, acc + d); }
    print(rec19(11, 0), rec19(3, ""));
  }
}
for (const x20 of arr8.slice()) {
  print(x20, (s5.length === (1e21 + 2147483647)));
}
const p21 = { __proto__: { inh: NaN }, own: n4 }; print(p21.inh, p21.own, "inh" in p21);
if (n4 > 0) {
  print(null?.a, null?.q ?? "dflt", (null && null.z) || 0);
  let n22 = (n2 << (-1 & 31));
  print(Math.abs((3 << (-0 & 31))));
} else {
  let n23 = n2;
}
const mk24 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc25 = mk24(n4);
print(inc25(1), inc25(2.5), inc25("s"));
function rec26(d, acc) { if (d <= 0) return acc; return rec26(d - 1, acc + d); }
print(rec26(24, 0), rec26(3, ""));
print(((n2 * 0) >> 0));
let n27 = ((1 >>> NaN) >>> s5.length);
print(undefined, `<${n27}>`);
try {
  let s28 = "\n";
  for (const x29 of arr8.slice()) {
    print(x29, undefined);
  }
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
} finally {
  print("finally");
}
console.log(arr8);
n27 ??= (-0 << (s6.length & 31));
arr8[(Infinity % 7) & 7] = s5.length;
let n30 = n2;
if (((- 2147483647) % n2) > 0) {
  n2 += (n27 << ((n27 + n27) & 31));
  print(typeof undefinedName, void -1);
  let n31 = n4;
}
print(arr8.filter((x) => typeof x === "number").reduce((s, x) => s + x, 0));
for (let i32 = 0; i32 < 1; i32++) {
}
throw new TypeError("the end");
