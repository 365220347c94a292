const calc = {
  total: 0,
  add(n) { this.total += n; return this; },
  sub(n) { this.total -= n; return this; },
  'weird name'() { return 'weird'; },
  [`comp${'uted'}`]() { return 'computed'; },
  42() { return 'numeric'; },
};
print(calc.add(5).add(10).sub(3).total);
print(calc['weird name'](), calc.computed(), calc[42]());
print(calc.add.name, calc['weird name'].name, calc.computed.name);
try { new calc.add(1); } catch (e) { print(e.name, e.message); }
const proto = { greet() { return 'proto hello ' + this.who; } };
const inst = Object.create(proto);
inst.who = 'inst';
print(inst.greet(), Object.getPrototypeOf(inst) === proto, calc.hasOwnProperty('add'));
