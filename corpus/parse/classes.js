class A { #x = 1; static s = 2; get g() { return this.a; } set g(v) { this.a = v; } m(...r) { return r; } }
class B extends A { constructor() { super(); super.m?.(1); } }
