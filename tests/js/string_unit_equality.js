// One-unit strings (s[i], charAt, substring/slice of length 1, fromCharCode,
// String(digit)) and string ===/!==/switch against constants, ropes, strings
// built at run time, units above 255, and non-strings; typeof results; each
// in loops long enough for the baseline tier's inline paths.
const text = "a{b:[1, \"x\\y\"]}\u00e9\u0100\u4e2d!";
function classify(ch) {
  switch (ch) {
    case "{": return "open";
    case "}": return "close";
    case "[": case "]": return "bracket";
    case "\"": return "quote";
    case "\\": return "escape";
    case "\u00e9": return "e-acute";
    case "\u0100": return "A-macron";
    case "\u4e2d": return "zhong";
    default: return ch >= "0" && ch <= "9" ? "digit" : "other";
  }
}
let kinds = [];
for (let r = 0; r < 20; r++) {
  for (let i = 0; i < text.length; i++) {
    const a = text[i], b = text.charAt(i), c = text.substring(i, i + 1), d = text.slice(i, i + 1);
    const e = String.fromCharCode(text.charCodeAt(i));
    if (!(a === b && b === c && c === d && d === e)) console.log("mismatch at", i);
    if (a !== e) console.log("!== mismatch at", i);
    if (r === 19) kinds.push(classify(a));
  }
}
console.log(kinds.join(","));
// Strings made at run time compare by contents.
let built = "";
for (let i = 0; i < 40; i++) built += i % 2 === 0 ? "a" : "b";
const half = built.substring(0, 20);
let eq = 0, ne = 0;
for (let i = 0; i < 50; i++) {
  if (half === "abababababababababab") eq++;
  if (built.substring(i % 3, i % 3 + 1) === "a") eq++;
  if (built === half) ne++;
  if ("ab" + "c" === "abc") eq++;
  if (("a" + i).substring(1) === String(i)) eq++;
  if (String(i % 10) === "0123456789"[i % 10]) eq++;
  if ("x" === null || "x" === undefined || "1" === 1 || 1 === "1" || "" === false) ne++;
  if ({} === "[object Object]") ne++;
}
console.log(eq, ne);
// A rope long enough not to be flattened yet, compared with itself and a copy.
let rope = "";
for (let i = 0; i < 30; i++) rope += "piece" + i + ";";
const copy = rope.split("").join("");
let same = 0;
for (let i = 0; i < 30; i++) {
  if (rope === rope) same++;
  if (rope === copy) same++;
  if (rope !== copy + "x") same++;
}
console.log(same, rope.length);
// typeof words are equal to their constants.
const vals = [1, 1.5, "s", true, undefined, null, {}, [], function () {}, class {}];
let types = [];
for (let r = 0; r < 30; r++) {
  for (const v of vals) {
    const t = typeof v;
    if (r === 29) types.push(t === "object" ? "obj" : t);
  }
}
console.log(types.join(" "));
// Number constants and string constants in the same function.
function consts(i) { return i % 2 === 0 ? 2.5 : "two"; }
let cs = [];
for (let i = 0; i < 40; i++) cs.push(consts(i));
console.log(cs.slice(-2).join("/"), cs.filter(x => x === "two").length);
