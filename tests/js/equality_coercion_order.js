const log = [];
const a = { valueOf() { log.push('a.valueOf'); return 1; }, toString() { log.push('a.toString'); return 'A'; } };
const b = { valueOf() { log.push('b.valueOf'); return 2; } };
print(a < b, log.join(','));
log.length = 0;
print(a == 1, a == 'A', log.join(','));
log.length = 0;
print(a + b, `${a}`, log.join(','));
log.length = 0;
print(String(a), a + '', log.join(','));
const objNotPrim = { valueOf() { return {}; }, toString() { return 'fallback'; } };
print(objNotPrim + '', objNotPrim == 'fallback');
const bad = { valueOf() { return {}; }, toString() { return {}; } };
try { bad + 1; } catch (e) { print(e.name, e.message); }
