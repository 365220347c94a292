const base = {
  _name: 'base',
  get name() { return 'name:' + this._name; },
  set name(v) { this._name = v.toUpperCase(); },
};
const child = Object.create(base);
print(child.name);
child.name = 'kid';
print(child.name, base.name, child.hasOwnProperty('_name'), base._name);
const counter = { n: 0, get next() { return ++this.n; } };
print(counter.next, counter.next, counter.n);
const grand = Object.create(child);
print(grand.name, grand._name);
