const o = {};
const a = [];
const vals = [undefined, null, 0, -0, NaN, '', '0', true, o, a, 1.0, 'x'];
for (let i = 0; i < vals.length; i++) {
  let row = '';
  for (let j = 0; j < vals.length; j++) row += (vals[i] === vals[j] ? '1' : '.') + (vals[i] !== vals[j] ? 'n' : '=');
  print(row);
}
print({} === {}, [] === [], o === o, 'ab' === 'a' + 'b', 1 === 1.0);
