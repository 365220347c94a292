console.log([]);
console.log([1, 2, 3]);
console.log(['a', 'b']);
console.log([1, 'two', null, undefined, true, -0, NaN]);
console.log([[1, [2, [3]]], []]);
console.log([{}, { a: 1 }]);
console.log(["it's"], ['say "hi"'], ['both \' and "']);
console.log(['tab\there', 'uni\u00e9', '']);
console.log([1.5, -2.25, 1e21]);
