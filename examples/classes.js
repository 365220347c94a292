// Classes, closures, arrays and string building in one small program.
class Shape {
  constructor(name) { this.name = name; }
  area() { return 0; }
  toString() { return `${this.name} with area ${this.area().toFixed(2)}`; }
}
class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
class Rect extends Shape {
  constructor(w, h) { super('rect'); this.w = w; this.h = h; }
  area() { return this.w * this.h; }
}
const shapes = [new Circle(1), new Rect(2, 3), new Circle(0.5)];
shapes.sort((a, b) => a.area() - b.area());
for (const s of shapes) print(String(s));
const total = shapes.reduce((sum, s) => sum + s.area(), 0);
console.log({ count: shapes.length, total: Math.round(total * 100) / 100 });
