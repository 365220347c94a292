const log = [];
function nested() {
  try {
    try {
      log.push('inner try');
      throw new TypeError('t');
    } finally {
      log.push('inner finally');
    }
  } catch (e) {
    log.push('outer catch ' + e.name);
    return 'r1';
  } finally {
    log.push('outer finally');
  }
}
print(nested(), log.join(' > '));
function rethrow() {
  try { throw 1; } catch (e) { throw e + 1; } finally { print('cleanup'); }
}
try { rethrow(); } catch (v) { print('got', v); }
function loopy() {
  const out = [];
  outer: for (let i = 0; i < 3; i++) {
    try {
      for (let j = 0; j < 3; j++) {
        try {
          if (j === 1) continue outer;
          out.push(i + '' + j);
        } finally { out.push('fj' + j); }
      }
    } finally { out.push('fi' + i); }
  }
  return out.join(' ');
}
print(loopy());
function overrideThrow() {
  try { return 'ok'; } finally { throw new RangeError('from finally'); }
}
try { overrideThrow(); } catch (e) { print(e.name, e.message); }
let c = 0;
while (true) { try { c++; if (c > 2) break; } finally { c += 10; } }
print(c);
