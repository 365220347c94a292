print(1 && 2, 0 && 2, '' && 'x', null && 1, 'a' && '', NaN && 1);
print(1 || 2, 0 || 2, '' || 'x', null || undefined, false || 0);
print(null ?? 'd', undefined ?? 'd', 0 ?? 'd', '' ?? 'd', false ?? 'd', NaN ?? 'd');
print(!0, !1, !'', !'0', ![], !{}, !null, !!NaN, !!-0, !!'false');
let calls = 0;
function t() { calls++; return true; }
function f() { calls++; return false; }
print(f() && t(), calls);
print(t() || f(), calls);
print(null ?? t(), calls);
print(0 ?? t(), calls);
print((null || undefined) ?? 'x', (0 && 1) || 'y');
print(true && false || true, true || false && false);
