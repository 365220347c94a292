let attempts = 0;
function flaky() { attempts++; throw new TypeError('attempt ' + attempts + ' failed'); }
for (let i = 0; i < 2; i++) {
  try { flaky(); } catch (e) { print(e.message, e instanceof TypeError); }
}
print('giving up after', attempts);
flaky();
