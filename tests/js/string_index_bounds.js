const s = 'hey';
print(s[0], s[2], s[3], s[-1], s['1'], s[1.5], s[NaN]);
print(s.charAt(3) === '', s.charCodeAt(-1), s.codePointAt(3), s.charAt(-1) === '');
print(s.length, 'hey'.length === 3, ''.length, '\n'.length);
for (let i = 0; i < s.length; i++) print(i, s[i], s.charCodeAt(i));
