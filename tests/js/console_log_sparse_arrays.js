console.log(new Array(3));
console.log([1, , 3]);
const a = [1, 2];
a.extra = 'x';
console.log(a);
const d = [1, 2, 3];
delete d[1];
console.log(d, d.length);
console.log([, , 'x', , ]);
