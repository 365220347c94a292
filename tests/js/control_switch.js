function sw(x) {
  const out = [];
  switch (x) {
    case 1: out.push('one');
    case 2: out.push('two'); break;
    default: out.push('default');
    case 3: out.push('three');
    case 4: { out.push('four'); break; }
    case '1': out.push('string one');
  }
  return out.join(',');
}
print(sw(1), '|', sw(2), '|', sw(3), '|', sw(4), '|', sw(5), '|', sw('1'));
function strict(v) {
  switch (v) { case 0: return 'zero'; case '0': return "'0'"; case null: return 'null'; case undefined: return 'undef'; case NaN: return 'nan'; default: return 'none'; }
}
print(strict(0), strict(-0), strict('0'), strict(null), strict(undefined), strict(NaN));
let evals = [];
function k(n) { evals.push(n); return n; }
switch (3) { case k(1): case k(2): case k(3): evals.push('hit'); case k(4): break; }
print(evals);
switch (9) { }
switch (9) { default: print('only default'); }
for (let i = 0; i < 3; i++) {
  switch (i) { case 1: continue; default: print('loop', i); }
}
