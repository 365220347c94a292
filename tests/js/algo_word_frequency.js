const text = `the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while a quick bird sings over the lazy river`;
const freq = {};
for (const w of text.split('\n').join(' ').split(' ')) if (w) freq[w] = (freq[w] || 0) + 1;
const top = Object.keys(freq).sort((a, b) => freq[b] - freq[a] || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 6);
print(top.map(w => w + '=' + freq[w]).join(' '));
print(Object.keys(freq).length, Object.values(freq).reduce((a, b) => a + b, 0));
const byLen = {};
for (const w of Object.keys(freq)) (byLen[w.length] = byLen[w.length] || []).push(w);
print(JSON.stringify(byLen));
