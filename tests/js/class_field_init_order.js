const log = [];
class A {
  a = (log.push('A field'), 'a');
  constructor() { log.push('A ctor, this.b=' + this.b); }
}
class B extends A {
  b = (log.push('B field, this.a=' + this.a), 'b');
  constructor() { log.push('B ctor start'); super(); log.push('B ctor end, b=' + this.b); }
}
new B();
print(log.join(' | '));
class Counter { static n = 0; id = ++Counter.n; self = this; }
const c1 = new Counter(), c2 = new Counter();
print(c1.id, c2.id, c1.self === c1, Counter.n);
class Shadow { x = 1; constructor() { this.x = 2; } }
print(new Shadow().x);
class Undef { field; }
print('field' in new Undef(), new Undef().field);
