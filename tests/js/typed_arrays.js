const f = new Float64Array(3); f[0] = 1.5; f[1] = "2"; f[5] = 9; f[-1] = 3; f[1.5] = 4;
console.log(f, f.length, f[5], f[-1], f[1.5], Object.keys(f));
const i = new Int32Array([1.9, -1.9, 2**31, NaN, "7", 4294967297]);
console.log(i, i[2], i.length);
console.log(new Int32Array(0), new Float64Array(), new Float64Array(new Int32Array([1,2])), new Int32Array(new Set([3,4])));
try { new Float64Array(-1); } catch (e) { console.log(e.constructor.name, e.message); }
try { Float64Array(2); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Int32Array(2).set([1,2,3]); } catch (e) { console.log(e.constructor.name, e.message); }
const big = new Float64Array(120); for (let k = 0; k < 120; k++) big[k] = k / 2; console.log(big);
const s = new Int32Array([1,2,3,4,5]).subarray(1, 4); s[0] = 99; console.log(s, s.length);
const base = new Int32Array([1,2,3,4,5]); const sub = base.subarray(2); sub.fill(7); console.log(base, sub);
console.log(base.slice(1, 3), base.indexOf(7), base.indexOf(8), base.includes(2), new Float64Array([NaN]).includes(NaN), new Float64Array([NaN]).indexOf(NaN));
console.log(base.join(), base.join("-"), [...base], Object.prototype.toString.call(base), Array.isArray(base));
const t = new Float64Array(5); t.set([1, 2], 1); t.set(new Int32Array([7]), 4); console.log(t);
console.log(Float64Array.BYTES_PER_ELEMENT, Int32Array.BYTES_PER_ELEMENT, new Float64Array(2).BYTES_PER_ELEMENT, JSON.stringify(new Int32Array([1,2])));
for (const x of new Float64Array([0.1, -0])) console.log(x, Object.is(x, -0));
console.log(new Float64Array([-0, 1e21, 1/3]), new Int32Array(8));
const fl = new Float64Array(4).fill(2.5, 1, 3); console.log(fl, fl.fill(1) === fl);
console.log(Object.getPrototypeOf(Float64Array.prototype) === Object.getPrototypeOf(Int32Array.prototype), typeof f.subarray);
