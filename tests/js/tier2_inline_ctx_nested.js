// An inlined callee that reads its own context (script-level lets) and
// calls a closure reading another context, itself inlined (two levels):
// each context read takes its own function's context. (The builder once
// gave the nested read the outer callee's context as a second operand:
// an IR verifier panic under every optimizing plan.)
function adder(k) { return (x) => x + k; }
let add5 = adder(5);
let scale = 3;
function f(x) { return add5(x) * scale; }
function run(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(i);
  return s;
}
let t = 0;
for (let r = 0; r < 40; r++) t += run(100);
print(t, run(10));
scale = 4;
add5 = adder(6);
print(run(10));
