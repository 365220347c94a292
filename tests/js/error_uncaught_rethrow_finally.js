function work() {
  try { throw new RangeError('from work'); }
  finally { print('finally runs before propagation'); }
}
try { work(); } catch (e) { print('first', e.message); }
work();
