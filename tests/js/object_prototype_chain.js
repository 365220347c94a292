const base = { greet() { return 'hi from ' + this.name; }, name: 'base' };
const mid = Object.create(base);
mid.name = 'mid';
const leaf = Object.create(mid);
print(leaf.greet(), leaf.name, leaf.hasOwnProperty('name'));
leaf.name = 'leaf';
print(leaf.greet(), mid.greet(), base.greet());
delete leaf.name;
print(leaf.name);
base.added = 'late';
print(leaf.added);
const ro = Object.create(Object.defineProperty({}, 'fixed', { value: 'p', writable: false }));
try { ro.fixed = 'child'; } catch (e) { print(e.name, e.message); }
print(ro.fixed, ro.hasOwnProperty('fixed'));
const withSetter = Object.create({ set v(x) { this._v = x * 2; } });
withSetter.v = 5;
print(withSetter._v, withSetter.hasOwnProperty('v'), withSetter.hasOwnProperty('_v'));
