const ws = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
print(ws.length, ws.trim().length, JSON.stringify(('[' + ws + 'x' + ws + ']').trim()));
print(JSON.stringify((ws + 'mid dle' + ws).trim()));
print('\u200b'.trim().length, '\u0085'.trim().length, '\u180e'.trim().length);
print(Number(ws + '12' + ws), Number(ws), parseInt(ws + '7'), parseFloat('\u00a0 3.5'));
