// Abstract equality across every pair of type categories
const vals = [undefined, null, 0, -0, 1, NaN, '', '0', '1', 'a', true, false, [], [0], [1], {}];
const names = ['undefined', 'null', '0', '-0', '1', 'NaN', "''", "'0'", "'1'", "'a'", 'true', 'false', '[]', '[0]', '[1]', '{}'];
for (let i = 0; i < vals.length; i++) {
  let row = '';
  for (let j = 0; j < vals.length; j++) row += vals[i] == vals[j] ? '1' : '.';
  print(row, names[i]);
}
