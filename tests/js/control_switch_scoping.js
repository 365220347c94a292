function f(x) {
  switch (x) {
    case 'a':
      let msg = 'A';
      return msg;
    case 'b':
      try { return msg; } catch (e) { return e.name; }
    case 'c':
      msg = 'assigned';
      return 'c';
  }
  return 'none';
}
print(f('a'), f('b'), f('d'));
try { print(f('c')); } catch (e) { print(e.name, e.message); }
function grade(s) {
  switch (true) {
    case s >= 90: return 'A';
    case s >= 80: return 'B';
    default: return 'F';
  }
}
print(grade(95), grade(85), grade(10));
function sw(v) { switch (typeof v) { case 'number': case 'bigint': return 'num'; case 'string': return 'str'; default: return typeof v; } }
print(sw(1), sw('x'), sw(null), sw(undefined), sw([]));
