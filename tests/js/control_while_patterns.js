let n = 27, steps = 0;
while (n !== 1) { n = n % 2 ? 3 * n + 1 : n / 2; steps++; }
print(steps);
let i = 0, evens = [];
while (true) {
  i++;
  if (i > 10) break;
  if (i % 2) continue;
  evens.push(i);
}
print(evens);
let j = 0, log = [];
do {
  j++;
  if (j === 2) continue;
  log.push(j);
} while (j < 4);
print(log);
let k = 5;
while (k --> 0) log.push('k' + k);
print(log.join(' '));
