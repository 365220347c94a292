function f() { return this; }
print(f(), typeof f.call(undefined));
try { undeclaredGlobal = 1; } catch (e) { print(e.name, e.message); }
const s = 'abc';
try { s[0] = 'z'; } catch (e) { print(e.name, e.message); }
try { s.length = 1; } catch (e) { print(e.name, e.message); }
try { (5).prop = 1; } catch (e) { print(e.name, e.message); }
try { true.flag = 1; } catch (e) { print(e.name); }
print(s);
const o = Object.freeze({});
try { o.x = 1; } catch (e) { print(e.message); }
const getterOnly = { get g() { return 1; } };
try { getterOnly.g = 2; } catch (e) { print(e.message); }
try { Math.PI = 3; } catch (e) { print(e.message); }
print(Math.PI);
const arrow = () => this;
print(typeof arrow());
