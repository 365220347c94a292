function permutations(arr) {
  if (arr.length <= 1) return [arr.slice()];
  const out = [];
  for (let i = 0; i < arr.length; i++) {
    const rest = arr.slice(0, i).concat(arr.slice(i + 1));
    for (const p of permutations(rest)) out.push([arr[i]].concat(p));
  }
  return out;
}
const perms = permutations(['a', 'b', 'c']);
print(perms.length, perms.map(p => p.join('')).join(' '));
function nQueens(n) {
  let count = 0;
  const cols = [], d1 = [], d2 = [];
  (function place(r) {
    if (r === n) { count++; return; }
    for (let c = 0; c < n; c++) {
      if (cols[c] || d1[r + c] || d2[r - c + n]) continue;
      cols[c] = d1[r + c] = d2[r - c + n] = true;
      place(r + 1);
      cols[c] = d1[r + c] = d2[r - c + n] = false;
    }
  })(0);
  return count;
}
print([1, 2, 3, 4, 5, 6, 7, 8].map(nQueens));
