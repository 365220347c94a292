print(+'3.5', +'-0', Object.is(+'-0', -0), -'', Object.is(-'', -0), +[], +{}, +'  ', +'\n', +true);
print(-'abc', -[2], -[1, 2], -null, -undefined, Object.is(-null, -0));
print(~'7', ~3.7, ~-3.7, ~~'0x10', ~[], ~{});
print(!'', !'a', !0.0, !-0, !NaN, !Infinity, ![], !{});
let x = '5';
print(typeof +x, typeof -x, typeof !x, typeof ~x, typeof void x);
