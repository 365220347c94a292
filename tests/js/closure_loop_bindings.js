const lets = [], vars = [];
for (let i = 0; i < 3; i++) lets.push(() => i);
for (var j = 0; j < 3; j++) vars.push(() => j);
print(lets.map(f => f()), vars.map(f => f()));
const mutated = [];
for (let i = 0; i < 3; i++) { mutated.push(() => i); i++; }
print(mutated.map(f => f()));
const captureUpdate = [];
for (let i = 0; i < 3; i++) captureUpdate.push(() => i++);
print(captureUpdate[0](), captureUpdate[0](), captureUpdate[1]());
const inits = [];
for (let i = 0, inc = () => i; i < 2; i++) inits.push(inc);
print(inits[0](), inits[1]());
const ofs = [];
for (const ch of 'ab') ofs.push(() => ch);
print(ofs[0]() + ofs[1]());
const ins = [];
for (const k in { a: 1, b: 2 }) ins.push(() => k);
print(ins.map(f => f()).join());
let w = 0;
const ws = [];
while (w < 3) { let c = w; ws.push(() => c); w++; }
print(ws.map(f => f()));
