function sieve(n) {
  const composite = new Array(n + 1).fill(false);
  const primes = [];
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j <= n; j += i) composite[j] = true;
  }
  return primes;
}
const p = sieve(1000);
print(p.length, p.slice(0, 10), p[p.length - 1]);
print(p.reduce((a, b) => a + b, 0));
