const a = [1, 2, 3, 4, 5];
a.length = 3;
print(a, a.length, a[3]);
a.length = 5;
print(a.length, a[4], 3 in a, JSON.stringify(a));
a[9] = 'ten';
print(a.length, a.indexOf(undefined), a.includes(undefined));
const b = [];
b[2] = 'x';
print(b.length, b[0], JSON.stringify(b), String(b));
const c = new Array(3);
print(c.length, c[0], 0 in c, String(c), JSON.stringify(c));
const d = new Array(2, 3);
print(d.length, d);
const e = new Array('5');
print(e.length, e[0]);
try { new Array(-1); } catch (err) { print(err.name, err.message); }
try { [].length = 1.5; } catch (err) { print(err.name, err.message); }
const f = [1, 2, 3];
f.length = 0;
print(f.length, JSON.stringify(f));
print(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray('a'), Array.isArray(new Array()));
