print(new Array(3).length);
const arr = [1, 2, 3];
try { arr.length = -1; } catch (e) { print(e.name, e.message); }
const n = -5;
const a = new Array(n);
