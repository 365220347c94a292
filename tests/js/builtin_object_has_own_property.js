const o = { own: 1, undef: undefined };
print(o.hasOwnProperty('own'), o.hasOwnProperty('undef'), o.hasOwnProperty('toString'), o.hasOwnProperty('nope'));
const arr = [1, , 3];
print(arr.hasOwnProperty(0), arr.hasOwnProperty(1), arr.hasOwnProperty('length'), arr.hasOwnProperty(5));
class A { field = 1; method() {} }
const a = new A();
print(a.hasOwnProperty('field'), a.hasOwnProperty('method'), A.prototype.hasOwnProperty('method'));
const bare = Object.create(null);
bare.x = 1;
print(Object.prototype.hasOwnProperty.call(bare, 'x'), typeof bare.hasOwnProperty);
const shadow = { hasOwnProperty() { return 'shadowed'; } };
print(shadow.hasOwnProperty('x'), Object.prototype.hasOwnProperty.call(shadow, 'hasOwnProperty'));
print('abc'.hasOwnProperty('length'), 'abc'.hasOwnProperty(1), 'abc'.hasOwnProperty(3));
print(o.hasOwnProperty(), ({ undefined: 1 }).hasOwnProperty());
