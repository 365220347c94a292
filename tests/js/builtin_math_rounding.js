const xs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 1e21 + 0.5, 2.4999999999999996];
print(xs.map(Math.round).join(' '));
print(xs.map(Math.floor).join(' '));
print(xs.map(Math.ceil).join(' '));
print(xs.map(Math.trunc).join(' '));
print([-0.1, -0.9, -0].map(x => Object.is(Math.round(x), -0)).join(), [-0.1, -0.9].map(x => Object.is(Math.ceil(x), -0)).join());
print(Math.round('2.5'), Math.floor(null), Math.ceil(undefined), Math.trunc(Infinity), Math.round(-Infinity));
