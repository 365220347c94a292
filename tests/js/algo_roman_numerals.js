const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function toRoman(n) {
  let s = '';
  for (const pair of table) while (n >= pair[0]) { s += pair[1]; n -= pair[0]; }
  return s;
}
function fromRoman(s) {
  const val = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = val[s[i]], next = val[s[i + 1]] || 0;
    total += v < next ? -v : v;
  }
  return total;
}
const nums = [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999];
print(nums.map(toRoman).join(' '));
print(nums.every(n => fromRoman(toRoman(n)) === n));
