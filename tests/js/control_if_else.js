function sign(x) {
  if (x > 0) return 1;
  else if (x < 0) return -1;
  else if (x === 0) return 0;
  else return 'nan';
}
print(sign(3), sign(-2), sign(0), sign(NaN));
let r = '';
for (const v of [0, 1, '', 'a', null, [], {}, NaN, -0, '0']) {
  if (v) r += 'T'; else r += 'F';
}
print(r);
if (false) print('no'); else if (false) print('no2'); else { print('else branch'); }
let dangling = 'x';
if (true) if (false) dangling = 'a'; else dangling = 'b';
print(dangling);
