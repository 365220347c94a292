print((1.005).toFixed(2), (1.5).toFixed(0), (2.5).toFixed(0), (-1.5).toFixed(0));
print((0).toFixed(2), (3).toFixed(3), (0.000001).toFixed(7), (123.456).toFixed(1));
print((1e21).toFixed(2), (1e20).toFixed(2), (-0.0001).toFixed(2));
print((0.1 + 0.2).toFixed(20), (1.45).toFixed(1), (1.55).toFixed(1));
print((10.235).toFixed(2), (99.995).toFixed(2), (0.5).toFixed(0));
print((1234.5678).toFixed(), (NaN).toFixed(2), (-Infinity).toFixed(1));
print(typeof (1).toFixed(1), (8.345).toFixed(2), (Math.PI).toFixed(10));
try { (1).toFixed(101); } catch (e) { print(e.name, e.message); }
