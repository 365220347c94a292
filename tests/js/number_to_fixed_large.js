print((123456789.123).toFixed(2), (1e15 + 0.3).toFixed(1), (2 ** 53).toFixed(2), (999999999999999999999).toFixed(1));
print((0.000001).toFixed(5), (0.0000001).toFixed(10), (5e-7).toFixed(6), (1.23e-10).toFixed(20));
print((-1.005).toFixed(2), (-0.5).toFixed(0), (-0.4).toFixed(0), (-1e-7).toFixed(3));
print((42).toFixed(0), (42.5).toFixed(0), (43.5).toFixed(0), (0.05).toFixed(1), (0.15).toFixed(1), (0.25).toFixed(1), (0.35).toFixed(1));
print((1.45).toFixed(1), (1.45).toFixed(20), (100).toFixed(100).length);
