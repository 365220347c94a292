const o = { a: 1, b: undefined, 0: 'zero' };
print('a' in o, 'b' in o, 'c' in o, 0 in o, '0' in o);
print('toString' in o, 'hasOwnProperty' in o, o.hasOwnProperty('toString'));
const arr = [10, 20, , 40];
print(0 in arr, 2 in arr, 3 in arr, 4 in arr, 'length' in arr, 'push' in arr);
delete o.a;
print('a' in o);
const proto = { inherited: true };
const child = Object.create(proto);
print('inherited' in child, child.hasOwnProperty('inherited'));
class K { m() {} static s() {} }
print('m' in new K(), 's' in K, 'm' in K, 'name' in K);
try { print('x' in 'str'); } catch (e) { print(e.name, e.message); }
try { print('x' in null); } catch (e) { print(e.name, e instanceof TypeError); }
