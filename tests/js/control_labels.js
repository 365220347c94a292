let out = [];
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(`${i}${j}`);
  }
}
print(out.join(' '));
let count = 0;
loop1: while (true) {
  loop2: do {
    count++;
    if (count > 5) break loop1;
    if (count % 2) continue loop2;
    count += 10;
  } while (count < 3);
}
print(count);
block: {
  print('in block');
  if (out.length) break block;
  print('not reached');
}
const found = [];
search: for (const row of [[1, 2], [3, 4], [5, 6]]) {
  for (const v of row) {
    if (v === 4) { found.push(v); break search; }
    found.push(v);
  }
}
print(found);
a: b: for (let k = 0; k < 3; k++) { if (k === 1) continue a; if (k === 2) break b; print('k', k); }
