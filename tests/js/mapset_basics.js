try { Map(); } catch (e) { console.log(e.message); }
try { Map.prototype.get.call({}, 1); } catch (e) { console.log(e.message); }
try { Set.prototype.add.call([], 1); } catch (e) { console.log(e.message); }
try { Map.prototype.set.call(new Set, 1); } catch (e) { console.log(e.message); }
try { new Map([1]); } catch (e) { console.log(e.message); }
try { new Map(5); } catch (e) { console.log(e.message); }
try { new Set(5); } catch (e) { console.log(e.message); }
try { new Map().forEach(1); } catch (e) { console.log(e.message); }
try { Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call({}); } catch (e) { console.log(e.message); }
const m = new Map([[1, 'a'], ['x', {y: 1}], [NaN, 2], [-0, 'z']]);
console.log(m, m.size, m.get(0), m.get(NaN));
console.log(new Set([1, 'a', [2], {b: 1}]), new Set(), new Map());
console.log(m.keys(), m.values(), m.entries());
const s = new Set([1,2,3]); console.log(s.values(), s.entries());
const it = m.keys(); it.next(); console.log(it);
console.log([...m], [...s], [...'ab']);
console.log({m, s});
console.log(new Map([[{a: 1}, [1, 2]]]));
class MM extends Map { constructor(x) { super(x); this.extra = 1; } }
console.log(new MM([[1,2]]));
const ms = new Map(); ms.foo = 'bar'; console.log(ms);
console.log(Map.name, Map.length, Set.length, Map.prototype.set.length, typeof Map.prototype.forEach, Set.prototype.keys === Set.prototype.values);
console.log(String(m), Object.prototype.toString.call(m), `${s}`);
console.log(it.next(), it.next(), it.next(), it.next());
const big = new Map(); for (let i = 0; i < 30; i++) big.set('key' + i, i); console.log(big);
const bs = new Set(); for (let i = 0; i < 120; i++) bs.add(i); console.log(bs);
console.log(m.set(5, 5) === m, s.add(9) === s, m.delete(5), m.delete(5), s.clear(), m.has(1));
console.log(Object.keys(m), JSON.stringify(m), JSON.stringify({s}));
