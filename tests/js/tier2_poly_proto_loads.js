// Tier 2's polymorphic property loads through prototypes: one `LoadProp`
// switching on 2-4 receiver shapes, each case an own property or one
// inherited at depth 1-4 (every prototype's shape checked on the way, as
// the baseline's chain records are). Warmed until optimized, then every
// change a cached chain must notice: a shadowing property added at each
// level, a new value in place (no shape change), setPrototypeOf, a
// deleted property, a getter replacing the data property, a fifth shape.
class A {
  constructor(v) { this.v = v; }
  who() { return "A"; }
}
A.prototype.k = 1;
class B extends A {
  constructor(v) { super(v); this.b = 2; }
  who() { return "B"; }
}
class C extends B {
  constructor(v) { super(v); this.c = 3; }
}
class D extends C {
  constructor(v) { super(v); this.d = 4; }
  who() { return "D"; }
}
const own = { k: 100, v: 5, who() { return "own"; } };

// `o.k`: own (own), depth 1 (A), 2 (B), 4 (D); `o.who`: own, depth 1.
function hot(objs, n) {
  let s = 0;
  let names = "";
  for (let i = 0; i < n; i++) {
    const o = objs[i & 3];
    s += o.k;
    const f = o.who;
    if (i < 4) names += f.call(o);
  }
  return s + " " + names;
}
function warm(objs) {
  let r = "";
  for (let i = 0; i < 30; i++) r = hot(objs, 200);
  return r;
}

const a = new A(1), b = new B(2), d = new D(4);
let objs = [own, a, b, d];
print("warm", warm(objs));

// A new value in place: no shape changes, the load reads it.
A.prototype.k = 2;
print("value", hot(objs, 8), warm(objs));

// Shadowing at each level of D's chain, nearest last.
C.prototype.k = 30;
print("shadow C", hot(objs, 8), warm(objs));
B.prototype.k = 20;
print("shadow B", hot(objs, 8), warm(objs));
D.prototype.k = 40;
print("shadow D", hot(objs, 8), warm(objs));
d.k = 400;
print("own d", hot(objs, 8), warm(objs));

// Another prototype for one receiver (its own shape stays).
Object.setPrototypeOf(a, { k: 7, who() { return "P"; } });
print("setPrototypeOf", hot(objs, 8), warm(objs));

// The inherited property deleted, then a getter in its place.
delete C.prototype.k;
delete B.prototype.k;
print("deleted", hot(objs, 8), warm(objs));
delete A.prototype.k;
print("gone", hot([b, b, b, b], 8));
Object.defineProperty(A.prototype, "k", {
  get() { return this.v * 10; },
  configurable: true,
});
print("getter", hot(objs, 8), warm(objs));

// A method redefined on a prototype, then a fifth receiver shape.
B.prototype.who = function () { return "b" + this.v; };
print("method", hot(objs, 8));
objs = [new C(9), a, b, { k: 3, who: own.who, extra: 1 }];
print("fifth", hot(objs, 8), warm(objs));

// Primitives at the site: a string's `k` is undefined, null throws.
try {
  print("string", hot(["s", a, b, d], 8));
} catch (e) {
  print(e.name);
}
try {
  hot([own, a, b, null], 8);
} catch (e) {
  print("null", e.name);
}
