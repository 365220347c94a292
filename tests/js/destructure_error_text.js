let u, n = null, o = {};
const tests = [
 () => { const {q} = u || n; },
 () => { const {q} = u ?? n; },
 () => { const {q} = u && n; },
 () => { const {q} = void 0; },
 () => { const {q} = (u, n); },
 () => { const {q} = u = n; },
 () => { const {q} = o.x ? u : n; },
 () => { const {q} = typeof u === "x" ? u : (1 ? n : u); },
 () => { const {q} = o?.x; },
 () => { const {q} = o["x"]; },
 () => { const {q} = o.f?.(); },
 () => { const [q] = u || n; },
 () => { const [q] = o.x ? u : n; },
 () => { for (const x of o.x ? u : n) {} },
 () => { for (const x of u || n) {} },
 () => { [...(u || n)]; },
 () => { Math.max(...(u || n)); },
 () => { let a; ({a} = u || n); },
 () => { const {q} = -u; },
 () => { const {q} = this; },
];
for (const t of tests) { try { t(); console.log("ok"); } catch (e) { console.log(e.message); } }
