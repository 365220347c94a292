const a = [1, 2, 3];
const b = a;
b.push(4);
print(a, a === b);
const c = a.slice();
c.push(5);
print(a.length, c.length);
function mutate(arr) { arr[0] = 'changed'; arr = ['new']; return arr; }
const r = mutate(a);
print(a[0], r[0]);
const matrix = [[0, 0], [0, 0]];
const row = matrix[0];
row[1] = 7;
print(JSON.stringify(matrix));
const objs = [{ v: 1 }];
const copy = objs.slice();
copy[0].v = 99;
print(objs[0].v, [1] == '1', [1] === [1]);
