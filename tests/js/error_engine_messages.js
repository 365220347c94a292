function msg(f) { try { f(); return 'no error'; } catch (e) { return e.constructor.name + ': ' + e.message; } }
print(msg(() => undefinedVariable));
print(msg(() => { undeclared = 5; }));
print(msg(() => { const o = {}; return o.a.b; }));
print(msg(() => { const o = null; return o.x; }));
print(msg(() => { let u; u.x = 1; }));
print(msg(() => { const n = null; n.x = 1; }));
print(msg(() => { let u; return u[0]; }));
print(msg(() => { const o = {}; o.f(); }));
print(msg(() => { const o = { a: {} }; o.a.b(); }));
print(msg(() => { const arr = [1]; arr[0](); }));
print(msg(() => { const x = 5; x(); }));
print(msg(() => { const k = 'key'; const o = {}; o[k](); }));
print(msg(() => { const f = () => 1; f()(); }));
print(msg(() => { const s = 'abc'; s.foo(); }));
print(msg(() => { Math.nope(); }));
