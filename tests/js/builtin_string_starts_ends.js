const s = 'prefix-body-suffix';
print(s.startsWith('prefix'), s.startsWith('body', 7), s.startsWith('body'), s.startsWith(''), s.startsWith('p', -5), s.startsWith('x', 100));
print(s.endsWith('suffix'), s.endsWith('body', 11), s.endsWith('prefix', 6), s.endsWith(''), s.endsWith('s', 0), s.endsWith('x', 1000));
print('abc'.startsWith('abcd'), 'abc'.endsWith('zabc'), 'aaa'.startsWith('aa', 1), 'aaa'.endsWith('aa', 2));
const files = ['a.js', 'b.ts', 'c.js.map', 'd.JS'];
print(files.filter(f => f.endsWith('.js')), files.filter(f => f.toLowerCase().endsWith('.js')));
