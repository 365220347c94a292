// < compares UTF-16 code units, not code points or locale
const words = ['banana', 'Apple', 'apple', 'äpfel', 'Zebra', 'zebra', '', 'a', 'aa', '\u{1F600}', '\uFF21'];
const sorted = words.slice().sort();
print(sorted.join('|'));
print('\u{1F600}' < '\uFF21', '\u{1F600}'.length, '\uFF21'.length);
print('a' < 'aa', 'aa' < 'ab', 'b' > 'abc');
let max = '';
for (const w of words) if (w > max) max = w;
print(max === '\uFF21', max.charCodeAt(0));
print('10' > '2', 10 > 2, '10' > 2);
