print('abc'.indexOf(undefined), 'undefined'.indexOf(), 'null'.includes(null), '12345'.indexOf(3));
print('abc'.charAt(1.9), 'abc'.charAt(-1) === '', 'abc'.charAt('2'), 'abc'.charCodeAt(NaN));
print('a-b'.split('-', 1.5), 'abc'.slice('1'), 'abc'.startsWith(''), 'abc'.endsWith('c', 99));
print('x'.padStart(5, 12), 'x'.repeat('3'), 'Ab'.toLowerCase() === 'ab');
print(String(null), String(undefined), String(true), String(12.50), String([1, [2, [3]]]), String({}));
print(String(-0), String(1e21), String(NaN), String(''), String([]), String([null]), String([undefined, null]));
print(`${[1, 2]}`, 'x' + [], 'x' + {}, [] + [], [] + {}, 1 + [2], 1 + null + 'a');
try { 'abc'.includes(); print('includes() ok'); } catch (e) { print(e.message); }
