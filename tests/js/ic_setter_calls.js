// Setters on prototypes at depths 1-3 written at warmed sites (the baseline
// tier calls them directly from the site's cache): setters that store on
// the receiver, call other functions and natives, throw, recurse, read the
// value; then the setters are deleted (the store adds an own property),
// replaced, made getter-only (a TypeError), shadowed by own properties,
// the receivers frozen and re-parented, and a numeric-string key.
let log = [];
class Base {
  constructor(v) { this._v = v; }
  set v(x) { this._v = x * 2; }
  get v() { return this._v; }
  set logged(x) { log.push(x + ":" + this._v); }
  set risky(x) { if (x % 5 === 4) throw new RangeError("bad " + x); this._r = x; }
  set viaNative(x) { this._n = [x, x + 1].map(y => y * this._v).join("/"); }
}
class Mid extends Base { }
class Leaf extends Mid { constructor(v) { super(v); this.w = 0; } }
function setV(o, x) { o.v = x; }
function setLogged(o, x) { o.logged = x; }
function setRisky(o, x) { o.risky = x; }
function setNative(o, x) { o.viaNative = x; }

const objs = [new Base(1), new Mid(2), new Leaf(3)];
let sum = 0;
for (let r = 0; r < 300; r++) for (const o of objs) { setV(o, r); sum += o.v; setNative(o, r & 3); }
console.log("warm", sum, objs.map(o => o._v + "|" + o._n).join(" "));
for (let i = 0; i < 6; i++) setLogged(objs[i % 3], i);
console.log(log.join(","));
let errs = 0, last;
for (let i = 0; i < 200; i++) {
  const o = new Leaf(i);
  try { setRisky(o, i); last = o._r; } catch (e) { errs++; if (i < 10) console.log(e.constructor.name, e.message); }
}
console.log("risky", errs, last);

// A setter that sets through another setter, deeply.
class Chain { constructor(next) { this.next = next; this.got = 0; } set depth(x) { this.got = x; if (this.next !== null) this.next.depth = x + 1; } }
let head = null;
for (let i = 0; i < 500; i++) head = new Chain(head);
for (let r = 0; r < 3; r++) head.depth = r;
let n = head, deepest = 0;
while (n !== null) { deepest = n.got; n = n.next; }
console.log("chain", head.got, deepest);

// Mutation after warm-up.
const leaf = new Leaf(5);
setV(leaf, 7);
console.log(leaf.v, Object.keys(leaf).join());
Object.defineProperty(Mid.prototype, "v", { set(x) { this._v = "mid " + x; }, get() { return this._v; }, configurable: true });
setV(leaf, 8); console.log(leaf.v);
delete Mid.prototype.v;
setV(leaf, 9); console.log(leaf.v);
Object.defineProperty(Base.prototype, "v", { get() { return "getter only"; }, configurable: true });
try { setV(leaf, 10); } catch (e) { console.log(e.constructor.name, e.message); }
Object.defineProperty(Base.prototype, "v", { set(x) { this._v = -x; }, get() { return this._v; }, configurable: true });
setV(leaf, 11); console.log(leaf.v);
Object.defineProperty(leaf, "v", { value: "own", writable: true });
setV(leaf, 12); console.log(leaf.v, leaf._v);
const frozen = Object.freeze(new Leaf(1));
try { setV(frozen, 3); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(frozen._v);
const orphan = new Leaf(2);
Object.setPrototypeOf(orphan, null);
setV(orphan, 4);
console.log(orphan.v, orphan._v);
delete Base.prototype.v;
const fresh = new Leaf(3);
setV(fresh, 5);
console.log(fresh.v, Object.keys(fresh).join());
const f64 = new Float64Array(2);
Object.defineProperty(Float64Array.prototype, "1.5", { set(x) { console.log("never"); }, configurable: true });
function setOdd(o, x) { o["1.5"] = x; }
for (let i = 0; i < 50; i++) setOdd(f64, i);
console.log(f64["1.5"], f64.length);
