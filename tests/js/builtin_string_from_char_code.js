print(String.fromCharCode(74, 111, 108, 116));
print(String.fromCharCode(0x41 + 0x10000), String.fromCharCode(-1).charCodeAt(0), String.fromCharCode('66'), String.fromCharCode(NaN).charCodeAt(0));
let alphabet = '';
for (let c = 97; c < 123; c++) alphabet += String.fromCharCode(c);
print(alphabet, alphabet.length);
const surrogate = String.fromCharCode(0xD83D, 0xDE03);
print(surrogate.length, surrogate.codePointAt(0), surrogate.charCodeAt(1));
print('xyz'.split('').map(c => c.charCodeAt(0) - 32).map(n => String.fromCharCode(n)).join(''));
print(String.fromCharCode.length, String.fromCharCode().length);
