class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  describe() { return 'Animal:' + this.speak(); }
  static create(n) { return new this(n); }
  static kind() { return 'animal'; }
}
class Dog extends Animal {
  constructor(name, breed) { super(name); this.breed = breed; }
  speak() { return `${this.name} barks`; }
  parentSpeak() { return super.speak(); }
  static kind() { return 'dog < ' + super.kind(); }
}
class Puppy extends Dog { speak() { return super.speak() + ' softly'; } }
const d = new Dog('Rex', 'lab');
print(d.speak(), '|', d.parentSpeak(), '|', d.describe());
const p = new Puppy('Bit', 'pug');
print(p.speak(), '|', p.describe(), '|', p.breed);
print(Dog.kind(), Puppy.kind(), Puppy.create('Z') instanceof Puppy, Puppy.create('Z').speak());
print(p instanceof Puppy, p instanceof Dog, p instanceof Animal);
print(Object.getPrototypeOf(Puppy) === Dog, Object.getPrototypeOf(Dog.prototype) === Animal.prototype);
class NoCtor extends Animal {}
print(new NoCtor('q', 'extra').name, NoCtor.kind());
