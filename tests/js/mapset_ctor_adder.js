// `new Map(iterable)` / `new Set(iterable)` call the object's `set` / `add`
// (looked up once, before iterating), as the spec says.
const log = [];
const origSet = Map.prototype.set;
Map.prototype.set = function (k, v) { log.push(`set ${k}=${v}`); return origSet.call(this, k, v + 100); };
const m = new Map([[1, 2], ["a", "b"]]);
console.log(m, log.join("; "));
Map.prototype.set = origSet;
console.log(new Map([[1, 2]]));
const origAdd = Set.prototype.add;
let adds = 0;
Set.prototype.add = function (v) { adds++; return origAdd.call(this, typeof v); };
console.log(new Set([1, "x", 2, null]), adds);
Set.prototype.add = origAdd;
console.log(new Set("hello"));
// Subclasses override the adder.
class Doubling extends Map { set(k, v) { return super.set(k, v * 2); } }
console.log(new Doubling([[1, 2], [3, 4]]));
class Upper extends Set { add(v) { return super.add(String(v).toUpperCase()); } }
console.log(new Upper(["a", "b", "a"]));
// A non-callable adder throws before iterating (only when there is an iterable).
for (const bad of [5, undefined, {}, "str"]) {
  Map.prototype.set = bad;
  try { new Map([[1, 2]]); } catch (e) { print(e.constructor.name, e.message); }
  try { new Map([]); print("empty iterable"); } catch (e) { print(e.constructor.name, e.message); }
  print(new Map().size, new Map(null).size, new Map(undefined).size);
}
Map.prototype.set = origSet;
Set.prototype.add = null;
try { new Set([1]); } catch (e) { print(e.constructor.name, e.message); }
Set.prototype.add = origAdd;
// The adder's exception ends construction; a getter for `set` runs once.
let gets = 0;
Object.defineProperty(Map.prototype, "set", {
  get() { gets++; return origSet; }, configurable: true,
});
console.log(new Map([[1, 1], [2, 2], [3, 3]]).size, gets);
Object.defineProperty(Map.prototype, "set", { value: origSet, writable: true, configurable: true });
Map.prototype.set = function (k) { if (k === 2) throw new RangeError("no 2"); return origSet.call(this, k, k); };
try { new Map([[1], [2], [3]]); } catch (e) { print(e.constructor.name, e.message); }
Map.prototype.set = origSet;
// Entries that are not objects are still rejected.
try { new Map([1]); } catch (e) { print(e.constructor.name, e.message); }
console.log(new Map([[1, 2]]).get(1), new Set([1, 1, 2]).size);
