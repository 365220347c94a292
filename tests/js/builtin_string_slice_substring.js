const s = 'JavaScript';
print(s.slice(4), s.slice(0, 4), s.slice(-6), s.slice(-6, -3), s.slice(5, 2), s.slice(100), s.slice(NaN, 3));
print(s.substring(4), s.substring(0, 4), s.substring(4, 0), s.substring(-3), s.substring(3, -1), s.substring(NaN, 2), s.substring(2, 100));
print(s.slice(2.7, 5.2), s.substring('1', '3'), s.slice(), s.slice(undefined, 4));
print(JSON.stringify(''.slice(0, 1)), JSON.stringify(s.slice(5, 5)));
