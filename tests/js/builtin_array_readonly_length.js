// An array whose length is not writable (Object.defineProperty with
// writable: false) cannot grow or shrink: [[Set]], push/pop/shift/unshift
// and defineProperty throw V8's errors; a non-configurable element stops
// a length shrink just above it.
const t = (f) => { try { const r = f(); print('ok', JSON.stringify(r)); } catch (e) { print(e.name + ': ' + e.message); } };
let a = [1];
Object.defineProperty(a, 'length', { writable: false });
t(() => { a[1] = 2; });
t(() => a.push(2));
t(() => Object.defineProperty(a, 1, { value: 1 }));
t(() => Object.defineProperty(a, 'length', { value: 5 }));
t(() => { a.length = 5; });
t(() => a.pop());
t(() => Object.defineProperty(a, 'length', { value: 1 }));
t(() => a.shift());
t(() => a.unshift(0));
t(() => { a[0] = 9; return a; });
t(() => Object.getOwnPropertyDescriptor(a, 'length'));
t(() => Object.defineProperty(a, 'length', { writable: true }));
let z = [];
Object.defineProperty(z, 'length', { writable: false });
t(() => z.pop());
t(() => z.shift());
t(() => z.push());
let b = [0, 1, 2, 3];
Object.defineProperty(b, '2', { configurable: false });
t(() => Object.defineProperty(b, 'length', { value: 1 }));
print(b.length, JSON.stringify(b));
t(() => { b.length = 0; });
print(b.length);
let c = [0, 1, 2];
Object.defineProperty(c, '1', { value: 1, configurable: true, writable: false });
c.length = 1;
print(c.length, 1 in c, JSON.stringify(c));
const f = Object.freeze([1, 2]);
t(() => f.push(3));
t(() => Object.getOwnPropertyDescriptor(f, 'length'));
// the new length is converted (RangeError) before the descriptor is checked
t(() => Object.defineProperty([], 'length', { value: -1, configurable: true }));
t(() => Object.defineProperty([], 'length', { value: 2, configurable: true }));
