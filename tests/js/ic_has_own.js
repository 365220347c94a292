// `hasOwnProperty` at call sites warmed on objects of a few shapes with
// constant keys (the baseline tier answers from the cached (shape, key)
// pairs), then at the same sites: the property added, deleted (dictionary),
// turned into an accessor, inherited only, keys built at run time, index
// keys, `length`, primitives and null receivers, and the method replaced,
// shadowed on the receiver or called on an object without it.
function hasX(o) { return o.hasOwnProperty("x"); }
function hasK(o, k) { return o.hasOwnProperty(k); }
class P { constructor() { this.y = 1; } get x() { return 1; } }
const objs = [{ x: 1 }, { y: 2 }, { x: 1, y: 2 }, new P(), Object.create({ x: 1 }), [1, 2], function () { }];
let bits = "";
for (let r = 0; r < 80; r++) {
  bits = "";
  for (const o of objs) bits += (hasX(o) ? "1" : "0") + (hasK(o, "y") ? "1" : "0") + (hasK(o, "length") ? "1" : "0");
}
console.log("warm", bits);
const o = { y: 2 };
console.log(hasX(o));
o.x = 3;
console.log(hasX(o));
delete o.x;
console.log(hasX(o));
Object.defineProperty(o, "x", { get() { return 1; }, configurable: true });
console.log(hasX(o));
const built = "x" + "";
const dyn = ["x", "y"].join("").slice(0, 1);
console.log(hasK({ x: 1 }, dyn), hasK({ y: 1 }, dyn), hasK({ x: 1 }, built));
console.log(hasK([5, 6], 1), hasK([5, 6], "1"), hasK([5, 6], 2), hasK({ 1: 0 }, 1), hasK("abc", "length"), hasK("abc", 1));
console.log(hasK({ ["x" + 1]: 1 }, "x"), hasK({ toString: 1 }, "toString"), hasK({}, "toString"));
try { hasX(null); } catch (e) { console.log(e.constructor.name, e.message); }
try { hasX(undefined); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(hasX(5), hasX("x"), hasX(true));
const shadow = { x: 1, hasOwnProperty() { return "own"; } };
console.log(hasX(shadow));
const bare = Object.create(null);
bare.x = 1;
try { hasX(bare); } catch (e) { console.log(e.constructor.name, e.message); }
const orig = Object.prototype.hasOwnProperty;
Object.prototype.hasOwnProperty = function (k) { return "user " + k; };
console.log(hasX({ x: 1 }), hasK({}, "y"));
Object.prototype.hasOwnProperty = Object.prototype.propertyIsEnumerable;
console.log(hasX({ x: 1 }), hasX([]), hasK([], "length"));
Object.prototype.hasOwnProperty = orig;
let n = 0;
for (let i = 0; i < 1000; i++) if (hasK(objs[i % objs.length], i % 2 ? "x" : "y")) n++;
console.log("restored", n);
const key = { toString() { return "x"; } };
console.log(hasK({ x: 1 }, key), hasK({ x: 1 }, 1.5), hasK({ "1.5": 0 }, 1.5), hasK({ null: 0 }, null));
