const a = function () {};
const b = () => {};
let c;
c = function () {};
const o = { d: function () {}, e: () => {}, ['f' + 1]: () => {}, get g() { return 1; } };
class K { static sm() {} m() {} }
print(a.name, b.name, c.name, o.d.name, o.e.name, o.f1.name);
print(K.sm.name, K.prototype.m.name, Object.getOwnPropertyDescriptor(o, 'g').get.name);
const bound = a.bind(null);
print(bound.name, (function named() {}).bind(null).name);
const arr = [function () {}];
print(JSON.stringify(arr[0].name));
function withDefault(f = function () {}) { return f.name; }
print(withDefault());
