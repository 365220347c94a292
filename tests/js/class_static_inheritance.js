class Base {
  static count = 0;
  static create() { this.count++; return new this(); }
  static describe() { return 'I am ' + this.name; }
  whoami() { return this.constructor.name; }
}
class Derived extends Base {}
const d = Derived.create();
print(d.whoami(), Derived.describe(), Base.describe());
print(Base.count, Derived.count, Derived.hasOwnProperty('count'));
Derived.create();
print(Base.count, Derived.count, Derived.hasOwnProperty('count'));
print(Object.getPrototypeOf(Derived) === Base, Derived.create === Base.create);
class Override extends Base { static describe() { return 'override of ' + super.describe(); } }
print(Override.describe());
