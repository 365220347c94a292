// constructor name does not contain the inherited name 'Error': node prints 'Oops [Error]: ...'
class Oops extends Error {}
const e = new Oops('first');
print(e.name, e.message, e instanceof Oops);
throw new Oops('bracketed');
