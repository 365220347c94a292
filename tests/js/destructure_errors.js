// V8's wording of destructuring, iteration and spread failures.
function g() { return 1; }
function gu() { return undefined; }
let o = {p: 1, q: {}};
const tests = [
  () => { const {a} = undefined; },
  () => { const {a} = null; },
  () => { const {a: {b}} = {}; },
  () => { const {} = null; },
  () => { let x = null; const {a} = x; },
  () => { let x = {y: null}; const {a} = x.y; },
  () => { const [a] = 5; },
  () => { const [a] = {}; },
  () => { let x = {}; const [a] = x; },
  () => { let x = {y: 1}; const [a] = x.y; },
  () => { const [a] = undefined; },
  () => { const [a] = null; },
  () => { let u; const [[a]] = [u]; },
  () => { const [[a]] = [1]; },
  () => { let a; ({a} = null); },
  () => { let a; [a] = 1; },
  () => { function f({a}) {} f(); },
  () => { function f([a]) {} f(); },
  () => { function f([a]) {} f(3); },
  () => { function f([a]) {} f({}); },
  () => { function f([a]) {} f(true); },
  () => { function f([a]) {} f(null); },
  () => { function f([a]) {} f(g); },
  () => { function f({a}) {} f(null); },
  () => { for (const [a] of [1]) {} },
  () => { for (const {a} of [null]) {} },
  () => { try { throw null; } catch ({a}) {} },
  () => { Math.max(...5); },
  () => { Math.max(...undefined); },
  () => { Math.max(...null); },
  () => { let q = {}; Math.max(...q); },
  () => { let u; Math.max(...u); },
  () => { [...{}]; },
  () => { [...5]; },
  () => { [...o.q]; },
  () => { let u; [...u]; },
  () => { new Array(...3); },
  () => { const {a = 1, b} = null; },
  () => { const {["x" + 1]: z} = null; },
  () => { const {...r} = null; },
  () => { const [...r] = 1; },
  () => { for (const x of 5) {} },
  () => { for (const x of {}) {} },
  () => { for (const x of o) {} },
  () => { for (const x of o.q) {} },
  () => { for (const x of g()) {} },
  () => { const [a] = g(); },
  () => { const [a] = o.q; },
  () => { let a; [a] = o; },
  () => { let a, b; [a, [b]] = [1, 2]; },
  () => { let a; ({a} = o.zz); },
  () => { let a, b; ({a: {b}} = {a: null}); },
  () => { const {a} = o.zz; },
  () => { const {a: {b}} = {a: undefined}; },
  () => { const [{b}] = [null]; },
  () => { const {1: a} = undefined; },
  () => { const {"s t": a} = undefined; },
  () => { const {a} = gu(); },
];
for (const t of tests) {
  try {
    t();
    print("ok");
  } catch (e) {
    print(e.constructor.name + ": " + e.message);
  }
}
