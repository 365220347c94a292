// Tier 2 reads a string receiver's properties on String.prototype (where
// the inline cache found them): flat strings and ropes at one site, a site
// seeing strings and objects, String.prototype changed after warm-up, and
// `length` of ropes.
function codes(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
let rope = "";
for (let i = 0; i < 60; i++) rope += String.fromCharCode(97 + (i % 26)) + "xyz";
for (let k = 0; k < 60; k++) { codes("hello world"); codes(rope); }
console.log(codes("hello world"), codes(rope), codes(""), rope.length);

function upperFirst(x) { return x.toUpperCase ? x.toUpperCase() : String(x.n); }
for (let k = 0; k < 200; k++) upperFirst(k % 2 ? "ab" : rope);
console.log(upperFirst("abc"), upperFirst({ n: 5 }), upperFirst({ n: 1, toUpperCase() { return "OBJ"; } }));

String.prototype.shout = function () { return this + "!"; };
function shoutAll(a) { let s = ""; for (let i = 0; i < a.length; i++) s += a[i].shout(); return s; }
for (let k = 0; k < 200; k++) shoutAll(["a", "b"]);
console.log(shoutAll(["x", "y", rope.slice(0, 3)]));
String.prototype.shout = function () { return this + "?"; };
console.log(shoutAll(["x", "y"]));
delete String.prototype.shout;
try { shoutAll(["z"]); } catch (e) { console.log(e.constructor.name); }
