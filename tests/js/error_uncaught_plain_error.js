const items = [1, 2, 3];
items.forEach(i => print('item', i));
const err = new Error('plain failure after output');
print(err.name, err instanceof Error);
throw err;
