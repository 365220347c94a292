function createStack() {
  const items = [];
  return {
    push(x) { items.push(x); return this; },
    pop() { return items.pop(); },
    peek: () => items[items.length - 1],
    get size() { return items.length; },
  };
}
const s = createStack();
s.push(1).push(2).push(3);
print(s.size, s.peek(), s.pop(), s.size, s.items);
function emitter() {
  const handlers = {};
  return {
    on(evt, fn) { (handlers[evt] = handlers[evt] || []).push(fn); },
    emit(evt, arg) { return (handlers[evt] || []).map(h => h(arg)); },
  };
}
const em = emitter();
em.on('x', v => v + 1);
em.on('x', v => v * 10);
print(em.emit('x', 5), em.emit('none').length);
