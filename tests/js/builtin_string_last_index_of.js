const s = 'canal banana canal';
print(s.lastIndexOf('an'), s.lastIndexOf('an', 10), s.lastIndexOf('an', 0), s.lastIndexOf('c', 0), s.lastIndexOf(''), s.lastIndexOf('', 3));
print(s.lastIndexOf('zz'), s.lastIndexOf('canal'), s.lastIndexOf('canal', 12), s.lastIndexOf('a', NaN), s.lastIndexOf('a', -1));
print(s.indexOf('an', -5), s.indexOf('an', 100), s.indexOf(''), s.indexOf('', 100));
function basename(p) { return p.slice(p.lastIndexOf('/') + 1); }
function ext(p) { const i = p.lastIndexOf('.'); return i <= 0 ? '' : p.slice(i + 1); }
print(basename('/usr/local/bin/node'), basename('file'), ext('archive.tar.gz'), JSON.stringify(ext('.hidden')));
