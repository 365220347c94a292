class Temp {
  constructor() { this._c = 0; }
  get celsius() { return this._c; }
  set celsius(v) { if (typeof v !== 'number') throw new TypeError('not a number'); this._c = v; }
  get fahrenheit() { return this._c * 9 / 5 + 32; }
  set fahrenheit(f) { this._c = (f - 32) * 5 / 9; }
  static get zero() { return new Temp(); }
}
const t = new Temp();
t.celsius = 100;
print(t.celsius, t.fahrenheit);
t.fahrenheit = 32;
print(t.celsius);
try { t.celsius = 'hot'; } catch (e) { print(e.name, e.message); }
print(Temp.zero.celsius);
class ReadOnly { get v() { return 1; } }
const ro = new ReadOnly();
try { ro.v = 2; } catch (e) { print(e.name, e.message); }
class Child extends Temp { get celsius() { return 'child:' + super.celsius; } }
const c = new Child();
print(c.celsius, c.fahrenheit);
const d = Object.getOwnPropertyDescriptor(Temp.prototype, 'celsius');
print(typeof d.get, typeof d.set, d.enumerable, d.configurable);
