// Keyed inline caches (`o[k]` and `o[k] = v` with string keys) under
// prototype and object-model mutation: own loads and stores, loads of
// inherited properties at depth 1-3, property-adding stores (cached
// transitions), each re-checked after shadowing at every level,
// setPrototypeOf, a getter and a setter on a prototype (and deleting the
// getter), read-only and frozen receivers, non-extensible receivers, and
// keys that are atoms ("x"), built strings ("x" + ""), substrings, array
// indices ("3") and canonical numeric strings ("1.5", "NaN", "-0") on
// plain objects, arrays and typed arrays. Every loop runs long enough for
// the baseline tier's caches to fill first.
class A { constructor(v) { this.v = v; } }
class B extends A {}
class C extends B {}
A.prototype.k = 1;

function get(o, key) { return o[key]; }
function put(o, key, v) { o[key] = v; }
const built = (s) => (s + "!").substring(0, s.length);

function sweep(label, objs, key) {
  let out = [];
  for (let r = 0; r < 40; r++) {
    for (let i = 0; i < objs.length; i++) {
      const a = get(objs[i], key);
      const b = get(objs[i], built(key));
      if (r === 39) out.push(String(a) + (a === b ? "" : "/" + String(b)));
    }
  }
  console.log(label, out.join(" "));
}

const a = new A(1), b = new B(2), c = new C(3);
const objs = [a, b, c];
sweep("start k", objs, "k");
sweep("start v", objs, "v");
A.prototype.k = 10;
sweep("A.k=10", objs, "k");
B.prototype.k = 20;
sweep("B.k=20", objs, "k");
C.prototype.k = 30;
sweep("C.k=30", objs, "k");
c.k = 40;
sweep("own k", objs, "k");
delete C.prototype.k;
sweep("del C.k", objs, "k");
delete c.k;
delete B.prototype.k;
sweep("del c.k B.k", objs, "k");
Object.setPrototypeOf(B.prototype, { k: "swapped" });
sweep("setPrototypeOf", objs, "k");
Object.setPrototypeOf(B.prototype, A.prototype);
Object.defineProperty(A.prototype, "g", { get() { return "get:" + this.v; }, configurable: true });
sweep("getter", objs, "g");
delete A.prototype.g;
sweep("getter deleted", objs, "g");
A.prototype.g = "data";
sweep("g data", objs, "g");

// Stores: own properties, then adding properties (transitions) under
// a setter, a read-only property and a frozen prototype on the chain.
function tryPut(o, key, v) {
  try { put(o, key, v); return 0; } catch (e) { return e.constructor.name + ": " + e.message; }
}
function fill(label, mk, keys) {
  let out = [];
  let errors = new Set();
  for (let r = 0; r < 40; r++) {
    const o = mk();
    for (let i = 0; i < keys.length; i++) errors.add(tryPut(o, r % 2 ? built(keys[i]) : keys[i], i + r));
    for (let i = 0; i < keys.length; i++) errors.add(tryPut(o, keys[i], get(o, keys[i]) + 1));
    if (r >= 38) out.push(JSON.stringify(o) + ":" + Object.keys(o).length);
  }
  errors.delete(0);
  console.log(label, out.join(" "), [...errors].join("; "));
}
const keys = ["p", "q", "r", "s"];
fill("plain", () => ({}), keys);
fill("class", () => new C(0), keys);
let sets = 0;
Object.defineProperty(B.prototype, "q", { set(v) { sets += v; }, get() { return 100; }, configurable: true });
fill("setter q", () => new C(0), keys);
console.log("sets", sets);
delete B.prototype.q;
Object.defineProperty(A.prototype, "r", { value: 7, writable: false, configurable: true });
fill("read-only r", () => new C(0), keys);
delete A.prototype.r;
fill("again", () => new C(0), keys);
const sealed = [];
fill("non-extensible", () => { const o = { p: 0 }; Object.preventExtensions(o); sealed.push(o); return o; }, keys);
fill("frozen", () => Object.freeze({ p: 0, q: 0 }), keys);

// Many keys and shapes through one site: past the site's entries (its
// hash table), then so many pairs that the site stops caching.
function wide(n, m) {
  let s = 0;
  const os = [];
  for (let i = 0; i < n; i++) {
    const o = {};
    for (let j = 0; j <= i % m; j++) put(o, "f" + ((i + j) % m), i * j);
    os.push(o);
  }
  for (let r = 0; r < 3; r++)
    for (let i = 0; i < os.length; i++)
      for (let j = 0; j < m; j++) {
        const v = get(os[i], "f" + j);
        s += v === undefined ? 1 : v;
      }
  return s;
}
console.log("wide", wide(60, 9), wide(400, 40), wide(60, 9));

// Index keys, numeric strings, `length` on arrays, strings and typed arrays.
const arr = [5, 6, 7, 8];
const ta = new Int32Array(4);
const odd = { "1.5": "o1", "NaN": "oN", "-0": "oz", "3": "o3", length: "olen" };
Object.prototype["1.5"] = "proto";
const out = [];
for (let r = 0; r < 40; r++) {
  for (const key of ["3", "1.5", "NaN", "-0", "length", "x"]) {
    const row = [get(arr, key), get(ta, key), get(odd, key), get("abcd", key)];
    if (r === 39) out.push(key + "=" + row.map(String).join(","));
    put(ta, key === "length" ? "y" : key, r);
    put(arr, key === "length" ? "y" : key, r);
  }
}
delete Object.prototype["1.5"];
console.log(out.join(" "));
console.log(String(arr.length), Array.from(ta).join(","), arr["1.5"], ta["1.5"], ta.NaN, Object.keys(ta).join(","));
