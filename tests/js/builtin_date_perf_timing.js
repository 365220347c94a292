// values of Date.now/performance.now are not part of the contract; only their shape is
const t0 = Date.now();
const p0 = performance.now();
let s = 0;
for (let i = 0; i < 1000; i++) s += i;
const t1 = Date.now(), p1 = performance.now();
print(typeof t0, typeof p0, Number.isInteger(t0), t1 >= t0, p1 >= p0, p0 >= 0, t0 > 1.6e12, s);
print(typeof Math.random(), Math.random() >= 0, Math.random() < 1);
