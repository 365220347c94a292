// Regression (found by ic_keyed_props.js): a typed array's numeric keys (indices
// out of range, "1.5", "NaN", "-0") end [[Get]] and [[HasProperty]] at the typed
// array, as a receiver and as a prototype, whatever its prototypes hold.
Object.prototype[10] = "p10";
Object.prototype["1.5"] = "p15";
Object.prototype.NaN = "pNaN";
const ta = new Int32Array(4);
console.log(ta[10], ta["1.5"], ta.NaN, ta["-0"], 10 in ta, "1.5" in ta, "NaN" in ta, ta.foo, "x" in ta);
const child = Object.create(ta);
console.log(child[10], child["1.5"], child[2], 10 in child);
