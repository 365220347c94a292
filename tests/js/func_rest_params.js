function f(first, ...rest) { return [first, rest.length, Array.isArray(rest), rest.join('+')]; }
print(f(1), '|', f(1, 2, 3), '|', f());
const sum = (...ns) => ns.reduce((a, b) => a + b, 0);
print(sum(), sum(1), sum(1, 2, 3, 4));
function len(a, b, ...c) {}
print(len.length);
function mutate(...r) { r.push('x'); return r; }
print(mutate(1, 2));
console.log(f('a', 'b', 'c'));
