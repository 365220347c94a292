function useLater() { return value * 2; }
print(typeof useLater);
try { useLater(); } catch (e) { print(e.name); }
print(useLater());
let value = 21;
