// Computed keys: an object literal key is converted (ToPropertyKey) before
// its value is evaluated; a class field name when the class is defined; a
// static element named "prototype" is a TypeError at definition; a field
// on a non-extensible `this` is a TypeError. Compound assignment converts
// the key at the read and at the write, as node v20 does.
const log = [];
const k = { toString() { log.push('key'); return 'p'; } };
const o = { p: 1 };
o[k] += 1; o[k]++; --o[k]; o[k] **= 2; o[k] ??= 5;
print(o.p, log.length);
const lit = { [(log.push('k1'), { toString() { log.push('conv'); return 'a'; } })]: log.push('value') };
print(log.join(','), Object.keys(lit));
try { class A { static ['prototype']() {} } } catch (e) { print(e.name + ': ' + e.message); }
try { class A { static get ['prototype']() { return 1; } } } catch (e) { print(e.name + ': ' + e.message); }
try { class A { static ['prototype'] = 1; } } catch (e) { print(e.name + ': ' + e.message); }
const bad = { toString() { throw new RangeError('name'); } };
let made = 0;
try { class B { [bad] = 1; } made++; } catch (e) { print(e.name + ': ' + e.message, made); }
const frozen = Object.freeze({});
class Base { constructor() { return frozen; } }
class Der extends Base { f = 1; }
try { new Der(); } catch (e) { print(e.name + ': ' + e.message); }
const arr = [1, 2, 3];
const ik = { valueOf() { log.push('v'); return 0; }, toString() { log.length = 0; log.push('s'); return '1'; } };
arr[ik] += 10; print(arr, log);
