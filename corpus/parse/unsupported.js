function* g() { yield 1; }
async function f() { await g(); }
const r = /ab+c/g;
