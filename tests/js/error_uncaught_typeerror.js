print('before');
const obj = { name: 'x' };
print(obj.name);
obj.method();
print('never');
