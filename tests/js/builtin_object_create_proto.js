const animal = { type: 'animal', describe() { return 'I am ' + this.type; } };
const cat = Object.create(animal);
cat.type = 'cat';
print(cat.describe(), animal.describe(), Object.getPrototypeOf(cat) === animal);
const bare = Object.create(null);
bare.k = 1;
print(Object.getPrototypeOf(bare), Object.keys(bare), typeof bare.toString, 'k' in bare);
const withProps = Object.create(animal, { name: { value: 'Tom', enumerable: true }, hidden: { value: 'h' } });
print(withProps.name, withProps.hidden, Object.keys(withProps).join(), withProps.describe());
print(Object.getPrototypeOf(Object.prototype), Object.getPrototypeOf([]) === Array.prototype, Object.getPrototypeOf(Array.prototype) === Object.prototype);
print(Object.getPrototypeOf(function () {}) === Function.prototype, Object.getPrototypeOf(Object.getPrototypeOf(new TypeError())) === Error.prototype);
const chain = Object.create(Object.create(Object.create({ deep: 'yes' })));
print(chain.deep);
try { Object.create(5); } catch (e) { print(e.name, e.message); }
print(Object.getPrototypeOf('s') === String.prototype, Object.getPrototypeOf(1) === Number.prototype);
