// Regression: returning from a nested run (super() here) reset the stack
// top to the callee's base, so the caller's upper registers missed later
// collections and came back stale (found under --gc-stress).
const log = [];
class A { constructor() { } }
class B extends A {
  constructor() { super(); log.push('B ctor end, b=' + this.b); }
}
new B();
print(log.join(' | '));
