function matMul(a, b) {
  const n = a.length, m = b[0].length, k = b.length;
  const c = [];
  for (let i = 0; i < n; i++) {
    c.push(new Array(m).fill(0));
    for (let j = 0; j < m; j++) for (let t = 0; t < k; t++) c[i][j] += a[i][t] * b[t][j];
  }
  return c;
}
function matPow(m, p) {
  let r = [[1, 0], [0, 1]];
  while (p > 0) { if (p & 1) r = matMul(r, m); m = matMul(m, m); p >>= 1; }
  return r;
}
print(JSON.stringify(matMul([[1, 2], [3, 4]], [[5, 6], [7, 8]])));
print(matPow([[1, 1], [1, 0]], 50)[0][1], matPow([[1, 1], [1, 0]], 80)[0][1]);
function det(m) {
  if (m.length === 1) return m[0][0];
  let d = 0;
  for (let c = 0; c < m.length; c++) {
    const minor = m.slice(1).map(row => row.filter((_, j) => j !== c));
    d += (c % 2 ? -1 : 1) * m[0][c] * det(minor);
  }
  return d;
}
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[0.1, 0.2], [0.3, 0.4]]));
