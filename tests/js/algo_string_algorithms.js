function isPalindrome(s) {
  const clean = s.toLowerCase().split('').filter(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')).join('');
  return clean === clean.split('').reverse().join('');
}
print(isPalindrome('A man, a plan, a canal: Panama'), isPalindrome('race a car'), isPalindrome(''));
function rle(s) {
  let out = '';
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    out += (j - i) + s[i];
    i = j;
  }
  return out;
}
print(rle('aaabccddddde'), rle(''), rle('x'));
function caesar(s, k) {
  return s.split('').map(c => {
    const code = c.charCodeAt(0);
    if (code >= 65 && code <= 90) return String.fromCharCode((code - 65 + k + 26) % 26 + 65);
    if (code >= 97 && code <= 122) return String.fromCharCode((code - 97 + k + 26) % 26 + 97);
    return c;
  }).join('');
}
print(caesar('Hello, World!', 3), caesar(caesar('Round Trip', 7), -7));
function levenshtein(a, b) {
  const dp = [];
  for (let i = 0; i <= a.length; i++) { dp.push([i]); }
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}
print(levenshtein('kitten', 'sitting'), levenshtein('', 'abc'), levenshtein('flaw', 'lawn'));
