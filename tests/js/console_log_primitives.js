console.log(1, -1, 0, -0, 1.5, 1e21, 1e-7, NaN, Infinity, -Infinity);
console.log('str', '', 'with space');
console.log(true, false, null, undefined);
console.log();
console.log('a', 1, 'b', null);
console.log(2 ** 53, 0.1 + 0.2, -1e-7, 123e-20);
console.log(typeof console.log(''), 'after');
