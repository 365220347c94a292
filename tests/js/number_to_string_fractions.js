print((0.1).toString(2).length, (0.1).toString(2).slice(0, 20));
print((0.5).toString(3), (1 / 3).toString(3), (255.5).toString(16), (-255.5).toString(16));
print((0.1).toString(16), (3.14159).toString(8).slice(0, 12), (1e-7).toString(2).slice(0, 12));
print((1e21).toString(36), (2 ** 60).toString(2).length, (123.456).toString(36));
// integers in other radixes must be exact
print((2 ** 53 - 1).toString(2).length, (-(2 ** 31)).toString(16), (0.125).toString(8));
