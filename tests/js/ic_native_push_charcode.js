// `push` and `charCodeAt` at call sites warmed on plain arrays and flat
// strings (the baseline tier does them inline), then at the same sites:
// arrays that are full (growth), frozen, sealed, non-extensible, with a
// read-only length, with indexed accessors, subclass instances, holes,
// array-likes; strings that are ropes, indices out of range, negative,
// fractional or not numbers, String objects; and finally the natives
// replaced on their prototypes, shadowed on the receiver, deleted.
function push1(a, v) { return a.push(v); }
function code(s, i) { return s.charCodeAt(i); }
function show(x) { return typeof x === "number" && x === 0 && 1 / x < 0 ? "-0" : String(x); }

let arrs = [];
for (let k = 0; k < 40; k++) {
  const a = [];
  for (let i = 0; i < 50; i++) push1(a, i * k);
  arrs.push(a);
}
console.log("warm", arrs.length, arrs[39].length, arrs[39][49], arrs[7].join(",").length);
const text = "The quick brown fox jumps over the lazy dog \u00e9\u4e2d\ud83d\ude00";
let h = 0;
for (let r = 0; r < 40; r++) for (let i = 0; i < text.length; i++) h = (h * 31 + code(text, i)) | 0;
console.log("hash", h);

// push edges at the warmed site.
const full = [1, 2, 3, 4];
console.log(push1(full, 5), full.length, full.join());
const frozen = Object.freeze([1, 2]);
try { push1(frozen, 3); } catch (e) { console.log(e.constructor.name, e.message); }
const sealed = Object.seal([1, 2]);
try { push1(sealed, 3); } catch (e) { console.log(e.constructor.name, e.message); }
const nonext = Object.preventExtensions([1, 2, 3, 4, 5, 6, 7, 8]);
nonext.pop();
try { push1(nonext, 3); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(nonext.length);
const ro = [1, 2, 3];
ro.pop();
Object.defineProperty(ro, "length", { writable: false });
try { push1(ro, 9); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(ro.length, ro[2]);
const acc = [1, 2, 3, 4, 5, 6];
acc.pop(); acc.pop();
let seen = [];
Object.defineProperty(acc, 4, { set(v) { seen.push("set4=" + v); }, get() { return "g4"; }, configurable: true });
console.log(push1(acc, "x"), acc.length, acc[4], seen.join());
class MyArr extends Array { }
const ma = new MyArr();
for (let i = 0; i < 10; i++) push1(ma, i);
console.log(ma.length, ma instanceof MyArr, ma.join(""));
const holes = [1, , 3];
console.log(push1(holes, 4), holes.length, 1 in holes);
const like = { length: 2, 0: "a", 1: "b", push: Array.prototype.push };
console.log(push1(like, "c"), like.length, like[2]);
const named = [1, 2];
named.extra = "e";
for (let i = 0; i < 5; i++) push1(named, i);
console.log(named.length, named.extra, named.join());

// charCodeAt edges at the warmed site.
const rope = "abc".repeat(20) + String(Date.length) + "xyz".repeat(20);
console.log(code(rope, 0), code(rope, 60), code(rope, 120), code(rope, 121));
console.log(show(code("abc", 3)), show(code("abc", -1)), code("abc", 1.9), code("abc", "2"),
  code("abc", null), code("abc", undefined), show(code("abc", Infinity)), code("abc", -0.5));
console.log(code(new String("xyz"), 1), show(code("", 0)), code(text, text.length - 1));
console.log(String.prototype.charCodeAt.call(12345, 2), String.prototype.charCodeAt.call(true, 0));

// The natives replaced after warm-up.
const origPush = Array.prototype.push, origCode = String.prototype.charCodeAt;
Array.prototype.push = function (v) { return "user push " + v + " onto " + this.length; };
console.log(push1([1, 2], 3));
Array.prototype.push = Array.prototype.unshift;
const u = [1, 2];
console.log(push1(u, 0), u.join());
Array.prototype.push = origPush;
const shadow = [1];
shadow.push = function (v) { return "own push " + v; };
console.log(push1(shadow, 2), shadow.length);
String.prototype.charCodeAt = String.prototype.codePointAt;
console.log(code("\ud83d\ude00", 0), code("A", 0));
String.prototype.charCodeAt = function (i) { return "user code " + i; };
console.log(code("abc", 1));
delete String.prototype.charCodeAt;
try { code("abc", 1); } catch (e) { console.log(e.constructor.name, e.message); }
String.prototype.charCodeAt = origCode;
let back = 0;
for (let i = 0; i < 500; i++) back += code("hello", i % 5) + push1([], i);
console.log("restored", back);
