// `<`, `<=`, `>`, `>=` at sites warmed on one-character strings (the
// baseline tier compares their code units inline), then at the same sites:
// longer strings, the empty string, ropes, surrogate halves, mixed
// strings and numbers, undefined at the end of a scan, and objects with
// valueOf/toString.
function lt(a, b) { return a < b; }
function le(a, b) { return a <= b; }
function gt(a, b) { return a > b; }
function ge(a, b) { return a >= b; }
function isDigit(ch) { return ch >= "0" && ch <= "9"; }
function all(a, b) { return [lt(a, b), le(a, b), gt(a, b), ge(a, b)].map(Number).join(""); }

const text = "x = 12.5e3 - (y_9 * 7) ; \u00e9\u4e2d\ud83d\ude00 ~0~9~";
let digits = 0, h = 0;
for (let r = 0; r < 50; r++) {
  for (let i = 0; i <= text.length; i++) {
    if (isDigit(text[i])) digits++;
    if (text[i] < "a") h = (h * 3 + i) % 100003;
  }
}
console.log("warm", digits, h);
const ones = ["a", "b", "A", "0", "9", "~", " ", "\u00e9", "\ud83d", "\ude00", "\uffff", "\u0000"];
let grid = "";
for (const a of ones) for (const b of ones) grid += all(a, b);
console.log(grid.length, grid.slice(0, 48));
console.log(grid.slice(48, 144));
console.log(all("ab", "a"), all("a", "ab"), all("", "a"), all("a", ""), all("", ""), all("abc", "abd"));
let rope = "";
for (let i = 0; i < 40; i++) rope += "zz";
console.log(all(rope, "z"), all("z", rope), all(rope[3], "z"), all(rope.charAt(0), "{"));
console.log(all("5", 5), all(5, "6"), all("10", "9"), all(10, "9"), all("a", 1), all(undefined, "a"), all(null, "0"));
console.log(all({ valueOf() { return "m"; } }, "n"), all("n", { toString() { return "m"; } }), all([1], "1"), all(true, "1"));
console.log(isDigit(undefined), isDigit("5"), isDigit("55"), isDigit("/"), isDigit(":"), isDigit(7));
