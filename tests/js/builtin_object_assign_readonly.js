// Object.assign writes with strict [[Set]]: a read-only target property
// (a String wrapper's characters, a frozen object's or a non-writable
// property) is a TypeError, and properties already copied stay.
function show(f) {
  try { print(JSON.stringify(f())); } catch (e) { print(e.name + ': ' + e.message); }
}
show(() => Object.assign('a', [1]));
show(() => Object.keys(Object.assign('ab', { 5: 'x' })));
const s = new String('hi');
show(() => { s[0] = 'H'; return s[0]; });
show(() => { s[2] = '!'; return [s[2], s.length]; });
const t = {};
Object.defineProperty(t, 'ro', { value: 1, enumerable: true });
show(() => Object.assign(t, { a: 1, ro: 2, b: 3 }));
print(JSON.stringify(t), t.b);
show(() => Object.assign(Object.freeze({ x: 1 }), { x: 2 }));
show(() => Object.assign(Object.freeze({}), {}));
show(() => Object.assign({}, 'xyz', null, undefined, [7]));
// Object.create / defineProperties read a string's characters as
// (enumerable) descriptors, which are not objects
show(() => Object.create({}, 'hello'));
show(() => Object.keys(Object.defineProperties({}, new String(''))));
