// -0 must survive arithmetic and show differently through print and console.log
let z = -0;
print(z, String(z), z + '', `${z}`);
console.log(z);
console.log([z, 0]);
print(1 / z, 1 / 0);
print(Object.is(z, 0), Object.is(z, -0), z === 0);
print(Object.is(0 * -1, -0), Object.is(-1 * 0, -0), Object.is(0 - 0, -0));
print(Object.is(-0 + 0, 0), Object.is(-0 - 0, -0), Object.is(-0 + -0, -0));
print(Object.is(Math.round(-0.4), -0), Object.is(Math.ceil(-0.5), -0));
print(Object.is(-5 % 5, -0), Object.is(5 % -5, 0));
print(Object.is(Math.min(0, -0), -0), Object.is(Math.max(-0, 0), 0));
let n = 0;
n = -n;
print(1 / n);
print(JSON.stringify(-0), JSON.stringify([-0]));
print(Object.is(-0 | 0, 0), Object.is(Math.trunc(-0.9), -0));
print((-0).toFixed(2), (-0).toString());
print(Object.is(Math.sign(-0), -0), Object.is(Math.abs(-0), 0));
