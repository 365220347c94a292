function validate(x) { if (x < 0) throw 'negative input: ' + x; return Math.sqrt(x); }
print(validate(16));
try { validate(-1); } catch (s) { print(typeof s, s); }
print(validate(2.25));
print(validate(-4));
