let x = 'outer';
{
  let x = 'block';
  print(x);
  {
    const x = 'inner';
    print(x);
  }
  print(x);
}
print(x);
if (true) { let x = 'if'; print(x); }
print(x);
const c = { n: 1 };
c.n = 2;
print(c.n);
let s = 0;
for (const v of [1, 2, 3]) { const sq = v * v; s += sq; }
print(s);
switch (1) { case 1: { let x = 'case'; print(x); } }
print(x);
