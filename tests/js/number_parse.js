print(parseInt('42'), parseInt('  42px'), parseInt('-42.9'), parseInt('0x1A'), parseInt('1A', 16));
print(parseInt('101', 2), parseInt('z', 36), parseInt('10', 37), parseInt('10', 1), parseInt('10', 0));
print(parseInt(''), parseInt('abc'), parseInt('0.0000005'), parseInt(0.0000005), parseInt('1e3'));
print(parseInt(null), parseInt('Infinity'), parseInt('-0'), Object.is(parseInt('-0'), -0));
print(parseInt('  +7 '), parseInt('0b11'), parseInt('077'), parseInt('9007199254740993'));
print(parseFloat('3.14abc'), parseFloat('  -.5'), parseFloat('1e3x'), parseFloat('e3'), parseFloat('Infinityx'));
print(parseFloat(''), parseFloat('0x10'), parseFloat('1.2.3'), parseFloat('-0'), parseFloat('  12e-2  '));
print(parseInt('123', 10), parseInt('ff', 16), parseInt('FF', 16), parseInt('0xff', 16), parseInt('xyz', 36));
