function makeWalker() {
  const seen = [];
  function walk(node, depth) {
    seen.push('  '.repeat(depth) + node.name);
    for (const child of node.children || []) walk(child, depth + 1);
    return seen;
  }
  return walk;
}
const tree = { name: 'root', children: [{ name: 'a', children: [{ name: 'a1' }] }, { name: 'b' }] };
print(makeWalker()(tree, 0).join('/'));
const Y = f => (x => x(x))(x => f(y => x(x)(y)));
const fact = Y(self => n => n <= 1 ? 1 : n * self(n - 1));
print(fact(10));
function counterGen() { let c = 0; return function next() { c++; return c < 5 ? next() : c; }; }
print(counterGen()());
