// Array.prototype methods on array-likes: primitives are converted with
// ToObject (the callback and a returned `this` see the wrapper), String
// wrappers expose their characters, huge lengths are checked before any
// iteration, and ArraySpeciesCreate reads `constructor`.
function show(f) {
  try { print(f()); } catch (e) { print(e.name + ': ' + e.message); }
}
Boolean.prototype[0] = 'zero';
Boolean.prototype.length = 1;
show(() => Array.prototype.indexOf.call(true, 'zero'));
show(() => Array.prototype.map.call(true, (v) => v + '!')[0]);
show(() => Array.prototype.every.call(false, (v, i, o) => typeof o === 'object' && o instanceof Boolean));
show(() => Array.prototype.fill.call(true) instanceof Boolean);
show(() => typeof Array.prototype.reverse.call(5));
delete Boolean.prototype[0];
delete Boolean.prototype.length;
show(() => Array.prototype.map.call('abc', (c) => c + c).join(','));
show(() => Array.prototype.filter.call(new String('hello'), (c) => c !== 'l').join(''));
show(() => Array.prototype.lastIndexOf.call('banana', 'a'));
show(() => Array.prototype.some.call('xy', (c, i, o) => o instanceof String));
const s = new String('ab');
print(s[0], s[1], s[2], 0 in s, 2 in s, s.length);
show(() => Array.prototype.reduce.call('abc', (a, c) => a + c.toUpperCase(), '>'));
// huge lengths: no iteration over the whole length
show(() => Array.prototype.slice.call({ length: 4294967296, 0: 'x' }, 0, 4294967296));
show(() => Array.prototype.splice.call({ length: 2 ** 53 - 1 }, 0, 0, null));
show(() => Array.prototype.slice.call({ length: 2 ** 53 - 1, 0: 'a', 1: 'b' }, 0, 2).join('+'));
show(() => Array.prototype.indexOf.call({ length: 2 ** 53 - 1, 0: 'q' }, 'q'));
// species: the receiver's constructor is read; a non-object throws
for (const c of [null, 1, 'x', true]) {
  const a = [1, 2];
  a.constructor = c;
  show(() => a.map((x) => x));
  show(() => a.filter((x) => x).length);
  show(() => a.slice(0).length);
  show(() => a.concat([3]).length);
  show(() => a.splice(0, 1).length);
}
const poisoned = [1];
Object.defineProperty(poisoned, 'constructor', { get() { throw new RangeError('ctor read'); } });
show(() => poisoned.map((x) => x));
const undef = [1, 2, 3];
undef.constructor = undefined;
show(() => Array.isArray(undef.slice(1)) + ' ' + undef.slice(1).join());
const other = [4, 5];
other.constructor = {};
show(() => Array.isArray(other.map((x) => x * 2)) + ' ' + other.map((x) => x * 2).join());
class Sub extends Array {}
const sub = new Sub();
sub.push(1, 2, 3);
show(() => sub.map((x) => x) instanceof Sub);
show(() => sub.filter((x) => x > 1) instanceof Sub);
show(() => sub.slice(1).constructor === Sub);
show(() => [1, 2].map((x) => x) instanceof Sub);
