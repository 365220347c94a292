let counter = 0;
class Item {
  id = ++counter;
  tags = [];
  static count = 0;
  static registry = [];
  constructor(n) { this.n = n; Item.count++; Item.registry.push(n); }
  static reset() { this.count = 0; }
}
const a = new Item('a'), b = new Item('b');
a.tags.push('t');
print(a.id, b.id, a.tags.length, b.tags.length, Item.count, Item.registry);
Item.reset();
print(Item.count);
class Sub extends Item { extra = this.id * 100; }
const s = new Sub('s');
print(s.id, s.extra, Sub.count, Item.count, Sub.registry === Item.registry);
print(Object.keys(s).join());
class Computed { ['dyn' + 'amic'] = 1; static ['s' + 1]() { return 's1'; } }
print(new Computed().dynamic, Computed.s1());
class ArrowField { v = 7; get = () => this.v; }
const af = new ArrowField();
const g = af.get;
print(g());
