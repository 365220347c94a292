// Tier 2 reads string constants (`LoadAtomStr`), units of strings
// (`StrCharAt`) and compares strings (`StrictEqStr`) inline once a site saw
// only strings; every edge leaves to the baseline code: a rope not yet
// flattened, an index out of range or negative, units without a shared
// one-unit string (>= 256), strings of one length with different contents
// that are not atoms (substrings, concatenations), empty strings, and
// numbers (NaN) reaching a site that saw only strings.
function vowels(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u") n++;
  }
  return n;
}
let text = "";
for (let i = 0; i < 300; i++) text += "lorem ipsum dolor sit amet " + i + "\n";
for (let k = 0; k < 30; k++) vowels("education is a journey");
console.log(vowels(text), vowels("aeiou\u4e2d\u00e9xa"), vowels(""), vowels("\ud83d\ude00ae"));
// A fresh rope at a warm site, then the same rope flattened.
let rope = "";
for (let i = 0; i < 50; i++) rope += "ae" + i;
console.log(vowels(rope), vowels(rope), rope.length);

function at(s, i) { return s[i]; }
for (let k = 0; k < 3000; k++) at("hello", k % 5);
console.log(at("hello", 5), at("hello", -1), at("hello", 0), at("\u4e2dx", 0), at("\u4e2dx", 1), at(rope, 3));
console.log(at("abc", 1.5), at("abc", "1"), at(["x", "y"], 1), at({ 2: "two" }, 2));

function same(a, b) { return a === b; }
function differ(a, b) { return a !== b; }
for (let k = 0; k < 3000; k++) { same("x", k % 2 ? "x" : "y"); differ("ab", k % 3 ? "ab" : "cd"); }
const long = "lorem ipsum";
const cut = long.substring(0, 5);
const built = ["lo", "rem"].join("");
console.log(same(cut, "lorem"), same(cut, built), same(cut, "loren"), same(cut, "lore"));
console.log(same("", ""), same("", "a"), same("a", "a"), same("a", "b"));
console.log(same(long.substring(1, 2), "o"), same(long.substring(1, 2), "p"), differ(long.substring(6, 7), "i"));
console.log(same(NaN, NaN), same(1, 1), same(0.5, 0.5), same(null, null), same(undefined, "x"), differ(NaN, NaN));
const o = { k: 1 };
console.log(same(o, o), same(o, { k: 1 }), differ(o, o), same("1", 1));
let pieces = "";
for (let i = 0; i < 40; i++) pieces += "ab";
console.log(same(pieces, "ab".repeat(40)), differ(pieces, "ab".repeat(40)), same(pieces, pieces));

function tokens(s) {
  const out = [];
  let i = 0;
  while (i < s.length) {
    let ch = s[i];
    if (ch === " ") { i++; continue; }
    let start = i;
    while (i < s.length && s[i] !== " ") i++;
    out.push(s.substring(start, i));
  }
  return out.length;
}
let words = "";
for (let i = 0; i < 200; i++) words += "w" + i + "  ";
for (let k = 0; k < 20; k++) tokens(words);
console.log(tokens(words), tokens("  a  b c "), tokens(""), tokens("\u4e2d \u4e2d"));

// A string constant on either side (`StrictEqAtom`): anything but a string
// is unequal without leaving tier 2; ropes and non-atom strings of the
// constant's length go to the baseline code.
function isAb(x) { return x === "ab"; }
function notA(x) { return "a" !== x; }
for (let k = 0; k < 3000; k++) { isAb(k % 2 ? "ab" : "cd"); notA(k % 3 ? "a" : "b"); }
let abRope = "";
for (let i = 0; i < 20; i++) abRope += "ab";
console.log(isAb("ab"), isAb("abc"), isAb(""), isAb(["a", "b"].join("")), isAb("xab".substring(1)), isAb("xaby".substring(1, 3) + ""));
console.log(isAb(1), isAb(NaN), isAb(null), isAb(undefined), isAb({}), isAb(["ab"]), isAb(true), isAb(abRope), isAb(abRope.substring(0, 2)));
console.log(notA("a"), notA("b"), notA("xa".substring(1)), notA("xb".substring(1)), notA(0), notA(null), notA({ a: 1 }), notA("aa"));
