// Hand-written seed: int32 overflow at one site, polymorphic property
// sites, -0, closures over loop bindings, try/finally ordering.
function add(a, b) { return a + b; }
print(add(2147483647, 1), add(-2147483648, -1), add(1, 2), add("x", 2), add(0.5, 0.25));
print(1 / (0 * -1), Object.is(-0 * 1, -0), (2147483647 | 0) + 1, -2147483648 - 1);
function getA(o) { return o.a; }
const objs = [{ a: 1 }, { b: 2, a: 2 }, { a: "three", c: 3 }, Object.create({ a: 4 })];
for (const o of objs) print(getA(o));
const fs = [];
for (let i = 0; i < 3; i++) fs.push(() => i * 10);
print(fs.map((f) => f()).join(","));
function order() {
  try { print("try"); return "ret"; } finally { print("finally"); }
}
print(order());
class P { constructor(x) { this.x = x; } get twice() { return this.x * 2; } }
class Q extends P { constructor() { super(21); } toString() { return `Q(${this.twice})`; } }
print(String(new Q()), new Q() instanceof P);
let n = 0;
while (true) { n++; }
