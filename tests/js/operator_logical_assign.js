let a = 0, b = 1, c = null, d = undefined, e = '';
a ||= 10; b ||= 20; print(a, b);
a &&= 30; e &&= 'never'; print(a, JSON.stringify(e));
c ??= 'c'; d ??= 'd'; b ??= 99; print(c, d, b);
let evaluated = 0;
const o = { x: 1, y: null };
o.x ||= (evaluated++, 2);
o.y ??= (evaluated++, 3);
o.z &&= (evaluated++, 4);
print(o.x, o.y, o.z, evaluated, 'z' in o);
const frozen = Object.freeze({ v: 1 });
frozen.v ||= 2;
print(frozen.v);
try { frozen.v &&= 5; } catch (err) { print(err.name); }
const arr = [null, 0, 5];
arr[0] ??= 'a'; arr[1] ||= 'b'; arr[2] &&= 'c';
print(arr);
