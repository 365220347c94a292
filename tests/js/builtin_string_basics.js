const s = 'Hello, World';
print(s.length, s.charAt(0), s.charAt(99) === '', s.charCodeAt(1), s.charCodeAt(99), s[4]);
print(s.indexOf('o'), s.indexOf('o', 5), s.indexOf('zz'), s.indexOf(''), s.indexOf('', 99), s.lastIndexOf('o'), s.lastIndexOf('o', 5), s.lastIndexOf('l', -5));
print(s.includes('World'), s.includes('world'), s.includes('o', 9), s.startsWith('Hell'), s.startsWith('World', 7), s.endsWith('World'), s.endsWith('Hello', 5));
print(s.toUpperCase(), s.toLowerCase(), 'ß'.toUpperCase(), 'İ'.length);
print(String.fromCharCode(72, 105), String.fromCharCode(0x1F600 & 0xffff), String.fromCharCode(65.9, 65536 + 66), String.fromCharCode());
print('abc'.concat('def', 1, null), ''.concat(), 'x'.concat([1, 2]));
