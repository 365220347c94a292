// `!` over every kind of operand and int32 `%` over every sign combination,
// in loops long enough for the baseline tier's inline paths.
const vals = [true, false, null, undefined, 0, 1, -1, 2147483647, -2147483648, 0.5, -0, NaN,
  "", "a", {}, [], function () {}, 1e300];
let nots = [];
for (let r = 0; r < 30; r++) {
  for (let i = 0; i < vals.length; i++) {
    const v = !vals[i];
    if (r === 29) nots.push(v);
  }
}
console.log(nots.join(","));
const nums = [0, 1, 7, -7, 13, -13, 2147483647, -2147483648, 3.5, -0];
let mods = [];
for (let r = 0; r < 20; r++) {
  for (const a of nums) {
    for (const b of nums) {
      const m = a % b;
      if (r === 19) mods.push(Object.is(m, -0) ? "-0" : String(m));
    }
  }
}
console.log(mods.join(" "));
let acc = 0;
for (let i = 0; i < 1000; i++) acc = (acc * 31 + i) % 1000003;
console.log(acc, "7" % 3, null % 5, 10 % "4");
// Negation: int32s, 0 (-0), i32::MIN (2^31), doubles, and the rest.
let negs = [];
for (let r = 0; r < 30; r++) {
  for (const v of [1, -1, 0, -0, 2147483647, -2147483648, 2.5, "3", null, true]) {
    const n = -v;
    if (r === 29) negs.push(Object.is(n, -0) ? "-0" : String(n));
  }
}
console.log(negs.join(" "));
