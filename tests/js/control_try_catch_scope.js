let e = 'outer';
try { throw 'thrown'; } catch (e) { print('inner', e); { let e = 'block'; print(e); } }
print(e);
for (let i = 0; i < 3; i++) {
  try { if (i === 1) throw new Error('i=' + i); } catch { print('caught at', i); continue; } finally { print('finally', i); }
  print('after try', i);
}
function errInClosure() {
  const fns = [];
  for (let i = 0; i < 2; i++) { try { throw i; } catch (x) { fns.push(() => x); } }
  return fns.map(f => f());
}
print(errInClosure());
try { try { throw new Error('a'); } finally { print('inner finally'); } } catch (x) { print('outer caught', x.message); }
