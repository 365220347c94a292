// Regression: flat strings were capped at 1020 code units by an 8-bit field
// in the cell header; longer ones crashed.
let s = '';
for (let i = 0; i < 3000; i++) s += String.fromCharCode(97 + (i % 26));
const flat = s.split('').join('');
print(flat.length, flat.slice(1018, 1026), flat.charCodeAt(2999), flat === s);
