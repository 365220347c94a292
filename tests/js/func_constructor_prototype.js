function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm1 = function () { return Math.abs(this.x) + Math.abs(this.y); };
const p = new Point(3, -4);
print(p.x, p.y, p.norm1(), p instanceof Point);
print(Point.prototype.constructor === Point, p.constructor === Point, Object.getPrototypeOf(p) === Point.prototype);
print(Object.keys(Point.prototype), Object.keys(p));
console.log(p);
function Returns() { this.a = 1; return { b: 2 }; }
const r = new Returns();
print(r.a, r.b, r instanceof Returns);
function ReturnsPrim() { this.a = 1; return 5; }
print(new ReturnsPrim().a);
Point.prototype.shared = [];
const q = new Point(0, 0);
p.shared.push(1);
print(q.shared.length, p.hasOwnProperty('shared'));
print(Array.prototype.constructor === Array, Object.prototype.constructor === Object, Function.prototype.constructor === Function);
print(TypeError.prototype.constructor === TypeError, Error.prototype.constructor === Error, String.prototype.constructor === String);
