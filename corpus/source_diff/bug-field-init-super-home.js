// Regression (fixed): found by jolt fuzz (bytecode SetFieldInit); node is the judge.
// A class field initializer's home object is the constructor instead of
// the prototype (interp SetFieldInit: set_home(init, ctor)), so `super`
// in an instance field initializer sees the static side.
// node prints: proto / 1 / 1 ; jolt prints: static, then throws
// "Cannot assign to read only property 'name' of object '#<C>'".
class A { m() { return "proto"; } static m() { return "static"; } }
class B extends A { x = super.m(); }
print(new B().x);
class C { y = (super.name = 1); }
print(new C().y);
class D { z = (super.length = 1); }
print(new D().z);
