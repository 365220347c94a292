const xs = [0.5, 1, 2, 3, 7, 10, 100, 1e-10, 12345.678];
for (const x of xs) {
  print(x, Math.log(x), Math.log2(x), Math.log10(x), Math.exp(x / 10));
}
print(Math.exp(-Infinity), Math.exp(Infinity), Math.log(Infinity), Math.log(-0), Math.log2(-1), Math.log10(1e-320));
print(Math.log2(2 ** 40), Math.log10(1e15), Math.log(Math.exp(2)), Math.exp(Math.log(10)));
