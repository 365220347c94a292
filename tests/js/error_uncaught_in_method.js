class Repo {
  constructor() { this.items = ['x']; }
  first() { return this.items[0]; }
  broken() { return this.itemz.length; }
}
const r = new Repo();
print(r.first());
print(r.broken());
