function who(greet, tail) { return `${greet} ${this && this.n} ${tail}`; }
const a = { n: 'a' }, b = { n: 'b' };
const once = who.bind(a, 'hi');
const twice = once.bind(b, 'there');
print(once('x'), twice(), twice.name, twice.length, once.length);
print(once.call(b, 'called'), once.apply(b, ['applied']));
const arrow = () => 'arrow';
print(arrow.bind(a)(), arrow.bind(a).name);
class K { constructor(v) { this.v = v; } }
const BK = K.bind(null, 'bound-arg');
const k = new BK();
print(k.v, k instanceof K, k instanceof BK, typeof BK.prototype);
const method = { n: 'm', get() { return this.n; } };
const detached = method.get;
const fixed = method.get.bind(method);
try { detached(); } catch (e) { print(e.name, e.message); }
print(fixed());
