// Object.keys of plain objects takes the shape's keys straight into an
// array; Number(string) reads a flat string's units in place and parses
// short integers exactly. Both against the general paths' edge cases.
const o = { b: 1, a: 2 };
o.c = 3;
Object.defineProperty(o, "hidden", { value: 4, enumerable: false });
o[2] = "two"; // an index key: integer keys come first
console.log(Object.keys(o).join(","), Object.keys({ x: 1, y: 2 }).join(","), Object.keys({}).length);
const d = { p: 1, q: 2, r: 3 };
delete d.q; // a dictionary shape
d.s = 4;
console.log(Object.keys(d).join(","));
class P { constructor() { this.m = 1; this.n = 2; } get g() { return 3; } }
const inst = new P();
console.log(Object.keys(inst).join(","), Object.keys([5, 6]).join(","), Object.keys("hi").join(","));
function F() {}
F.extra = 1;
console.log(Object.keys(F).join(","), Object.keys(new Error("e")).length, Object.keys(Object.create({ inh: 1 })).length);
const acc = { get v() { return 1; }, w: 2 };
console.log(Object.keys(acc).join(","));
let total = 0;
for (let i = 0; i < 2000; i++) {
  const r = { id: i, name: "n" + i };
  if (i % 3 === 0) r.extra = true;
  total += Object.keys(r).length;
  if (i % 500 === 0) { r.z = 1; delete r.id; console.log(Object.keys(r).join(",")); }
}
console.log(total);

const samples = ["0", "-0", "+5", "007", "123456789012345", "1234567890123456", "99999999999999999999",
  "1.5", "  12  ", ".5", "5.", "1e3", "-1.25e-2", "", " ", "0x1F", "-", "+", "1_000", "12a",
  "Infinity", "-Infinity", "\u00a042\n", "3.14159265358979323846", "-000123", "+0", "0.0000001"];
for (const s of samples) {
  const n = Number(s);
  console.log(JSON.stringify(s), n, Object.is(n, -0), parseFloat(s), +s);
}
let rope = "";
for (let i = 0; i < 40; i++) rope += "1";
console.log(Number(rope), Number(rope.substring(0, 15)), Number("-" + rope.substring(0, 3)));
let sum = 0;
for (let i = 0; i < 3000; i++) sum += Number(String(i)) + Number("-" + i + ".5");
console.log(sum);
