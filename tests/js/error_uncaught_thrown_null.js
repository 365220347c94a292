try { throw null; } catch (e) { print('caught', e, e === null); }
print('throwing null');
function rethrow() { throw null; }
rethrow();
print('unreachable');
