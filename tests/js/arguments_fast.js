// `arguments` read only as `arguments.length` / `arguments[i]`: compiled
// without an arguments object (ArgCount / ArgGet); the results must be the
// object's.
function len() { return arguments.length; }
print(len(), len(1), len(1, 2, 3), len(undefined), len(...[1, 2, 3, 4, 5]));
function at(i) { return arguments[i]; }
print(at(0), at(1, "a"), at(2, "a"), at(-1, "x"), at(1.5, "x"), at("0"), at("1", "s"));
// Keys that are not indices read the (unmapped, strict) object's properties.
print(at("length", 1, 2), typeof at("constructor"), at("toString") === Object.prototype.toString);
print(at({ toString() { return "1"; } }, "from toString"), at(NaN), at(Infinity, 1));
// Fewer arguments than parameters: missing ones are not arguments.
function three(a, b, c) { return [arguments.length, arguments[0], arguments[1], arguments[2], arguments[3]]; }
console.log(three(), three(1), three(1, 2, 3), three(1, 2, 3, 4, 5));
// Parameters reassigned: arguments keeps the values passed.
function reassign(a, b) {
  a = 10; b = 20;
  const out = [a, b, arguments[0], arguments[1], arguments.length];
  for (let i = 0; i < arguments.length; i++) out.push(arguments[i]);
  return out;
}
console.log(reassign(1), reassign(1, 2, 3));
// Defaults and destructured parameters.
function defs(a = 5, { x } = { x: 7 }, [y] = [8]) { return [a, x, y, arguments.length, arguments[0], arguments[1]]; }
console.log(defs(), defs(undefined, { x: 1 }), defs(2, { x: 3 }, [4], 9));
function seeLen(a, b = arguments.length) { return b + arguments[0]; }
print(seeLen(1), seeLen(1, 2, 3), seeLen("s", undefined, 3));
// A hot loop (the tiers compile it, mid-loop under OSR plans).
function total() {
  let t = 0;
  for (let r = 0; r < 200; r++) {
    for (let i = 0; i < arguments.length; i++) t += arguments[i];
  }
  return t;
}
print(total(), total(1), total(1, 2, 3), total(0.5, -1, 2 ** 31));
function last() { return arguments[arguments.length - 1]; }
let acc = 0;
for (let i = 0; i < 3000; i++) acc += last(i, i + 1, i % 7);
print(acc, last(), last("only"));
// Many arguments (past the parameters, into the hidden rest).
const many = [];
for (let i = 0; i < 300; i++) many.push(i * 2);
print(len(...many), at(299, ...many.slice(1)), at(300, ...many));
// Methods, constructors, static methods, getters' siblings, recursion.
class C {
  constructor() { this.n = arguments.length; this.first = arguments[0]; }
  m() { return arguments.length === 0 ? "none" : arguments[arguments.length - 1]; }
  static s(a) { return [a, arguments[1]]; }
}
const c = new C("p", "q");
console.log(c.n, c.first, c.m(), c.m(1, 2), C.s(1, 2), new C().n);
const o = { f() { return arguments[1]; }, g: function () { return arguments.length; } };
print(o.f(1, 2), o.g(1, 2, 3), o.f.call(null, 3, 4), o.g.apply(null, [1, 2]), o.f.bind(null, 5)(6));
function depth(n) { return n === 0 ? arguments.length : depth(n - 1, n, n) + arguments[1]; }
print(depth(30, 1));
// Reads in every expression position that is still a read.
function reads(a) {
  const t = typeof arguments[0];
  const s = `${arguments[1]}-${arguments.length}`;
  const opt = arguments[2]?.x;
  const m = arguments[3] && arguments[3].length;
  return [t, s, opt, m, arguments[0] + arguments[1], -arguments.length, [arguments[0]], { k: arguments[1] }];
}
console.log(reads(1, 2), reads("a", "b", { x: 9 }, [1, 2]));
// Objects and functions passed through arguments are the same values.
function same(x) { return arguments[0] === x && arguments[1]; }
const fn = () => 42;
print(same(fn, fn)(), same({}, "yes"));
// A getter on Object.prototype is seen through a non-index key.
Object.defineProperty(Object.prototype, "extra", { get() { return "got " + typeof this; }, configurable: true });
function viaProto() { return arguments["extra"]; }
print(viaProto(1));
delete Object.prototype.extra;
// A fast function nested in one whose arguments escape (and the reverse)
// reads its own arguments, not the outer ones.
function outerEscapes(a, b) {
  const arrow = () => arguments.length + ":" + arguments[0];
  function inner() { return [arguments.length, arguments[0], arguments[3]]; }
  return [arrow(), inner(1, 2, 3, 4), inner()];
}
console.log(outerEscapes("a", "b"));
function outerFast(a) {
  function inner() { return arguments; }
  return [arguments.length, arguments[0], inner(7, 8).length, arguments[1]];
}
console.log(outerFast("x", "y", "z"));
