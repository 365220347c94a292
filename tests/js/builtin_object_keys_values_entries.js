const o = { x: 1, y: 'two', z: [3], 5: 'five' };
print(Object.keys(o));
print(Object.values(o));
console.log(Object.entries(o));
print(Object.entries(o).map(kv => kv[0] + '=' + kv[1]).join('&'));
const proto = { inherited: 1 };
const c = Object.create(proto);
c.own = 2;
print(Object.keys(c), Object.values(c), Object.entries(c).length);
const hidden = {};
Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
hidden.visible = 2;
print(Object.keys(hidden), 'secret' in hidden, hidden.secret);
print(Object.keys([4, 5, 6]), Object.values([4, 5]), Object.entries(['a'])[0]);
try { Object.keys(null); } catch (e) { print(e.name, e.message); }
print(Object.keys(5).length, Object.entries({}).length);
