function f(a, b = 2, c = a + b) { return [a, b, c]; }
print(f(1), f(1, 10), f(1, undefined, 5), f(1, null), f());
let count = 0;
function g(x = ++count) { return x; }
print(g(), g(), g(100), count);
function h(a, b = () => a) { a = 'changed'; return b(); }
print(h('orig'));
const arrow = (x = 'dx', y = x + '!') => x + y;
print(arrow(), arrow('a'), arrow(undefined, 'b'));
function lenCheck(a, b = 1, c) {}
print(lenCheck.length, ((a, b) => 0).length, ((a = 1) => 0).length);
function tdzDefault(a = b, b = 1) { return a; }
try { tdzDefault(); } catch (e) { print(e.name, e.message); }
print(tdzDefault(5));
