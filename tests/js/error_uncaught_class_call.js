class Widget { constructor() { this.w = 1; } }
print(new Widget().w);
try { Widget(); } catch (e) { print('caught:', e.message); }
const make = Widget;
print(typeof make, make === Widget);
make();
