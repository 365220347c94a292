print(first(), second());
function first() { return 'first:' + second(); }
function second() { return 'second'; }
function shadow() { return 'outer'; }
function test() {
  print(shadow());
  function shadow() { return 'inner hoisted'; }
}
test();
var fnVar = function () { return 'expr'; };
function fnVar2() { return 'decl'; }
print(fnVar(), fnVar2());
try { notYet(); } catch (e) { print(e.name, e.message); }
var notYet = () => 'arrow';
print(notYet());
function twice() { return 1; }
function twice() { return 2; }
print(twice());
