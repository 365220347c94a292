print([1, 2, 3], [], [[1, 2], [3]], [null, undefined, 0]);
print({}, { a: 1 }, [{}]);
print('multiple', 'args', 1, true, null, undefined);
print();
print('');
print(-0, [-0], 0.1 + 0.2);
print(String([1, [2, [3, [4]]]]));
print([1, 2] + [3], [] + 1, [5] * 2);
print(typeof print('x'));
