const s = `a${1 + `b${"c"}`}\u{1F600}\x41\n\
continued`;
label: for (const x of [1, , 3]) { if (x) continue label; else break label; }
