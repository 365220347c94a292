const gcd = (a, b) => b === 0 ? a : gcd(b, a % b);
const lcm = (a, b) => a / gcd(a, b) * b;
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), lcm(4, 6), lcm(21, 6));
let l = 1;
for (let i = 1; i <= 20; i++) l = lcm(l, i);
print(l);
function factorize(n) {
  const f = [];
  for (let d = 2; d * d <= n; d++) while (n % d === 0) { f.push(d); n /= d; }
  if (n > 1) f.push(n);
  return f;
}
print(factorize(360), factorize(97), factorize(600851475143), factorize(2 ** 31 - 1));
