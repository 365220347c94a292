print(JSON.stringify('  a b  '.trim()), JSON.stringify('\t\n x \r\n'.trim()), JSON.stringify('\u00a0y\ufeff'.trim()), JSON.stringify(''.trim()));
print('5'.padStart(3, '0'), 'abc'.padStart(6, '12'), 'abc'.padStart(2), 'x'.padStart(4), '|' + 'x'.padEnd(4) + '|');
print('abc'.padEnd(8, 'de'), 'abc'.padEnd(5, ''), 'abc'.padStart(5, undefined) + '|');
print('ab'.repeat(3), JSON.stringify('x'.repeat(0)), ''.repeat(5) === '', 'z'.repeat(2.9));
try { 'a'.repeat(-1); } catch (e) { print(e.name, e.message); }
try { 'a'.repeat(Infinity); } catch (e) { print(e.name, e.message); }
const rows = [['id', 'name'], ['1', 'ann'], ['22', 'bo']];
for (const r of rows) print(r[0].padStart(3) + ' | ' + r[1].padEnd(5) + '|');
