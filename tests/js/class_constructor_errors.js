class K { constructor() { this.v = 1; } }
try { K(); } catch (e) { print(e.name, e.message, e instanceof TypeError); }
try { K.call({}); } catch (e) { print(e.message); }
const notCtor = () => 1;
try { new notCtor(); } catch (e) { print(e.name, e.message); }
const o = { m() {} };
try { new o.m(); } catch (e) { print(e.message); }
try { new Math.max(); } catch (e) { print(e.message); }
let notFn = 5;
try { new notFn(); } catch (e) { print(e.message); }
class Base { constructor() { return { custom: true }; } }
class Derived extends Base { constructor() { super(); this.extra = 1; } }
const d = new Derived();
print(d.custom, d.extra, d instanceof Derived);
class BadDerived extends K { constructor() { } }
try { new BadDerived(); } catch (e) { print(e.name, e.message); }
try { class X extends 5 {} } catch (e) { print(e.name, e.message); }
