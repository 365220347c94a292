const cases = [
  () => missing,
  () => null.x,
  () => { const c = 1; c = 2; },
  () => { x; let x; },
  () => new Array(-1),
  () => (1).toFixed(500),
  () => { class A {} A(); },
  () => { const notCtor = {}; new notCtor(); },
  () => 'x'.repeat(-2),
  () => { function r() { r(); } r(); },
];
for (const f of cases) {
  try { f(); print('no throw'); }
  catch (e) {
    print(e.name, e instanceof Error, e instanceof TypeError, e instanceof RangeError, e instanceof ReferenceError, e.constructor === globalThis[e.name]);
  }
}
