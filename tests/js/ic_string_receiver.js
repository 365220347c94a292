// Method loads on string receivers go through String.prototype's shape in
// the baseline inline caches; replacing, adding and inheriting methods
// there (and on Object.prototype) must be seen at once.
function code(s, i) { return s.charCodeAt(i); }
function shout(s) { return s.shout; }
function own(s) { return s.hasOwnProperty("length"); }
let out = [];
for (let i = 0; i < 40; i++) out.push(code("abc" + i, i % 4));
console.log(out.slice(-4).join());
const original = String.prototype.charCodeAt;
String.prototype.charCodeAt = function (i) { return "patched" + i; };
console.log(code("xyz", 1));
String.prototype.charCodeAt = original;
console.log(code("xyz", 1));
let sh = [];
for (let i = 0; i < 40; i++) sh.push(shout("s" + i));
Object.prototype.shout = "from Object.prototype";
for (let i = 0; i < 40; i++) sh.push(shout("s" + i));
String.prototype.shout = "from String.prototype";
for (let i = 0; i < 40; i++) sh.push(shout("s" + i));
delete String.prototype.shout;
sh.push(shout("t"));
delete Object.prototype.shout;
sh.push(shout("t"));
console.log(sh[39], sh[79], sh[119], sh[120], sh[121]);
let o = 0;
for (let i = 0; i < 40; i++) if (own("q" + i)) o++;
console.log(o, shout(new String("w")), code({ charCodeAt() { return "obj"; } }, 0));
try { code(null, 0); } catch (e) { console.log(e.message); }
