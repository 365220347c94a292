function named(a, b) { return a + b; }
print(named.name, named.length, typeof named);
named.calls = 0;
named.tag = 'custom';
named.calls++;
print(named.calls, named.tag, Object.keys(named).join());
const anon = function () {};
const arrow = () => {};
const expr = function inner() {};
print(anon.name, arrow.name, expr.name, (() => {}).name === '');
const o = { m() {}, f: function () {}, a: () => {} };
print(o.m.name, o.f.name, o.a.name);
class C { static s() {} method() {} }
print(C.name, C.s.name, new C().method.name, C.length);
print(Math.max.name, Math.max.length, Array.prototype.push.name);
function counter() { counter.count = (counter.count || 0) + 1; return counter.count; }
counter(); counter();
print(counter.count);
print(named.hasOwnProperty('prototype'), arrow.hasOwnProperty('prototype'), o.m.hasOwnProperty('prototype'));
