// Regression: error objects and primitive wrappers held their value in an
// unrooted local across an allocation.
const errs = [];
for (let i = 0; i < 20; i++) {
  try { null.x; } catch (e) { errs.push(e.message.length); }
  try { undefined(); } catch (e) { errs.push(e.name); }
}
print(errs.length, errs[0], errs[1]);
const w = [new String('abc'), new Number(5), new Boolean(false)];
print(w[0].length, w[0] + '!', w[1] + 1, typeof w[2], String(w[2]));
