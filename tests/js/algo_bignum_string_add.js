function addStrings(a, b) {
  let i = a.length - 1, j = b.length - 1, carry = 0, out = '';
  while (i >= 0 || j >= 0 || carry) {
    const s = (i >= 0 ? a.charCodeAt(i--) - 48 : 0) + (j >= 0 ? b.charCodeAt(j--) - 48 : 0) + carry;
    out = (s % 10) + out;
    carry = s >= 10 ? 1 : 0;
  }
  return out || '0';
}
function fibBig(n) { let a = '0', b = '1'; for (let k = 0; k < n; k++) { const t = addStrings(a, b); a = b; b = t; } return a; }
print(fibBig(100), fibBig(100).length);
print(addStrings('999999999999999999999', '1'), addStrings('0', '0'));
function mulSmall(a, m) { let carry = 0, out = ''; for (let i = a.length - 1; i >= 0; i--) { const p = (a.charCodeAt(i) - 48) * m + carry; out = (p % 10) + out; carry = Math.floor(p / 10); } return (carry ? String(carry) : '') + out; }
let f = '1';
for (let k = 2; k <= 30; k++) f = mulSmall(f, k);
print(f);
