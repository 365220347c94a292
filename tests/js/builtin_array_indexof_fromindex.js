const a = ['a', 'b', 'c', 'a', 'b', 'c'];
print(a.indexOf('a', 1), a.indexOf('a', -3), a.indexOf('a', -100), a.indexOf('c', 6), a.indexOf('c', 5.9));
print(a.lastIndexOf('a', 2), a.lastIndexOf('c', -2), a.lastIndexOf('a', -100), a.lastIndexOf('b', 100));
print(a.includes('a', 4), a.includes('c', -1), a.includes('a', '3'), a.indexOf('b', undefined), a.lastIndexOf('c', undefined));
print([1, 2, 3].indexOf('2'), [1, 2, 3].includes('2'), [[1]].indexOf([1]), [null].indexOf(null), [undefined].indexOf());
