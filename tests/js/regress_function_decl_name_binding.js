// Regression: inside a function declaration, its name was bound to the
// function itself (as for named function expressions), so reassigning the
// declared name was not seen inside.
function f() { return typeof f; }
const g = f;
f = 5;
print(g());
const h = function k() { return typeof k; };
print(h());
function counter() { counter.calls = (counter.calls || 0) + 1; return counter.calls; }
counter(); counter();
print(counter());
