const a = 1;
try { a = 2; } catch (e) { print(e.name, e.message, e instanceof TypeError); }
try { a++; } catch (e) { print(e.message); }
try { a += 1; } catch (e) { print(e.message); }
print(a);
const fns = [];
for (const k of ['p', 'q']) fns.push(() => k);
print(fns[0](), fns[1]());
try {
  for (const i = 0; i < 2; i++) print('iter', i);
} catch (e) { print(e.name, e.message); }
let tdzThenConst = () => { const z = 1; z = 2; };
try { tdzThenConst(); } catch (e) { print(e.constructor === TypeError); }
