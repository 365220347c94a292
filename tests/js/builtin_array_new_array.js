print(new Array().length, new Array(0).length, new Array(5).length, new Array(1, 2).length, new Array('3').length);
print(JSON.stringify(new Array(3)), JSON.stringify(new Array(2, 3)), JSON.stringify(new Array('x')));
print(Array(3).length, JSON.stringify(Array(1, 2)), Array.isArray(Array(1)));
try { new Array(1.5); } catch (e) { print(e.name, e.message); }
try { new Array(2 ** 32); } catch (e) { print(e.name, e.message); }
const big = new Array(2 ** 32 - 1);
print(big.length);
const a = new Array(4);
a[1] = 'x';
print(a.indexOf('x'), a.join('-'), a.map(v => v + '!').join('-'), Object.keys(a));
print(new Array(3).fill().map((_, i) => i * i));
