function f() {
  try { return 'value'; }
  finally { throw new ReferenceError('finally overrides return'); }
}
print('calling');
print(f());
