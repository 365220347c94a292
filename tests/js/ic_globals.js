// Global variable loads and stores through the baseline tier's global
// caches: plain assignments, new globals added (a new global-object shape),
// a global redefined read-only and then as an accessor, deleted, and
// recreated; builtins (Math, String) read in hot loops.
globalThis.G = 1;
function readG() { return G; }
function bumpG() { G = G + 1; }
let s = 0;
for (let i = 0; i < 50; i++) { bumpG(); s += readG() + Math.floor(i / 2) + String(i).length; }
console.log(s, G);
globalThis.H = 5;
for (let i = 0; i < 50; i++) { bumpG(); s += readG() + H; }
console.log(s, G);
Object.defineProperty(globalThis, "G", { value: 1000, writable: false, configurable: true });
try { bumpG(); } catch (e) { console.log(e.constructor.name, e.message); }
for (let i = 0; i < 30; i++) s += readG();
console.log(readG(), s);
let sets = 0;
Object.defineProperty(globalThis, "G", { get() { return 7; }, set(v) { sets++; }, configurable: true });
for (let i = 0; i < 30; i++) { bumpG(); s += readG(); }
console.log(readG(), s, sets);
delete globalThis.G;
try { readG(); } catch (e) { console.log(e.constructor.name, e.message); }
try { bumpG(); } catch (e) { console.log(e.constructor.name, e.message); }
globalThis.G = -1;
for (let i = 0; i < 30; i++) { bumpG(); s += readG(); }
console.log(readG(), s);
