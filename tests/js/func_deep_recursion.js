// 10000 nested calls must work
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
print(depth(10000));
function sumTo(n, acc) { if (n === 0) return acc; return sumTo(n - 1, acc + n); }
print(sumTo(6000, 0));
const arrowDepth = n => n === 0 ? 'bottom' : arrowDepth(n - 1);
print(arrowDepth(8000));
class Node { constructor(next) { this.next = next; } len() { return this.next ? 1 + this.next.len() : 1; } }
let list = null;
for (let i = 0; i < 5000; i++) list = new Node(list);
print(list.len());
