const log = [];
outer: for (let i = 0; i < 3; i++) {
  try {
    for (let j = 0; j < 3; j++) {
      try {
        if (j === 1 && i === 1) break outer;
        if (j === 2) continue outer;
        log.push(i + '.' + j);
      } finally { log.push('f' + j); }
    }
  } finally { log.push('F' + i); }
}
print(log.join(' '));
function labeledReturn() {
  lbl: {
    try { break lbl; } finally { log.length = 0; log.push('block finally'); }
  }
  return log.join();
}
print(labeledReturn());
let n = 0;
loop: do { n++; if (n < 3) continue loop; break loop; } while (true);
print(n);
