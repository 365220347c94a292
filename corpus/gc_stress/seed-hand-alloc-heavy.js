// Hand-written seed: many short-lived objects, strings and closures
// alive across allocations (the GC moves everything each time).
const keep = [];
for (let i = 0; i < 200; i++) {
  const o = { i, s: "v" + i, f: () => o.i };
  if (i % 7 === 0) keep.push(o);
}
print(keep.length, keep.map((o) => o.f() + o.s).join("|"));
let s = "";
for (let i = 0; i < 50; i++) s += String.fromCharCode(65 + (i % 26));
print(s, s.length, JSON.stringify(keep.slice(0, 2).map((o) => ({ i: o.i, s: o.s }))));
