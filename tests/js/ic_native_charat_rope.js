// `charAt`, `s[i]`, `charCodeAt` and `.length` at sites warmed on flat
// strings and on flattened ropes (the baseline tier reads both inline),
// then at the same sites: ropes not yet flattened, units without a
// one-unit string yet, units past the one-unit table, indices out of
// range, negative, fractional or not numbers, String objects, and finally
// `charAt` replaced, shadowed and deleted.
function at(s, i) { return s.charAt(i); }
function idx(s, i) { return s[i]; }
function code(s, i) { return s.charCodeAt(i); }
function len(s) { return s.length; }

let flat = "The quick brown fox jumps over the lazy dog";
let rope = "";
for (let i = 0; i < 40; i++) rope += "ab" + (i % 10) + "_";
let out = "";
let sum = 0;
for (let r = 0; r < 30; r++) {
  for (let i = 0; i < flat.length; i++) {
    out += at(flat, i) === idx(flat, i) ? "" : "!";
    sum += code(flat, i) + len(flat);
  }
  for (let i = 0; i < len(rope); i++) {
    if (at(rope, i) !== idx(rope, i)) out += "?";
    sum = (sum + code(rope, i) * 7 + len(rope)) | 0;
  }
}
console.log("warm", out.length, sum, len(rope), at(rope, 5), idx(rope, 6));

// A fresh rope, not flattened: every site meets it first.
let fresh = "";
for (let i = 0; i < 20; i++) fresh += "xy" + i;
console.log(len(fresh), at(fresh, 3), idx(fresh, 4), code(fresh, 5), at(fresh, len(fresh) - 1));
console.log(len(fresh + fresh), at(fresh + "", 2), idx("" + fresh, 7));
// Units past the table and units whose string was never made.
const wide = "\u00e9\u4e2d\ud83d\ude00\u0100\u00ff\u007f\u0000";
for (let i = 0; i < wide.length + 1; i++) console.log(i, JSON.stringify(at(wide, i)), JSON.stringify(idx(wide, i)), code(wide, i));
let wideRope = "";
for (let i = 0; i < 12; i++) wideRope += wide + "|";
console.log(len(wideRope), JSON.stringify(idx(wideRope, 9)), JSON.stringify(at(wideRope, 17)), code(wideRope, 10));
console.log(JSON.stringify(at(wideRope, 9)), JSON.stringify(idx(wideRope, 17)));
// Index edges.
console.log(JSON.stringify([at("abc", 3), at("abc", -1), at("abc", 1.9), at("abc", "2"), at("abc", null),
  at("abc", undefined), at("abc", Infinity), at("abc", -0.5), at("", 0), at(rope, 1e9)]));
console.log(JSON.stringify([idx("abc", 3), idx("abc", -1), idx("abc", 1.5), idx("abc", "1"), idx(rope, 1e9)]));
console.log(at(new String("xyz"), 1), idx(new String("xyz"), 2), len(new String("four")), len([1, 2, 3]), len({ length: "L" }));
console.log(String.prototype.charAt.call(12345, 2), String.prototype.charAt.call(true, 0));
// charAt replaced after warm-up.
const orig = String.prototype.charAt;
String.prototype.charAt = function (i) { return "user charAt " + i; };
console.log(at("abc", 1), at(rope, 2));
String.prototype.charAt = String.prototype.charCodeAt;
console.log(at("abc", 1));
const boxed = new String("boxed");
boxed.charAt = function () { return "own"; };
console.log(at(boxed, 0));
delete String.prototype.charAt;
try { at("abc", 1); } catch (e) { console.log(e.constructor.name, e.message); }
String.prototype.charAt = orig;
let back = "";
for (let i = 0; i < 300; i++) back += at(rope, i % len(rope));
console.log("restored", back.length, back.slice(0, 12), len(back));
