const x = 'global';
function f(x) { return x; }
print(f('param'), f());
function g(x) { { let x = 'inner block'; print(x); } return x; }
print(g('arg'));
function h(a, b = a + '!') { var a = 'var redeclare'; return [a, b]; }
print(h('p'));
function k(fn = () => y) { const y = 'body'; try { return fn(); } catch (e) { return e.name + ': ' + e.message; } }
print(k());
const arrow = (x) => { { const x = 2; } return x; };
print(arrow(1));
function sameName(sameName) { return typeof sameName; }
print(sameName(5), typeof sameName);
let counter = 0;
function closureShadow() { let counter = 100; return () => ++counter; }
const inc = closureShadow();
print(inc(), inc(), counter);
