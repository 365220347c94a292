const out = [];
for (let i = 1; i <= 30; i++) {
  let s = '';
  if (i % 3 === 0) s += 'Fizz';
  if (i % 5 === 0) s += 'Buzz';
  out.push(s || i);
}
print(out.join(' '));
console.log(out.slice(10, 16));
