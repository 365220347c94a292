print(typeof undefined, typeof null, typeof 0, typeof NaN, typeof '', typeof true);
print(typeof {}, typeof [], typeof function () {}, typeof (() => 1), typeof class {});
print(typeof print, typeof Math, typeof Math.abs, typeof JSON, typeof Object, typeof Error);
print(typeof notDeclaredAnywhere, typeof notDeclaredAnywhere === 'undefined');
print(typeof typeof 1, typeof new Error('x'), typeof Number.isInteger);
print(typeof String(1), typeof Number('1'), typeof Boolean(0), typeof globalThis);
let x;
print(typeof x, typeof (x = 5), typeof x);
class C {}
print(typeof new C(), typeof C.prototype, typeof Object.create(null));
