// super property references: the this binding is checked first, the home
// object's prototype (GetSuperBase) is read before the key is converted,
// a null prototype is a TypeError, super[k]() calls with `this`, and
// super.x op= v / super[k]++ work as reads then writes.
class C extends null {
  m() {
    try { super.x; } catch (e) { print(e.name + ': ' + e.message); }
    try { super.x = 1; } catch (e) { print(e.name + ': ' + e.message); }
    try { super['y'] += 1; } catch (e) { print(e.name + ': ' + e.message); }
  }
}
C.prototype.m();
class P {
  getThis() { return this; }
  get This() { return this; }
}
class D extends P {
  m() { return [super['getThis']() === this, super['This'] === this, super.getThis() === this]; }
}
const d = new D();
print(d.m());
class E extends P {
  constructor() {
    try { super[(() => { throw new Error('key evaluated'); })()]; } catch (e) { print(e.name); }
    try { super.x = 1; } catch (e) { print(e.name); }
    super();
    print(super.getThis() === this);
  }
}
new E();
const log = [];
const proto1 = { k: 'first' };
const proto2 = { k: 'second' };
const obj = {
  m() {
    const key = { toString() { log.push('key'); Object.setPrototypeOf(obj, proto2); return 'k'; } };
    return super[key];
  },
};
Object.setPrototypeOf(obj, proto1);
print(obj.m(), log);
class Q { constructor() { this.v = 1; } }
Q.prototype.count = 10;
class R extends Q {
  m() {
    super.count++;
    ++super['count'];
    super.count += 5;
    super.count **= 1;
    return [this.count, Q.prototype.count, Object.keys(this)];
  }
}
print(new R().m());
const lit = { m() { super.z = 3; super['w'] ??= 4; return [this.z, this.w]; } };
print(lit.m());
