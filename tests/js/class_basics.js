class Rect {
  width = 0;
  height = 0;
  label = 'rect';
  constructor(w, h) { this.width = w; this.height = h; }
  area() { return this.width * this.height; }
  get perimeter() { return 2 * (this.width + this.height); }
  set size(s) { this.width = s; this.height = s; }
  static unit() { return new Rect(1, 1); }
}
const r = new Rect(2, 3);
print(r.area(), r.perimeter, r.label);
r.size = 5;
print(r.width, r.height, r.area());
print(Rect.unit().area(), typeof Rect, r instanceof Rect);
print(Object.keys(r).join(), r.hasOwnProperty('area'), 'area' in r);
console.log(r);
print(Object.getPrototypeOf(r) === Rect.prototype, Rect.prototype.constructor === Rect);
print(Object.keys(Rect.prototype).length, Rect.name);
