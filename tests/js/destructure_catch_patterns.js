// Catch parameters binding no name or several (the compiler once assumed
// exactly one and panicked on `catch ({})`).
let ran = 0;
try { throw {}; } catch ({}) { ran++; }
try { throw []; } catch ([]) { ran++; }
try { throw {a: 1, b: [2, 3]}; } catch ({a, b: [c, d]}) { function inner() { return a + c + d; } print(inner()); }
try { throw [1]; } catch ([x, y = x + 1, ...z]) { print(x, y, z.length); }
try { try { throw null; } catch ({}) { print("unreached"); } } catch (e) { print(e.message); }
try { try { throw undefined; } catch ([]) { print("unreached"); } } catch (e) { print(e.message); }
print(ran);
