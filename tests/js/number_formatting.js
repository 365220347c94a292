// Number::toString: shortest round trip, exponent thresholds
print(1e21, 1e20, 123456789012345680000, 1.5e21);
print(1e-7, 1e-6, 0.000001, 0.0000001, 1.5e-7, 123e-20);
print(0.1 + 0.2, 1 / 3, 100 / 3, 2 / 3 * 3);
print(2 ** 53, 9007199254740992 + 1, 9007199254740991);
print(5e-324, 1.7976931348623157e308, -1e-7);
print(123.456, -0.5, .5, 5., 1.0, 100, 1e2, 12e-1);
print(0x10, 0o17, 0b101, 0xFF, 0XaB, 0B11, 0O7);
print(1e0, 1E3, 2.5e+3, 25e-1);
print(1/7, 22/7, 1e16 + 1, 0.1 * 0.1);
print(4294967296 * 4294967296, -1e21, 1e100);
print(String(1e21), String(0.000001234), (1e21).toString(), (255).toString());
console.log(1e21, 1e-7, 0.1 + 0.2, -1e-7);
