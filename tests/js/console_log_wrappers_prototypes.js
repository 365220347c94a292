// node names an object by its constructor only when it is an instance of
// it (prototype objects print as {}), and shows boxed primitives by value.
function F() {}
F.prototype.m = function () {};
class C { m() {} }
console.log(F.prototype, C.prototype, new F(), new C());
console.log(new Number(1), new String('ab'), new Boolean(false), [new Number(-0)], { w: new String('x') });
