function step(grid) {
  const h = grid.length, w = grid[0].length;
  return grid.map((row, y) => row.map((cell, x) => {
    let n = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      if (dy === 0 && dx === 0) continue;
      n += grid[(y + dy + h) % h][(x + dx + w) % w];
    }
    return n === 3 || (cell && n === 2) ? 1 : 0;
  }));
}
let g = new Array(8).fill(0).map(() => new Array(8).fill(0));
g[0][1] = g[1][2] = g[2][0] = g[2][1] = g[2][2] = 1;
for (let i = 0; i < 4; i++) g = step(g);
for (const row of g) print(row.map(c => c ? '#' : '.').join(''));
print(g.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0));
