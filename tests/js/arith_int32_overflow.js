// int32 fast paths must overflow into doubles
let a = 2147483647;
print(a + 1, a + a, a * 2);
let b = -2147483648;
print(b - 1, b * -1, -b);
print(65536 * 65536, 46341 * 46341, 46340 * 46340);
print(0x7fffffff * 0x7fffffff);
let x = 2147483647;
x++;
print(x);
let y = -2147483648;
y--;
print(y);
let c = 1;
for (let i = 0; i < 40; i++) c *= 2;
print(c);
print((2147483647 + 1) | 0, (4294967295) | 0, 4294967296 | 0);
print(-2147483648 / -1, -2147483648 % -1);
print(2147483647 - -1);
