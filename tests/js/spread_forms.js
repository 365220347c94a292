// spread
print(Math.max(...[1, 5, 3]), Math.max(...[1, 2], 9, ...[4]));
function cnt(...args) { return args.length; }
print(cnt(...[]), cnt(...[1, 2], ...["ab"]), cnt(..."héllo"));
const sp = [0, ...[1, 2], ...'ab', 3];
console.log(sp);
class P { constructor(a, b) { this.s = a + b; } }
class Q extends P { constructor(...xs) { super(...xs); } }
print(new P(...[1, 2]).s, new Q(3, 4).s);
const merged = {a: 1, ...{b: 2, a: 3}, ...null, ...undefined, ...'hi', c: 4};
console.log(merged);
const obj2 = {get g() { return "got"; }};
console.log({...obj2});
const bound = cnt.bind(null, 1);
print(bound(...[2, 3]));
print(String.fromCharCode(...[104, 105]));
const meth = {f(a, b) { return this.k + a + b; }, k: "k"};
print(meth.f(...["a", "b"]));
// deep spread recursion
function depth(n, ...rest) { return n === 0 ? rest.length : depth(n - 1, ...rest, n); }
print(depth(300));
