const log = [];
class A {
  constructor(x) { log.push('A ctor ' + x); this.x = x; this.init(); }
  init() { log.push('A init'); }
  value() { return 'A' + this.x; }
}
class B extends A {
  y = 'field';
  constructor(x) {
    log.push('B before super');
    super(x * 2);
    log.push('B after super, y=' + this.y);
  }
  init() { log.push('B init, y=' + this.y); }
  value() { return 'B(' + super.value() + ')'; }
}
const b = new B(5);
print(log.join(' | '));
print(b.value(), b.y);
class C extends B { value() { const f = () => super.value(); return 'C[' + f() + ']'; } }
print(new C(1).value());
class NoSuper extends A { constructor() { try { this.x = 1; } catch (e) { print(e.name, e.message); } super(0); } }
new NoSuper();
class Twice extends A { constructor() { super(1); try { super(2); } catch (e) { print(e.name, e.message); } } }
new Twice();
