print(Boolean(0), Boolean(-0), Boolean(NaN), Boolean(''), Boolean(' '), Boolean('0'), Boolean('false'), Boolean([]), Boolean({}), Boolean(null), Boolean());
print(String(123), String(-1.5e-7), String(true), String(null), String(), String([1, 'a']), String({ toString() { return 'T'; } }));
print(Number('12px'), Number('  \n42\t'), Number(false), Number([]), Number([[7]]), Number([1, 2]), Number('1e1000'), Number('-0') === 0);
print(Number({ valueOf() { return '8'; } }), Number(new Array(1)), Number(' 0b101 '), Number('0B1'), Number('0xG'));
print(typeof String(1), typeof Boolean(1), typeof Number('1'));
print(String === String.prototype.constructor, Boolean.prototype.constructor === Boolean);
print(!!document_is_undefined());
function document_is_undefined() { return typeof document === 'undefined'; }
