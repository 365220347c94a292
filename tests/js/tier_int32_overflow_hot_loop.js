// int32 arithmetic in a hot loop that overflows into doubles and back.
let a = 2147483000, b = -2147483000, m = 1;
for (let i = 0; i < 2000; i++) {
  a = a + 1;
  b = b - 1;
  m = (m * 3) | 0;
}
print(a, b, m, a - 2147483647, -b - 2147483648);
let x = 1;
for (let i = 0; i < 40; i++) x = x * 2;
print(x, x | 0, x >>> 0, (x - 1) % 1000);
let c = 0;
for (let i = 0; i < 100000; i++) c += i;
print(c, c > 2 ** 31);
let z = 0;
for (let i = 0; i < 1000; i++) z = -z + (i % 2 ? -0 : 0);
print(Object.is(z, -0), 1 / z);
