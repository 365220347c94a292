print(Object.is(1, 1), Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is('a', 'a'), Object.is({}, {}), Object.is(null, undefined));
const ts = Object.prototype.toString;
print(ts.call({}), ts.call([]), ts.call(null), ts.call(undefined));
print(ts.call(1), ts.call('s'), ts.call(true), ts.call(() => 1));
print(ts.call(new Error('e')), ts.call(new TypeError('e')), ts.call(Math), ts.call(JSON));
class C {}
print(ts.call(new C()), String({}), `${{ a: 1 }}`, {} + '');
print(String(Object.create(null) === null), [1, [2, 3]].toString(), String([null, undefined, 1]));
