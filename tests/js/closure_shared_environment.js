function pair() {
  let v = 0;
  function set(x) { v = x; }
  function get() { return v; }
  return [set, get];
}
const p = pair();
p[0](5);
print(p[1]());
const p2 = pair();
print(p2[1](), p[1]());
function nested() {
  let a = 1;
  return function () {
    let b = 2;
    return function () { a++; b++; return a * 10 + b; };
  };
}
const mid = nested();
const in1 = mid(), in2 = mid();
print(in1(), in1(), in2(), in1());
