function attempt(f) { try { return f(); } catch (e) { return e.name + ': ' + e.message; } }
print(attempt(() => { class A { static s = A.name; } return A.s; }));
print(attempt(() => { const C = class Named { static self = Named; }; return C.self === C; }));
print(attempt(() => { for (let i = 0; i < 1; i++) { let j = i + k; let k = 1; } }));
print(attempt(() => { let fns = []; for (let i = 0; i < 3; i++) { fns.push(() => i); if (i === 1) break; } return fns.map(f => f()).join(); }));
print(attempt(() => { for (const x of [x]) {} }));
print(attempt(() => { let a = 1; { print(typeof a); } { let a = a; } }));
