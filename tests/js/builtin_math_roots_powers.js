print(Math.sqrt(0), Math.sqrt(1e-300), Math.sqrt(1e300), Math.sqrt(Infinity), Math.sqrt(-Infinity), Object.is(Math.sqrt(-0), -0));
print(Math.cbrt(0.001), Math.cbrt(-27), Math.cbrt(1e300), Object.is(Math.cbrt(-0), -0), Math.cbrt(3), Math.cbrt(100));
print(Math.pow(0, -1), Math.pow(-0, -1), Math.pow(-0, -2), Math.pow(-Infinity, 3), Math.pow(-Infinity, 2), Math.pow(2, 1023) * 2);
print(Math.pow(-1, Infinity), Math.pow(0.5, -Infinity), Math.pow(1.5, -Infinity), Math.pow(-2, 0.5), Math.pow(10, -5), Math.pow(10, 22));
print(Math.hypot(1e200, 1e200), Math.hypot(3, 4, 12), Math.hypot(-0), Math.hypot(0.1, 0.2), Math.hypot('3', '4'));
