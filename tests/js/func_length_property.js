print((function () {}).length, (function (a) {}).length, (function (a, b, c) {}).length);
print(((a, b = 1, c) => 0).length, ((...r) => 0).length, ((a, ...r) => 0).length);
class C { constructor(x, y) {} m(a) {} }
print(C.length, new C().m.length);
const f = function (a, b) {};
print(f.bind(null).length, f.bind(null, 1).length, f.bind(null, 1, 2, 3).length);
print(Math.max.length, Math.hypot.length, [].push.length, [].slice.length, 'x'.padStart.length, parseInt.length);
try { f.length = 5; } catch (e) { print(e.name, e instanceof TypeError); }
print(f.length, f.hasOwnProperty('length'), Object.getOwnPropertyDescriptor(f, 'length').configurable);
