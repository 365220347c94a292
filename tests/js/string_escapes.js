print('tab:\tend', 'q:\'"', "dq:\"'", 'back\\slash');
print('hex:\x41\x62', 'uni:\u0041\u00e9', 'brace:\u{41}\u{1F600}'.length, 'nul:[\0]'.length);
print('line1\nline2');
print('cr\r'.length, '\v\f\b'.length, JSON.stringify('\v\f\b\t\n\r'));
print('continued \
line');
print(`template \` backtick`, `\${not}`, `a\tb`);
print("\u2028\u2029".length, '\x7f'.charCodeAt(0), '\u00A0'.charCodeAt(0));
console.log(['quote\'s', "dq\"", 'new\nline', 'back\\']);
console.log('plain string', 'a\nb');
