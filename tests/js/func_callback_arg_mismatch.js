const log = [];
[10, 20].forEach(function (v) { log.push(v); });
[10, 20].forEach((v, i, arr, extra) => log.push(typeof extra));
print(log);
print([1, 2, 3].map(() => 'x'), [1, 2, 3].filter((v, i) => i), [3, 1, 2].sort(() => -1));
print([[1, 2], [3, 4]].map(Math.max), ['10', '10', '10'].map(parseInt));
function takesTwo(a, b) { return `${a}/${b}`; }
print([1, 2].map(takesTwo), [5].reduce(takesTwo, 'init'));
class Handler { handle(evt, ctx = 'default ctx') { return evt + ' in ' + ctx; } }
const h = new Handler();
print(['click'].map(e => h.handle(e)), ['key'].map(h.handle, h));
