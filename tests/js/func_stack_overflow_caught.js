function forever(n) { return forever(n + 1) + 1; }
try {
  forever(0);
  print('not reached');
} catch (e) {
  print(e instanceof RangeError, e.name, e.message);
}
// the engine must still be usable afterwards
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
print(depth(5000));
const mutualA = n => mutualB(n + 1);
const mutualB = n => mutualA(n + 1);
try { mutualA(0); } catch (e) { print(e.constructor === RangeError, e.message); }
let caught = 0;
for (let i = 0; i < 3; i++) { try { forever(0); } catch (e) { caught++; } }
print(caught);
