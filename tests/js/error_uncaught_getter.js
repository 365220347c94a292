const lazy = {
  get value() { throw new RangeError('value out of range: ' + (2 ** 31)); },
};
print('reading lazy value');
print(lazy.value);
