print(JSON.stringify([0.1, -0.0, 1e21, 1e-7, 5e-324, 2 ** 53, -1.5e300, 100, 1.0]));
print(JSON.stringify({ a: [{ b: [{ c: [] }] }], d: [[], [[]], {}] }));
print(JSON.stringify([true, false, 'true', null, 'null']));
print(JSON.stringify({ '\n': 'newline key', 'quote"key': 1, 'é': 'é' }));
print(JSON.stringify('\u0000\u001f\u0020\u007f\u0080\u00ff'));
print(JSON.stringify('\ud83d\ude00 pair, lone: \udc00 and \ud83d'));
const arr = [1, 2];
arr.prop = 'ignored';
print(JSON.stringify(arr), JSON.stringify({ arr }));
class Pt { constructor() { this.x = 1; } get y() { return 2; } }
print(JSON.stringify(new Pt()), JSON.stringify([new Pt()]));
