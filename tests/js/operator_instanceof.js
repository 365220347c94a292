class A {}
class B extends A {}
function F() {}
const b = new B();
print(b instanceof B, b instanceof A, b instanceof Object, b instanceof F);
print(new F() instanceof F, [] instanceof Array, [] instanceof Object, ({}) instanceof Array);
print(Object.create(null) instanceof Object, Object.create(A.prototype) instanceof A);
print(new TypeError('x') instanceof Error, new Error('x') instanceof TypeError);
print((() => 1) instanceof Function, F instanceof Function, A instanceof Function, A instanceof Object);
print(1 instanceof Number, 'a' instanceof String, null instanceof Object);
F.prototype = A.prototype;
print(new F() instanceof A, b instanceof F);
try { print(b instanceof 5); } catch (e) { print(e.name, e.message); }
try { print(b instanceof {}); } catch (e) { print(e.name, e.message); }
