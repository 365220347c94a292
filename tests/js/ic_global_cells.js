// Global variables read and written through property cells while the
// global object keeps changing: globals added every round (new shapes,
// then a dictionary past 64 properties), a global redefined read-only,
// as an accessor, deleted and recreated (a new slot), other globals
// deleted around it, and finally the global object sealed and frozen.
// Every loop runs long enough for the baseline tier's caches to fill.
globalThis.counter = 0;
globalThis.limit = 3;
function bump(n) { let s = 0; for (let i = 0; i < n; i++) { counter = counter + 1; s += counter % limit; } return s; }
function read() { return counter; }
function tryBump() { try { bump(1); return "ok"; } catch (e) { return e.constructor.name + ": " + e.message; } }
let t = 0;
for (let r = 0; r < 120; r++) {
  globalThis["g" + r] = r;
  t += bump(20) + read();
}
console.log("grow", t, counter, Object.keys(globalThis).filter((k) => k[0] === "g" && k.length < 5).length);
for (let r = 0; r < 60; r += 2) delete globalThis["g" + r];
for (let r = 0; r < 30; r++) t += bump(20) + read();
console.log("shrink", t, counter);
Object.defineProperty(globalThis, "counter", { value: 5, writable: false, configurable: true });
console.log("read-only", tryBump(), read(), bump.length);
for (let r = 0; r < 30; r++) t += read();
Object.defineProperty(globalThis, "counter", { value: 6, writable: true, configurable: true });
for (let r = 0; r < 30; r++) t += bump(3);
console.log("writable again", t, read());
let sets = 0;
Object.defineProperty(globalThis, "counter", { get() { return 100; }, set(v) { sets += v; }, configurable: true });
for (let r = 0; r < 30; r++) t += bump(2) + read();
console.log("accessor", t, read(), sets);
delete globalThis.counter;
console.log("deleted", tryBump());
try { read(); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
for (let r = 0; r < 70; r++) globalThis["h" + r] = r;
globalThis.counter = 1000;
for (let r = 0; r < 30; r++) t += bump(5) + read();
console.log("recreated", t, read());
delete globalThis.limit;
globalThis.limit = 7;
for (let r = 0; r < 30; r++) t += bump(5);
console.log("limit moved", t, read());
Object.seal(globalThis);
for (let r = 0; r < 30; r++) t += bump(5);
console.log("sealed", t, read(), tryBump());
Object.freeze(globalThis);
console.log("frozen", tryBump(), read());
for (let r = 0; r < 30; r++) t += read();
console.log("end", t);
