// Destructuring: declarations, assignment, parameters, for-of, catch.
const [a, b, c] = [1, 2, 3];
print(a, b, c);
const [x1, , x3 = 30, x4 = 40] = [10, 20, undefined];
print(x1, x3, x4);
const [h, ...t] = "héllo";
print(h, t.length, t.join("|"));
let {p, q: qq, r = 5, ["s" + 1]: s1} = {p: 1, q: 2, s1: "computed"};
print(p, qq, r, s1);
const {n: {m: [deep, deeper = "dflt"]}} = {n: {m: ["d"]}};
print(deep, deeper);
const {u, ...others} = {u: 1, v: 2, w: 3};
console.log(u, others);
const [[i1, i2], [j1]] = [[1, 2], [3]];
print(i1, i2, j1);
let sa = 1, sb = 2;
[sa, sb] = [sb, sa];
print(sa, sb);
const o = {};
[o.x, o["y"]] = [7, 8];
({z: o.z, w: o.w = "ww"} = {z: 9});
console.log(o);
const res = ([sa, sb] = [100, 200]);
print(res, sa, sb);
function f({a, b = 2} = {}, [c, d] = [3, 4], ...[e, g]) {
  return [a, b, c, d, e, g].join(",");
}
print(f(), f({a: 1}), f({a: 1, b: 5}, [6], 7, 8));
const fa = ({x = () => 0}) => x.name;
print(fa({}));
for (const [k, v] of [["a", 1], ["b", 2]]) print(k, v);
for (const {id, tags: [first]} of [{id: 1, tags: ["x", "y"]}, {id: 2, tags: []}]) print(id, first);
let ka, kb;
for ([ka, kb] of [[1, 2], [3, 4]]) print(ka + kb);
try { throw {code: 42, info: ["i"]}; } catch ({code, info: [inf]}) { print(code, inf); }
const entries = Object.entries({one: 1, two: 2});
for (const [name, val] of entries) print(name, val);
const {length} = "abcd";
print(length);
const [...all] = [1, , 3];
console.log(all);
const {0: zero, 2: two} = ["z", "o", "t"];
print(zero, two);
// defaults run only for undefined, lazily
let calls = 0;
const [d1 = ++calls, d2 = ++calls] = [null];
print(d1, d2, calls);
// array iteration done is sticky
const arr = [1];
const [g1, g2 = (arr.push(5), "def"), g3] = arr;
print(g1, g2, g3);
