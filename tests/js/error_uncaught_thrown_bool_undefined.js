let flag = false;
print('flag is', flag);
try { throw flag; } catch (v) { print('caught', v, typeof v); }
print('now throwing undefined');
throw undefined;
