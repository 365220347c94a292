// Exceptions thrown in hot (compiled) code caught by cold callers, and the reverse.
function hotThrower(i) { if (i % 7 === 6) throw new RangeError('bad ' + i); return i * 2; }
function coldCatcher(n) {
  let ok = 0, caught = [];
  for (let i = 0; i < n; i++) {
    try { ok += hotThrower(i); } catch (e) { caught.push(e.message); }
  }
  return [ok, caught.length, caught[0], caught[caught.length - 1]];
}
print(coldCatcher(400).join(' '));
function coldThrower(x) { if (x > 500) throw new TypeError('too big'); return x; }
function hotCatcher() {
  let s = 0, errs = 0;
  for (let i = 0; i < 1000; i++) { try { s += coldThrower(i); } catch (e) { errs++; } finally { s += 1; } }
  return s + ':' + errs;
}
print(hotCatcher());
function nested(d) { if (d === 0) throw new Error('bottom'); try { return nested(d - 1); } finally { } }
for (let k = 0; k < 3; k++) { try { nested(200); } catch (e) { print(e.message, k); } }
