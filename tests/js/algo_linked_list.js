class ListNode { constructor(v, next = null) { this.v = v; this.next = next; } }
class LinkedList {
  constructor() { this.head = null; this.size = 0; }
  push(v) { this.head = new ListNode(v, this.head); this.size++; return this; }
  reverse() {
    let prev = null, cur = this.head;
    while (cur) { const nx = cur.next; cur.next = prev; prev = cur; cur = nx; }
    this.head = prev;
    return this;
  }
  toArray() { const out = []; for (let n = this.head; n; n = n.next) out.push(n.v); return out; }
  find(pred) { for (let n = this.head; n !== null; n = n.next) if (pred(n.v)) return n.v; }
}
const l = new LinkedList();
for (const x of [1, 2, 3, 4]) l.push(x);
print(l.toArray(), l.size);
print(l.reverse().toArray(), l.find(v => v > 2), l.find(v => v > 9));
print(JSON.stringify(new LinkedList().push('a').push('b').head));
