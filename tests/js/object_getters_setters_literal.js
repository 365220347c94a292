let log = [];
const acct = {
  _bal: 0,
  get balance() { log.push('get'); return this._bal; },
  set balance(v) { log.push('set ' + v); if (v < 0) throw new RangeError('negative'); this._bal = v; },
  get readonly() { return 'ro'; },
  set writeonly(v) { this._w = v; },
};
acct.balance = 50;
acct.balance += 25;
print(acct.balance, log.join(','));
try { acct.balance = -1; } catch (e) { print(e.name, e.message, acct._bal); }
try { acct.readonly = 'x'; } catch (e) { print(e.name, e.message); }
acct.writeonly = 9;
print(acct.writeonly, acct._w);
const d = Object.getOwnPropertyDescriptor(acct, 'balance');
print(typeof d.get, typeof d.set, d.enumerable, d.configurable, 'value' in d);
print(Object.keys(acct).join());
print(JSON.stringify(acct));
const child = Object.create(acct);
child.balance = 10;
print(child.hasOwnProperty('_bal'), child._bal, acct._bal);
