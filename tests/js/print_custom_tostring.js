class Money {
  constructor(c) { this.cents = c; }
  toString() { return '$' + (this.cents / 100).toFixed(2); }
}
print(new Money(1234), [new Money(5), new Money(10)]);
const o = { toString() { return 'custom obj'; } };
print(o, [o, o], `${o}`);
const noProto = Object.create(null);
try { print(noProto); } catch (e) { print(e.name, e.message); }
const throws = { toString() { throw new RangeError('no string for you'); } };
try { print('before', throws); } catch (e) { print(e.name, e.message); }
class Plain {}
print(new Plain(), String(new Plain()));
