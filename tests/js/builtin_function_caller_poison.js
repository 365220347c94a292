// Function.prototype's `caller` and `arguments` are accessors whose getter
// and setter both throw a TypeError (one shared function); functions have
// no own properties of those names, bound functions included.
function show(f) {
  try { print(f()); } catch (e) { print(e.name + ': ' + e.message); }
}
function plain() {}
const arrow = () => 1;
class K { m() {} }
const bound = plain.bind(null);
for (const f of [plain, arrow, K, new K().m, bound]) {
  show(() => f.caller);
  show(() => { f['arguments'] = 1; return 'assigned'; });
  print(f.hasOwnProperty('caller'), 'caller' in f);
}
const c = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
const a = Object.getOwnPropertyDescriptor(Function.prototype, 'arguments');
print(typeof c.get, c.get === c.set, c.get === a.get, c.enumerable, c.configurable);
print(c.get.name === '', c.get.length);
function outer() { return bound.caller; }
show(outer);
