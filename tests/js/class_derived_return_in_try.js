// A derived constructor's invalid return value is a TypeError thrown by
// [[Construct]] after the constructor has returned: its own catch and
// finally blocks never see it.
class Base {}
function attempt(label, make) {
  try {
    const o = make();
    print(label, 'ok', typeof o);
  } catch (e) {
    print(label, e.name + ': ' + e.message);
  }
}
let log = [];
class A extends Base {
  constructor() {
    super();
    try { return 0; } catch (e) { log.push('caught inside'); return; }
  }
}
attempt('return 0 in try', () => new A());
class B extends Base {
  constructor() {
    try { return 0; } catch (e) { log.push('caught inside'); super(); }
  }
}
attempt('before super', () => new B());
class C extends Base {
  constructor() {
    super();
    try { return 1; } finally { log.push('finally ran'); }
  }
}
attempt('finally', () => new C());
class D extends Base {
  constructor() {
    try { throw new RangeError('thrown'); } catch (e) { super(); return; }
  }
}
attempt('super in catch', () => new D());
class E extends Base {
  constructor() {
    try { super(); } finally { return { own: true }; }
  }
}
attempt('object from finally', () => new E());
class F extends Base {
  constructor() {
    try { } catch (e) { }
    return undefined;
  }
}
attempt('no super', () => new F());
for (let i = 0; i < 3; i++) attempt('loop ' + i, () => new A());
print(log.join(', '));
