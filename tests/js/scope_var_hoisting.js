print(hoisted, typeof fn, fn());
var hoisted = 'value';
function fn() { return 'declared later'; }
print(hoisted);
function f() {
  print(a);
  if (false) { var a = 1; }
  print(a);
  for (var i = 0; i < 3; i++) {}
  print(i);
  { var b = 'block'; }
  return b;
}
print(f());
var dup = 1;
var dup;
print(dup);
function g() { return inner(); function inner() { return 'inner hoisted'; } }
print(g());
