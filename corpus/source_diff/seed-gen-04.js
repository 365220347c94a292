let n1 = 4294967295;
let s2 = (typeof (-2147483648 * 65536 * 65536));
let s3 = (s2).slice(1);
const mk4 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc5 = mk4((n1 < 2147483647 ? n1 : 2147483647));
print(inc5(1), inc5(2.5), inc5("s"));
function rec6(d, acc) { if (d <= 0) return acc; return rec6(d - 1, acc + d); }
print(rec6(21, 0), rec6(3, ""));
let n7 = (Math.trunc(n1) ^ -2147483648);
for (let i8 = 0; i8 < 6; i8++) {
  let n9 = Math.abs((- n1));
  const m10 = { ["f" + (-0 >>> n7)]: () => 1, ["g"]() { return 2; } }; print(Object.keys(m10).join(","), m10.g.name);
}
let n11 = (n7 >> -1);
print((n1 + Infinity));
const mk12 = (n) => { let c = n; return (d) => { c += d; return c; }; };
const inc13 = mk12((- n1));
print(inc13(1), inc13(2.5), inc13("s"));
function rec14(d, acc) { if (d <= 0) return acc; return rec14(d - 1, acc + d); }
print(rec14(38, 0), rec14(3, ""));
function d15(x, y = (n1 << (Infinity & 31)), ...r) { return x + y + r.length; } print(d15(1), d15(1, 2, 3, 4), d15.length);
print(s3);
try {
  for (let i16 = 0; i16 < 2; i16++) {
    function add17(a, b) { return a + b; }
    print(add17(1, 2), add17(2147483647, 1), add17("a", 1.5), add17(-0, 0), add17(0.1, 0.2));
    let n18 = n1;
    for (let i19 = 0; i19 < 1; i19++) {
      function add20(a, b) { return a + b; }
      print(add20(1, 2), add20(2147483647, 1), add20("a", 1.5), add20(-0, 0), add20(0.1, 0.2));
    }
  }
  throw new RangeError("\u00e9");
} catch (e) {
  print("caught", e instanceof Error ? e.name + ": " + e.message : e);
}
for (let i21 = 0; i21 < 3; i21++) {
  const mk22 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc23 = mk22(Math.round(2147483648));
  print(inc23(1), inc23(2.5), inc23("s"));
  function rec24(d, acc) { if (d <= 0) return acc; return rec24(d - 1, acc + d); }
  print(rec24(16, 0), rec24(3, ""));
  print([1, , 3].length, [1, , 3][1], n1 != (n1 / -1));
  const mk25 = (n) => { let c = n; return (d) => { c += d; return c; }; };
  const inc26 = mk25(7);
  print(inc26(1), inc26(2.5), inc26("s"));
  function rec27(d, acc) { if (d <= 0) return acc; return rec27(d - 1, acc + d); }
  print(rec27(34, 0), rec27(3, ""));
}
