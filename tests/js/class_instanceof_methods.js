class Shape { area() { return 0; } toString() { return `${this.constructor.name}(${this.area()})`; } }
class Sq extends Shape { constructor(s) { super(); this.s = s; } area() { return this.s ** 2; } }
class Circ extends Shape { constructor(r) { super(); this.r = r; } area() { return +(Math.PI * this.r ** 2).toFixed(2); } }
const shapes = [new Sq(2), new Circ(1), new Shape()];
print(shapes.map(s => String(s)));
print(shapes.map(s => s instanceof Sq ? 'sq' : s instanceof Circ ? 'circ' : 'shape'));
print(`${shapes[0]}`, shapes[1] + '');
print(shapes.reduce((a, s) => a + s.area(), 0));
print(Sq.prototype.hasOwnProperty('area'), Sq.prototype.hasOwnProperty('toString'));
const m = Sq.prototype.area;
print(m.call({ s: 5 }));
