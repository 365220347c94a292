const angles = [0, Math.PI / 6, Math.PI / 4, Math.PI / 3, Math.PI / 2, Math.PI, 3 * Math.PI / 2, 2 * Math.PI, -1, 1e6, 1e-9];
for (const a of angles) print(a, Math.sin(a), Math.cos(a), Math.tan(a));
print(Math.atan(0), Math.atan(Infinity), Math.atan(0.5), Math.atan(-1e10));
print(Math.atan2(0, 0), Math.atan2(-0, -0), Math.atan2(1, 0), Math.atan2(-1, 0), Math.atan2(Infinity, Infinity), Math.atan2(3, -4));
print(Object.is(Math.sin(-0), -0), Object.is(Math.tan(-0), -0), Object.is(Math.atan(-0), -0), Math.sin(Infinity), Math.cos(NaN));
