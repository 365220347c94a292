const o = {};
Object.defineProperty(o, 'ro', { value: 1, enumerable: true });
let d = Object.getOwnPropertyDescriptor(o, 'ro');
print(d.value, d.writable, d.enumerable, d.configurable);
try { o.ro = 2; } catch (e) { print(e.name, e.message); }
print(o.ro);
try { Object.defineProperty(o, 'ro', { value: 3 }); } catch (e) { print(e.name, e.message); }
Object.defineProperty(o, 'ro', { value: 1 });
print('same value redefinition ok');
Object.defineProperty(o, 'flex', { value: 'a', writable: true, configurable: true });
o.flex = 'b';
Object.defineProperty(o, 'flex', { enumerable: true });
print(o.flex, JSON.stringify(Object.getOwnPropertyDescriptor(o, 'flex')));
let store = 5;
Object.defineProperty(o, 'acc', { get() { return store * 2; }, set(v) { store = v; }, enumerable: false, configurable: true });
o.acc = 21;
print(o.acc, Object.keys(o).join());
d = Object.getOwnPropertyDescriptor(o, 'acc');
print(typeof d.get, typeof d.set, 'writable' in d, d.enumerable);
print(Object.getOwnPropertyDescriptor(o, 'missing'));
const plain = { p: 1 };
console.log(Object.getOwnPropertyDescriptor(plain, 'p'));
try { Object.defineProperty(o, 'bad', { value: 1, get() {} }); } catch (e) { print(e.name); }
const arr = [1, 2, 3];
Object.defineProperty(arr, 1, { value: 'fixed', writable: false });
try { arr[1] = 'changed'; } catch (e) { print(e.name); }
print(arr);
