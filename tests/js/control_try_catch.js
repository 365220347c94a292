try { throw 'str'; } catch (e) { print(typeof e, e); }
try { throw 42; } catch (e) { print(e + 1); }
try { throw null; } catch (e) { print(e === null); }
try { throw { code: 7 }; } catch (e) { print(e.code); }
try { throw new Error('x'); } catch { print('no binding'); }
let e = 'outer e';
try { throw 'inner'; } catch (e) { e = 'modified'; }
print(e);
function thrower(kind) {
  if (kind === 1) throw new TypeError('type');
  if (kind === 2) throw new RangeError('range');
  return 'fine';
}
for (const k of [0, 1, 2]) {
  try { print(thrower(k)); }
  catch (err) {
    if (err instanceof TypeError) print('TypeError handled', err.message);
    else if (err instanceof RangeError) print('RangeError handled', err.message);
  }
}
try { try { throw 1; } catch (x) { throw x * 2; } } catch (y) { print('outer', y); }
const res = (() => { try { return 'a'; } catch (z) { return 'b'; } })();
print(res);
