// `===`, `!==` and `switch` on strings in hot loops: atom strings (string
// constants, typeof results, object keys, one-unit strings) against each
// other (different atoms are never equal), and against equal strings built
// at run time (concatenation, substring, String(n), join), which must
// compare by content.
function kind(v) {
  const t = typeof v;
  if (t === "number") return 1;
  if (t === "string") return 2;
  if (t === "object") return 3;
  if (t === "boolean") return 4;
  return 5;
}
function sw(s) {
  switch (s) {
    case "alpha": return 1;
    case "gamma": return 2;
    case "delta": return 3;
    case "": return 4;
    default: return 0;
  }
}
const vals = [1, "s", null, true, undefined, {}, 2.5, "alpha"];
const words = ["alpha", "gamma", "delta", "", "omega", "alph", "alphaa"];
const built = words.map((w) => (w + "#").substring(0, w.length));
const keys = Object.keys({ alpha: 1, gamma: 2, delta: 3 });
let s = 0, eq = 0;
for (let r = 0; r < 300; r++) {
  for (let i = 0; i < vals.length; i++) s += kind(vals[i]);
  for (let i = 0; i < words.length; i++) {
    s += sw(words[i]) * 3 + sw(built[i]) * 5;
    if (words[i] === built[i]) eq++;
    if (words[i] !== built[(i + 1) % words.length]) eq += 2;
    if (i < keys.length && keys[i] === words[i]) eq += 4;
    if (String(r % 10) === "7") eq += 8;
    if (["ga", "mma"].join("") === words[1]) eq += 16;
  }
}
console.log(s, eq);
