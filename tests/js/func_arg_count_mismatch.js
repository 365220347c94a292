function three(a, b, c) { return `${a} ${b} ${c}`; }
print(three(), three(1), three(1, 2, 3, 4, 5));
let evaluated = [];
function none() { return 'none'; }
print(none(evaluated.push(1), evaluated.push(2)), evaluated);
const arrow = (x, y) => typeof y;
print(arrow(1), arrow(1, 2, 3));
class P { constructor(a, b) { this.s = [a, b].join('/'); } }
print(new P(1).s, new P(1, 2, 3).s);
function withDefault(a, b = 'def') { return a + b; }
print(withDefault('x'), withDefault('x', undefined, 'extra'));
