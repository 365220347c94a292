const data = [3, 1, 2];
print(data.map(x => x * 2));
data.forEach(x => {
  if (x === 1) throw new SyntaxError('bad item ' + x);
  print('ok', x);
});
