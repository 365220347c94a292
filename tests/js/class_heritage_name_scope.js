// The class's own name is bound (in its TDZ) while the heritage expression
// runs: `class x extends x {}` is a ReferenceError, and closures made in
// the heritage see the inner, immutable binding.
var x = 1;
try { var y = (class x extends x {}); print('no'); } catch (e) { print(e.name, e.message); }
var setBefore = function() { C = null; };
var probeBefore = function() { return C; };
var probeHeritage, setHeritage;
class C extends (
    probeHeritage = function() { return C; },
    setHeritage = function() { C = null; },
    Object
  ) {
  method() { return C; }
}
var cls = probeBefore();
print(typeof cls);
setBefore();
print(probeBefore(), probeHeritage() === cls);
try { setHeritage(); } catch (e) { print(e.name, e.message); }
print(typeof probeHeritage(), typeof cls.prototype.method());
class D extends (class {}) { m() { return D; } }
print(new D().m() === D, typeof D);
const E = class Inner extends Object { who() { return Inner.name; } };
print(new E().who());
