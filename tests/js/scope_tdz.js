function check(f) {
  try { f(); print('no error'); }
  catch (e) { print(e.name, e.message, e instanceof ReferenceError); }
}
check(() => { x; let x = 1; });
check(() => { y = 2; let y; });
check(() => { typeof z; const z = 3; });
check(() => { const g = () => w; g(); let w = 1; });
check(() => { const g = () => w; let w = 1; g(); });
check(() => { let q = q + 1; });
check(() => { class C extends D {} class D {} });
check(() => { new K(); class K {} });
check(() => { function inner() { return v; } let v = 7; print(inner()); });
let outer = 'outer';
{
  check(() => outer);
  let outer = 'inner';
}
