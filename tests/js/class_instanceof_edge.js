class A {}
class B extends A {}
const fake = Object.create(B.prototype);
print(fake instanceof B, fake instanceof A, fake.constructor === B);
const plain = {};
print(plain instanceof A);
function F() {}
const f = new F();
F.prototype = {};
print(f instanceof F, new F() instanceof F);
print(B.prototype instanceof A, A.prototype instanceof A, Object.getPrototypeOf(B.prototype) === A.prototype);
const bound = B.bind(null);
print(new B() instanceof bound, new bound() instanceof B);
print(Object.create(null) instanceof Object, (() => 1) instanceof Object);
