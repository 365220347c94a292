// Regression: a default derived constructor has a rest parameter; building
// the rest array moved new.target before the frame recorded it.
class Base { constructor(a, b) { this.sum = a + b; } }
class Derived extends Base {}
class Deeper extends Derived {}
const d = new Deeper(20, 22);
print(d.sum, d instanceof Base, d instanceof Deeper, Object.getPrototypeOf(d) === Deeper.prototype);
