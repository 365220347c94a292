class A {
  get greeting() { return 'hello from A'; }
  static get tag() { return 'A-tag'; }
  method() { return 'A.method'; }
}
class B extends A {
  get greeting() { return super.greeting.toUpperCase(); }
  static get tag() { return super.tag + '+B'; }
  method() { const parent = super.method; return parent.call(this) + ' via B'; }
  missing() { return super.nothing; }
}
const b = new B();
print(b.greeting, B.tag, b.method(), b.missing());
class C extends B { method() { return [1, 2].map(() => super.method()).join(' & '); } }
print(new C().method());
const obj = { m() { return 'from obj ' + this.x; }, x: 'X' };
class D { m() { return 'D'; } }
class E extends D { callOther() { return super.m.call(obj); } }
print(new E().callOther());
