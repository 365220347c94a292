function f() { console.log(arguments); return arguments; }
const a = f(1, 'a', [2]);
console.log(Object.prototype.toString.call(a), Array.isArray(a), a.length, typeof a, Object.keys(a), [...a]);
f();
function g(x, y = 2, ...r) { x = 9; return [arguments.length, arguments[0], arguments[1], arguments[3], r.length]; }
console.log(g(1), g(1, undefined, 3, 4));
const h = function () { const inner = () => arguments[0]; return inner(5); };
console.log(h(7), JSON.stringify(f(1, 2)), Object.getOwnPropertyDescriptor(a, 'length'));
console.log(Array.prototype.slice.call(a, 1), Array.prototype.join.call(a, '-'));
a[5] = 1; console.log(a.length, a);
// Arrows read the enclosing function's arguments; nested functions their own.
function outer() {
  const arrow = () => arguments.length + ":" + arguments[0];
  function inner() { return arguments.length; }
  return [arrow(), inner(1, 2, 3, 4), (() => (() => arguments[1])())()];
}
console.log(outer("a", "b"));
// Methods, constructors, getters, call/apply/bind, recursion.
class K {
  constructor() { this.n = arguments.length; }
  m(a) { return Array.prototype.slice.call(arguments).reverse(); }
  static s() { return arguments.length; }
}
console.log(new K(1, 2, 3).n, new K().m(1, 2, 3), K.s(...[1, 2]));
function sum() { let t = 0; for (const x of arguments) t += x; return t; }
print(sum(1, 2, 3), sum(), sum.apply(null, [4, 5]), sum.call(null, 6), sum.bind(null, 7)(8));
function count(n) { return n === 0 ? arguments.length : count(n - 1, n, n); }
print(count(50));
function fwd() { return Math.max.apply(null, arguments); }
print(fwd(3, 9, 1), Array.from(arguments_of(1, 2)).join("+"));
function arguments_of() { return arguments; }
// Assigning to a parameter does not change arguments, nor the reverse.
function unmapped(a) { a = 2; arguments[0] = 3; return [a, arguments[0]]; }
console.log(unmapped(1), unmapped());
// Destructured and default parameters with arguments.
function pat({x}, [y] = [5], z = arguments.length) { return [x, y, z, arguments.length]; }
console.log(pat({x: 1}), pat({x: 1}, [2], undefined, 4));
// Many arguments (past the register window's usual size).
const many = [];
for (let i = 0; i < 300; i++) many.push(i);
print(sum(...many), arguments_of(...many).length);
