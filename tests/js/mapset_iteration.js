// Map/Set iteration is live: additions are visited, deletions skipped,
// across table rebuilds and clear().
const m = new Map();
for (let i = 0; i < 5; i++) m.set(i, i * i);
const seen = [];
for (const [k, v] of m) {
  seen.push(k + ":" + v);
  if (k === 1) { m.delete(2); m.set(10, 100); }
  if (k === 3) m.delete(4);
  if (seen.length > 50) break;
}
print(seen.join(" "));

// Rebuilds while an iterator is suspended: delete most, then grow a lot.
const s = new Set();
for (let i = 0; i < 20; i++) s.add(i);
const it = s.values();
print(it.next().value, it.next().value);
for (let i = 0; i < 18; i++) s.delete(i);
for (let i = 100; i < 140; i++) s.add(i);
const rest = [];
for (const x of it) rest.push(x);
print(rest.length, rest.slice(0, 5).join(","), rest[rest.length - 1]);

// clear() restarts a live iterator at the new contents.
const c = new Map([["a", 1], ["b", 2], ["c", 3]]);
const ci = c.entries();
console.log(ci.next().value);
c.clear();
c.set("z", 26);
console.log(ci.next(), ci.next());
console.log(ci.next());

// forEach sees additions and skips deletions; argument order; thisArg.
const f = new Set(["x", "y"]);
f.forEach(function (v, k, set) {
  print(v, k, set === f, this.tag);
  if (v === "x") { f.add("w"); f.delete("y"); }
}, {tag: "T"});
const fm = new Map([[1, "one"]]);
fm.forEach((v, k, map) => print(v, k, map.size));

// SameValueZero keys.
const z = new Map();
z.set(0, "zero"); z.set(-0, "minus zero"); z.set(NaN, "nan"); z.set(0 / 0, "nan2");
z.set("1", "string one"); z.set(1, "number one"); z.set(1.0, "float one");
console.log(z, z.size, z.get(-0), Object.is([...z.keys()][0], -0));
const objKey = {}, arrKey = [], fnKey = () => 1;
const ok = new Map([[objKey, "o"], [arrKey, "a"], [fnKey, "f"]]);
print(ok.get(objKey), ok.get(arrKey), ok.get(fnKey), ok.get({}), ok.has([]));
const strs = new Set(["ab", "a" + "b", ["a", "b"].join("")]);
print(strs.size);

// Many entries and deletions (rebuilds, chains), keys survive collections.
const big = new Map();
const keys = [];
for (let i = 0; i < 3000; i++) {
  const k = {id: i};
  keys.push(k);
  big.set(k, i);
  big.set("s" + i, i);
}
let sum = 0;
for (let i = 0; i < 3000; i += 3) { big.delete(keys[i]); big.delete("s" + (i + 1)); }
for (const k of keys) sum += big.has(k) ? big.get(k) : 0;
for (let i = 0; i < 3000; i++) if (big.has("s" + i)) sum += 1;
print(big.size, sum);
const order = [];
for (const k of big.keys()) if (typeof k === "string" && order.length < 5) order.push(k);
print(order.join(","));

// Spread, destructuring and Array.from-free conversions.
const [first, second] = new Set([7, 8, 9]);
print(first, second);
const [[k1, v1]] = new Map([["key", "val"]]);
print(k1, v1);
print(Math.max(...new Set([3, 9, 2])));
print([...new Map([[1, 2]]).values()], [...new Set("hello")].join(""));
const inv = new Map([...new Map([["a", 1], ["b", 2]])].map(([k, v]) => [v, k]));
console.log(inv);
