const values = [42, 'text', null, undefined, true, { code: 1 }, [1, 2], -0, NaN];
for (const v of values) {
  try { throw v; } catch (e) { print(typeof e, e === v || (e !== e && v !== v), String(e)); }
}
function thrower() { throw new RangeError('deep'); }
function mid() { thrower(); print('unreachable'); }
try { mid(); } catch (e) { print('propagated', e.name, e.message); }
const errs = [];
for (let i = 0; i < 3; i++) { try { if (i !== 1) throw i; errs.push('ok' + i); } catch (x) { errs.push('caught' + x); } }
print(errs);
