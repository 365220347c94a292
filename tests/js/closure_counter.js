function makeCounter(start = 0) {
  let n = start;
  return { inc: () => ++n, dec: () => --n, get: () => n };
}
const a = makeCounter(), b = makeCounter(10);
a.inc(); a.inc(); b.dec();
print(a.get(), b.get());
function adder(x) { return y => z => x + y + z; }
print(adder(1)(2)(3), adder('a')('b')('c'));
let shared = 1;
const readShared = () => shared;
shared = 2;
print(readShared());
function once(f) { let done = false, r; return () => done ? r : (done = true, r = f()); }
let calls = 0;
const o = once(() => ++calls);
print(o(), o(), o(), calls);
const fs = [];
function makeAll() { for (var i = 0; i < 3; i++) fs.push((function (k) { return () => k * 10; })(i)); }
makeAll();
print(fs.map(f => f()));
