function down(n) { return down(n + 1); }
print('recursing');
try { down(0); } catch (e) { print('first overflow caught:', e.message); }
print('recursing again, uncaught');
down(0);
