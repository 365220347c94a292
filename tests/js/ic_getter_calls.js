// Getters on prototypes at depths 1-3 read at warmed sites (the baseline
// tier calls them directly from the site's cache), with getters that call
// other functions (some never compiled), call natives that call back,
// throw (caught inside, or escaping to the reader), recurse through other
// getters past the native nesting limit, read `this` of a string
// primitive; then the getters are deleted, replaced, shadowed by own data
// properties, and the receivers re-parented.
class Base {
  constructor(v) { this.v = v; }
  get twice() { return this.v * 2; }
  get viaCall() { return helper(this.v) + 1; }
  get viaNative() { return [1, 2, 3].map(x => x * this.v).join("-"); }
  get risky() { if (this.v % 7 === 3) throw new Error("risky " + this.v); return this.v; }
  get guarded() { try { return this.risky; } catch (e) { return "caught " + e.message; } }
}
class Mid extends Base { get chained() { return this.twice + this.viaCall; } }
class Leaf extends Mid { }
let helperCalls = 0;
function helper(x) { helperCalls++; return x * 3; }

function readAll(o) { return [o.twice, o.viaCall, o.viaNative, o.guarded, o.chained].join(","); }
function readTwice(o) { return o.twice; }
function readRisky(o) { return o.risky; }

const objs = [new Base(1), new Mid(2), new Leaf(3), new Leaf(4)];
let last = "";
for (let r = 0; r < 200; r++) for (const o of objs) last = readAll(o);
console.log("warm", last, helperCalls);
let errs = 0, sum = 0;
for (let i = 0; i < 300; i++) {
  try { sum += readRisky(new Leaf(i)); } catch (e) { errs++; if (i < 20) console.log(e.message); }
}
console.log("risky", sum, errs);

// Recursion through getters: a linked list read by a getter that reads the
// next node's getter (tests/baseline_ic.rs goes past the nesting limit).
class Node { constructor(next) { this.next = next; } get depth() { return this.next === null ? 0 : this.next.depth + 1; } }
function listOf(n) { let h = null; for (let i = 0; i < n; i++) h = new Node(h); return h; }
for (const n of [10, 100, 1000, 1500]) console.log("depth", n, listOf(n).depth);
console.log("after", listOf(50).depth);

// `this` of a string primitive.
Object.defineProperty(String.prototype, "shout", { get() { return typeof this + ":" + this.toUpperCase(); }, configurable: true });
function shout(s) { return s.shout; }
let sh = "";
for (let i = 0; i < 300; i++) sh = shout("ab" + (i % 3));
console.log(sh);
delete String.prototype.shout;
console.log(shout("x"));

// Mutation after warm-up.
const leaf = new Leaf(5);
console.log(readTwice(leaf));
Object.defineProperty(Mid.prototype, "twice", { get() { return "mid " + this.v; }, configurable: true });
console.log(readTwice(leaf), readTwice(new Base(5)));
delete Mid.prototype.twice;
console.log(readTwice(leaf));
Object.defineProperty(leaf, "twice", { value: "own" });
console.log(readTwice(leaf), readTwice(new Leaf(6)));
Object.setPrototypeOf(leaf, null);
console.log(readTwice(leaf));
const other = new Leaf(7);
Object.setPrototypeOf(other, { get twice() { return "adopted"; } });
console.log(readTwice(other));
delete Base.prototype.twice;
console.log(readTwice(new Leaf(8)), readTwice(new Base(9)));
Object.defineProperty(Base.prototype, "twice", { get: Math.random === 0 ? null : function () { return "again " + this.v; }, configurable: true });
let again = "";
for (let i = 0; i < 100; i++) again = readTwice(new Leaf(i));
console.log(again);
Object.defineProperty(Base.prototype, "twice", { get: undefined, set(v) { }, configurable: true });
console.log(readTwice(new Leaf(1)));
