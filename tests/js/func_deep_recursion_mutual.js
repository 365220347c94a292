// 10000 nested calls alternating between two functions
function ping(n) { return n === 0 ? 'ping done' : pong(n - 1); }
function pong(n) { return n === 0 ? 'pong done' : ping(n - 1); }
print(ping(10000), ping(9999));
const countDown = function self(n) { return n > 0 ? self(n - 1) + 1 : 0; };
print(countDown(10000));
