// ToInt32 / ToUint32 at and around the boundaries
const vals = [0, 1, -1, 2147483647, 2147483648, -2147483648, -2147483649, 4294967295, 4294967296, 2 ** 53, -(2 ** 53), 1.5, -1.5, 1e10];
for (const v of vals) {
  print(v, v | 0, v >>> 0, v >> 0, ~~v, v << 0, (v >>> 0) | 0);
}
