print('exit code test');
const codes = [1, 2, 3];
try { throw 0.5; } catch (n) { print(n * 2); }
// thrown numbers are printed as node prints them
throw codes.length * 14;
