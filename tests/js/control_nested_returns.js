function find(matrix, target) {
  for (let i = 0; i < matrix.length; i++) {
    for (let j = 0; j < matrix[i].length; j++) {
      if (matrix[i][j] === target) return [i, j];
    }
  }
  return null;
}
print(find([[1, 2], [3, 4]], 4), find([[1]], 9));
function early(x) {
  if (x < 0) return 'negative';
  while (true) { if (x > 100) return 'big'; x *= 10; if (x === 0) return 'zero'; }
}
print(early(-1), early(5), early(0));
function noReturn() {}
function emptyReturn() { return; }
print(noReturn(), emptyReturn(), typeof noReturn());
const results = [1, 2, 3, 4].map(n => { if (n % 2) return; return n; });
print(JSON.stringify(results));
