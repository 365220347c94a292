// name ends in 'Error' but differs from the constructor name: 'Ctor [name]: msg'
class Parser extends Error {
  constructor(m) { super(m); this.name = 'ParseError'; }
}
print(String(new Parser('shown via String')));
throw new Parser('unexpected token');
