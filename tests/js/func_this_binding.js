const obj = {
  name: 'obj',
  regular() { return this && this.name; },
  arrow: () => typeof this,
  nested() { const inner = () => this.name; return inner(); },
  nestedFn() { function inner() { return this; } return inner(); },
  later() { return [1, 2].map(function () { return this; }); },
  laterArrow() { return [1, 2].map(() => this.name); },
};
print(obj.regular(), obj.arrow(), obj.nested(), obj.nestedFn(), obj.later(), obj.laterArrow());
const detached = obj.regular;
print(detached());
const other = { name: 'other', regular: obj.regular };
print(other.regular(), obj['regular']());
class Timer { constructor() { this.ticks = 0; } start() { [1, 2, 3].forEach(() => this.ticks++); return this.ticks; } }
print(new Timer().start());
print([1, 2].map(function (x) { return this.k * x; }, { k: 10 }));
