class A { static base() { return "A.base"; } static x = 1; m() { return "A.m"; } }
class B extends A {
  static y = super.base() + "!";
  static z = super.x + 1;
  static w = () => super.base();
  f = super.m();
}
console.log(B.y, B.z, B.w(), new B().f);
class C { static q = super.toString === Function.prototype.toString; r = super.hasOwnProperty("r"); }
console.log(C.q, new C().r);
