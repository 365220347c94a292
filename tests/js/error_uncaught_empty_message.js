// an empty message prints just the name
const e = new TypeError();
print(JSON.stringify(e.message), String(e));
print('about to throw a message-less TypeError');
throw e;
