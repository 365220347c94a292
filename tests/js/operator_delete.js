const o = { a: 1, b: 2, c: 3 };
print(delete o.b, Object.keys(o).join(), 'b' in o, o.b);
print(delete o.nothing, delete o['c'], Object.keys(o).join());
o.b = 9;
print(Object.keys(o).join());
const arr = [1, 2, 3];
print(delete arr[1], arr.length, 1 in arr, arr[1]);
print(arr, arr.length);
const frozen = Object.freeze({ x: 1 });
try { delete frozen.x; print('deleted'); } catch (e) { print(e.name, e.message); }
const d = {};
Object.defineProperty(d, 'fixed', { value: 1, configurable: false });
try { delete d.fixed; } catch (e) { print(e instanceof TypeError, e.message); }
try { delete arr.length; } catch (e) { print(e.name, e.message); }
print(delete o.a, delete arr[5], arr.length);
