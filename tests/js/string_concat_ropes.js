// `a + b` of two strings: results longer than 32 units are ropes, which
// baseline code makes inline; shorter ones, empty operands and everything
// that is no string go to the helper. Lengths around the boundary, ropes
// of ropes, flattened ropes as operands, and reads of every result.
function cat(a, b) { return a + b; }
const pieces = ["", "a", "0123456789", "0123456789012345678901234567890", "01234567890123456789012345678901", "x".repeat(40)];
let out = [];
for (let k = 0; k < 600; k++) {
  const a = pieces[k % pieces.length], b = pieces[((k / pieces.length) | 0) % pieces.length];
  const s = cat(a, b);
  if (k % 37 === 0) out.push(s.length + ":" + s.charAt(s.length >> 1) + ":" + (s === a + b));
}
console.log(out.join(" "));
let acc = "";
for (let i = 0; i < 500; i++) acc = cat(acc, String.fromCharCode(97 + (i % 26)));
console.log(acc.length, acc.slice(0, 30), acc.indexOf("xyz"), acc[499], acc.charCodeAt(260));
let left = "";
for (let i = 0; i < 200; i++) left = cat(i + ",", left);
console.log(left.length, left.substring(0, 24), left.lastIndexOf("199"));
const flat = acc.toUpperCase();
let mixed = flat;
for (let i = 0; i < 50; i++) mixed = cat(mixed, acc.substring(i, i + 3));
console.log(mixed.length, mixed.endsWith(acc.substring(49, 52)), mixed === flat + acc.substring(0, 3) ? "same" : "differs");
console.log(cat(1, 2), cat("1", 2), cat(1, "2"), cat(null, "x".repeat(40)).length, cat([1, 2], "y".repeat(33)).length, cat({ toString() { return "o".repeat(30); } }, "abc"));
let last = "";
for (let i = 0; i < 300; i++) { const r = cat("prefix-that-is-long-enough-", "and-more-" + i); last = cat(r, cat(r, last.substring(0, 10))); }
console.log(last, last.length);
