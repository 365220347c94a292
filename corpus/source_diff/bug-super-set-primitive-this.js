// Regression (fixed): `super.x = v` in a method called with a primitive `this`
// panics in the interpreter (SetSuper -> set_on_object -> define_own on a
// string cell: "value index 6 >= 0"; out-of-bounds write without debug
// assertions). node prints: Cannot assign to read only property 'x' of string 'str'
class A { m() { super.x = 1; return 1; } }
try { print(A.prototype.m.call("str")); } catch (e) { print(e.message); }
