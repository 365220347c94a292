function node(v) { return { v: v, l: null, r: null }; }
function insert(t, v) { if (!t) return node(v); if (v < t.v) t.l = insert(t.l, v); else t.r = insert(t.r, v); return t; }
let root = null;
for (const v of [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]) root = insert(root, v);
const inorder = t => t ? inorder(t.l).concat([t.v], inorder(t.r)) : [];
const preorder = t => t ? [t.v].concat(preorder(t.l), preorder(t.r)) : [];
const height = t => t ? 1 + Math.max(height(t.l), height(t.r)) : 0;
print(inorder(root));
print(preorder(root));
print(height(root));
function bfs(t) {
  const out = [], q = [t];
  while (q.length) { const n = q.shift(); if (!n) continue; out.push(n.v); q.push(n.l, n.r); }
  return out;
}
print(bfs(root));
