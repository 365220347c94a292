// a name not ending in 'Error' is printed as is
const e = new Error('with custom name');
e.name = 'Custom';
print(String(e));
throw e;
