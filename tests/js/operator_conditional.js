function classify(n) {
  return n < 0 ? 'neg' : n === 0 ? 'zero' : n < 10 ? 'small' : 'big';
}
print(classify(-5), classify(0), classify(-0), classify(7), classify(100), classify(NaN));
let x = 0;
const r = true ? x++ : x--;
print(r, x);
print('' ? 'a' : 'b', [] ? 'a' : 'b', null ? 1 : undefined);
const f = false ? () => 1 : () => 2;
print(f());
