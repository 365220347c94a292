const log = [];
function f1() {
  try { log.push('try'); return 'from try'; }
  finally { log.push('finally'); }
}
print(f1(), log.join());
function f2() {
  try { return 'try'; } finally { return 'finally wins'; }
}
print(f2());
function f3() {
  try { throw new Error('boom'); } catch (e) { return 'catch ' + e.message; } finally { print('f3 finally'); }
}
print(f3());
function f4() {
  let x = 1;
  try { return x; } finally { x = 2; }
}
print(f4());
function f5() {
  try { throw new Error('lost'); } finally { return 'swallowed'; }
}
print(f5());
function f6() {
  for (let i = 0; i < 3; i++) {
    try { if (i === 1) break; print('body', i); } finally { print('fin', i); }
  }
  return 'after loop';
}
print(f6());
function f7() {
  let out = [];
  for (let i = 0; i < 3; i++) {
    try { if (i === 1) continue; out.push('b' + i); } finally { out.push('f' + i); }
  }
  return out.join(' ');
}
print(f7());
