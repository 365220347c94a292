const samples = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, Math.PI, Math.E, 1e-5, 1.23e-5, 5e-7, 123456.789, 1.7976931348623157e308, 2.2250738585072014e-308, 4.35, 0.000001, 9.999999999999999e20, 1e21 - 65536];
for (const x of samples) {
  const s = String(x);
  print(s, Number(s) === x, parseFloat(s) === x);
}
