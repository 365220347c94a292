print((255).toString(16), (255).toString(2), (255).toString(8), (255).toString(36));
print((-255).toString(16), (0).toString(2), (-0).toString(2));
print((35).toString(36), (36).toString(36), (1295).toString(36));
print((0.5).toString(2), (0.25).toString(16), (3.75).toString(2));
print((2147483648).toString(16), (4294967295).toString(2));
print((123).toString(10), (123).toString(), (1e21).toString(16));
print((NaN).toString(2), (Infinity).toString(16), (-Infinity).toString(36));
let n = 1000;
print(n.toString(7), n.toString(3), n.toString(32));
print(Number.MAX_SAFE_INTEGER.toString(16), Number.MAX_SAFE_INTEGER.toString(36));
try { (10).toString(1); } catch (e) { print(e instanceof RangeError, e.message); }
try { (10).toString(37); } catch (e) { print(e.name, e.message); }
