class ValidationError extends Error {
  constructor(field, msg) { super(msg); this.name = 'ValidationError'; this.field = field; }
}
class NoName extends Error {}
class Deeper extends ValidationError { constructor() { super('deep', 'deeper problem'); } }
const v = new ValidationError('age', 'must be positive');
print(v.name, v.message, v.field, String(v));
print(v instanceof ValidationError, v instanceof Error, v instanceof TypeError);
const n = new NoName('plain');
print(n.name, n.message, String(n), n instanceof NoName, n.constructor.name);
const d = new Deeper();
print(d.name, d.message, d.field, d instanceof ValidationError, String(d));
try { throw new ValidationError('x', 'thrown'); } catch (e) {
  if (e instanceof ValidationError) print('caught validation', e.field, e.message);
}
class WithProtoName extends Error {}
WithProtoName.prototype.name = 'ProtoNamed';
print(String(new WithProtoName('p')), new WithProtoName('p').hasOwnProperty('name'));
class TypeSub extends TypeError { constructor(m) { super('sub: ' + m); } }
const ts = new TypeSub('x');
print(ts.name, ts.message, ts instanceof TypeError, ts instanceof Error, String(ts));
