print(typeof globalThis, globalThis.Math === Math, globalThis.JSON === JSON, globalThis.Array === Array);
globalThis.shared = 'via global';
print(shared, typeof globalThis.shared);
var topVar = 1;
function topFn() {}
print('topVar' in globalThis, 'topFn' in globalThis);
print(globalThis.print === print, typeof globalThis.console.log);
print(globalThis.globalThis === globalThis, globalThis.undefined, globalThis.NaN, globalThis.Infinity);
globalThis.counter = 0;
function bump() { counter++; }
bump(); bump();
print(globalThis.counter);
