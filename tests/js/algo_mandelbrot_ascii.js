const rows = [];
for (let y = -1.2; y <= 1.2001; y += 0.2) {
  let line = '';
  for (let x = -2.1; x <= 0.7001; x += 0.08) {
    let zr = 0, zi = 0, i = 0;
    while (i < 50 && zr * zr + zi * zi < 4) { const t = zr * zr - zi * zi + x; zi = 2 * zr * zi + y; zr = t; i++; }
    line += i === 50 ? '#' : i > 10 ? '+' : i > 4 ? '.' : ' ';
  }
  rows.push(line);
}
for (const r of rows) print(r);
