function greet(greeting, punct) { return greeting + ', ' + this.name + punct; }
const alice = { name: 'Alice' };
print(greet.call(alice, 'Hi', '!'), greet.apply(alice, ['Yo', '?']));
const bound = greet.bind(alice, 'Hey');
print(bound('.'), bound.name, bound.length, greet.length);
const bob = { name: 'Bob' };
print(bound.call(bob, ';'));
function whoami() { return this; }
print(whoami.call(undefined), whoami.call(null), typeof whoami.call(5), whoami.apply(7) === 7);
print(whoami(), whoami.bind('s')());
print(Math.max.apply(null, [3, 9, 2]), Math.max.apply(null, []));
function Pt(x, y) { this.x = x; this.y = y; }
const BoundPt = Pt.bind(null, 1);
const bp = new BoundPt(2);
print(bp.x, bp.y, bp instanceof Pt);
const add = (a, b) => a + b;
print(add.call({ x: 1 }, 2, 3), add.bind(null, 10)(5));
print(Array.prototype.join.call(['a', 'b'], '-'), Array.prototype.slice.call([1, 2, 3], 1));
