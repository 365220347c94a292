function countOccurrences(hay, needle) {
  let count = 0, pos = hay.indexOf(needle);
  while (pos !== -1) { count++; pos = hay.indexOf(needle, pos + 1); }
  return count;
}
print(countOccurrences('abababa', 'aba'), countOccurrences('aaaa', 'aa'), countOccurrences('abc', 'd'));
function capitalize(w) { return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(); }
print('hELLO wORLD from JOLT'.split(' ').map(capitalize).join(' '));
function replaceAll(s, from, to) { return s.split(from).join(to); }
print(replaceAll('a.b.c', '.', '::'), replaceAll('aaa', 'a', 'bb'));
const camel = 'some-kebab-case-name'.split('-').map((w, i) => i ? capitalize(w) : w).join('');
print(camel);
print('Mississippi'.toLowerCase().split('s').length - 1, 'Mississippi'.lastIndexOf('ss'));
