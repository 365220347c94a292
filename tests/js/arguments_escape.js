// `arguments` used as an object: the object is made (no fast path).
function callee() { return arguments.callee; }
try { callee(); } catch (e) { print(e.constructor.name, e.message); }
function calleeKey(k) { return arguments[k]; }
try { calleeKey("callee"); } catch (e) { print(e.constructor.name, e.message); }
function calleeDesc() {
  const d = Object.getOwnPropertyDescriptor(arguments, "callee");
  print(typeof d.get, d.get === d.set, d.enumerable, d.configurable, "callee" in arguments);
  print(Object.keys(arguments).join(), JSON.stringify(arguments));
  try { arguments.callee = 1; } catch (e) { print(e.constructor.name, e.message); }
  try { d.set.call(arguments, 1); } catch (e) { print(e.constructor.name, e.message); }
  const fp = Object.getOwnPropertyDescriptor(Function.prototype, "caller");
  print(fp.get === d.get, d.get.name === "", d.get.length);
  try { Object.defineProperty(arguments, "callee", { value: 1 }); } catch (e) { print(e.constructor.name, e.message); }
}
calleeDesc(1, 2);
// Called through arguments[i]: `this` is the arguments object.
function thisOf() { return arguments[0](); }
print(thisOf(function () { return Object.prototype.toString.call(this) + " " + this.length; }));
// Written, deleted, updated, destructured into.
function write() { arguments[0] = 5; arguments[3] = 1; return [arguments[0], arguments.length, arguments[3]]; }
console.log(write(1, 2));
function del() { delete arguments[0]; return [arguments[0], arguments.length, 0 in arguments]; }
console.log(del(1, 2));
function upd() { arguments[0]++; arguments.length--; return [arguments[0], arguments.length]; }
console.log(upd(1, 2));
function destr() { [arguments[0], arguments[1]] = [7, 8]; for (arguments[2] of [9]); return Array.from(arguments); }
console.log(destr(1, 2, 3));
function lenWrite() { arguments.length = 1; return [arguments.length, arguments[1]]; }
console.log(lenWrite(1, 2));
// Read in an inner arrow, optionally chained, passed on, returned.
function arrow() { return (() => arguments[1] + arguments.length)(); }
function optional() { return arguments?.length; }
function pass() { return Array.prototype.slice.call(arguments, 1); }
function ret() { return arguments; }
console.log(arrow(1, 2), optional(1), pass(1, 2, 3), ret(1, 2), ret().length);
// A method call on an element and on length is still a read of them.
function methods() { return arguments[0].toUpperCase() + arguments.length.toFixed(1); }
print(methods("ab", 2));
