class InsufficientFunds extends Error {
  constructor(needed) { super('need ' + needed + ' more'); this.name = 'InsufficientFunds'; this.needed = needed; }
}
class Account {
  static nextId = 1;
  history = [];
  constructor(owner, balance = 0) { this.id = Account.nextId++; this.owner = owner; this.balance = balance; }
  deposit(x) { if (x <= 0) throw new RangeError('bad amount ' + x); this.balance += x; this.history.push('+' + x); return this; }
  withdraw(x) { if (x > this.balance) throw new InsufficientFunds(x - this.balance); this.balance -= x; this.history.push('-' + x); return this; }
  get summary() { return `#${this.id} ${this.owner}: ${this.balance.toFixed(2)}`; }
}
class Savings extends Account {
  constructor(owner, rate) { super(owner, 100); this.rate = rate; }
  accrue() { return this.deposit(+(this.balance * this.rate).toFixed(2)); }
}
const a = new Account('ann').deposit(50).withdraw(20);
const s = new Savings('sam', 0.035).accrue().accrue();
print(a.summary, '|', s.summary, '|', s.history.join(' '));
try { a.withdraw(100); } catch (e) { print(e.name, e.message, e.needed, e instanceof InsufficientFunds, e instanceof Error); }
try { a.deposit(-5); } catch (e) { print(e.name, e.message); }
print(a.history, Account.nextId);
