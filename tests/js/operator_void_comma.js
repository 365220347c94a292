print(void 0, void 'x', void (1 + 2), typeof void 0);
let side = 0;
const r = void (side = 5);
print(r, side);
let a = (1, 2, 3);
print(a);
let i, j;
for (i = 0, j = 10; i < j; i += 3, j -= 3) print(i, j);
let k = 0;
const v = (k++, k++, k);
print(v, k);
function f() { return side++, side; }
print(f(), f());
print([1, (2, 3)].length);
