class Query {
  constructor() { this.parts = []; this.lim = null; }
  select(...cols) { this.parts.push('SELECT ' + (cols.length ? cols.join(', ') : '*')); return this; }
  from(t) { this.parts.push('FROM ' + t); return this; }
  where(cond) { this.parts.push((this.parts.some(p => p.startsWith('WHERE')) ? 'AND ' : 'WHERE ') + cond); return this; }
  limit(n = 10) { this.lim = n; return this; }
  build() { return this.parts.join(' ') + (this.lim !== null ? ' LIMIT ' + this.lim : ''); }
}
print(new Query().select('a', 'b').from('t').where('a > 1').where('b < 2').limit().build());
print(new Query().select().from('users').build());
class Vec {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y); }
  scale(k) { return new Vec(this.x * k, this.y * k); }
  get len() { return Math.hypot(this.x, this.y); }
  toString() { return `(${this.x}, ${this.y})`; }
  static zero() { return new Vec(0, 0); }
}
const v = Vec.zero().add(new Vec(3, 4)).scale(2);
print(String(v), v.len, `${v.add(v)}`);
console.log(v);
