// in strict mode, function declarations in blocks are block scoped
{
  function inBlock() { return 'block fn'; }
  print(inBlock());
}
print(typeof inBlock);
if (true) {
  function conditional() { return 1; }
}
print(typeof conditional);
function outer() {
  print(typeof laterInBlock);
  { function laterInBlock() {} print(typeof laterInBlock); }
  return typeof laterInBlock;
}
print(outer());
switch (1) { case 1: function inSwitch() { return 'sw'; } print(inSwitch()); }
print(typeof inSwitch);
