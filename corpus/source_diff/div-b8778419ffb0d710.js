// divergence between interp and node (minimized by hand): V8 names a
// conditional as three "(intermediate value)" in destructuring errors.
//     interp               "Cannot destructure property 'q' of 'undefined' as it is undefined."
//     node                 "Cannot destructure property 'q' of '(intermediate value)(intermediate value)(intermediate value)' as it is undefined."
let n9 = 0;
try { const { q } = (~ n9) === undefined ? null : undefined; print(q); } catch (e) { print(e.message); }
