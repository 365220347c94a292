class P { m() { return 1; } static s() {} get g() { return 0; } }
const d = Object.getOwnPropertyDescriptor(P.prototype, 'm');
print(d.enumerable, d.writable, d.configurable, typeof d.value);
print(Object.keys(P.prototype).length, Object.keys(P).length);
const p = new P();
p.m = () => 'own';
print(p.m(), P.prototype.m.call(p), delete p.m, p.m());
P.prototype.added = function () { return 'added later'; };
print(p.added());
const pd = Object.getOwnPropertyDescriptor(P, 'prototype');
print(pd.writable, pd.enumerable, pd.configurable);
try { P.prototype = {}; } catch (e) { print(e.name); }
print(typeof P.s, P.hasOwnProperty('s'), p.s);
