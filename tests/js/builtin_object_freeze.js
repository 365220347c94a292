const o = Object.freeze({ a: 1, nested: { b: 2 } });
print(Object.isFrozen(o), Object.isFrozen(o.nested), Object.isFrozen({}), Object.isFrozen(Object.freeze([])));
function attempt(label, f) { try { f(); print(label, 'ok'); } catch (e) { print(label, e.name, e.message); } }
attempt('write', () => { o.a = 2; });
attempt('add', () => { o.c = 3; });
attempt('delete', () => { delete o.a; });
attempt('nested write', () => { o.nested.b = 20; });
print(o.a, o.c, o.nested.b);
const arr = Object.freeze([1, 2]);
attempt('push', () => arr.push(3));
attempt('index', () => { arr[0] = 9; });
attempt('length', () => { arr.length = 0; });
print(arr);
const d = Object.getOwnPropertyDescriptor(o, 'a');
print(d.writable, d.configurable, d.enumerable);
print(Object.freeze(5), Object.isFrozen(5), Object.isFrozen('str'));
const empty = {};
Object.defineProperty(empty, 'x', { value: 1 });
print(Object.isFrozen(empty));
class P { constructor() { this.v = 1; Object.freeze(this); } }
attempt('class instance', () => { new P().v = 2; });
