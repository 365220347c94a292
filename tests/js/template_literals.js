const name = 'Jolt', n = 3;
print(`Hello ${name}!`, `${n} + ${n} = ${n + n}`, `${'nested ' + `inner ${n * 2}`}`);
print(`${null} ${undefined} ${true} ${[1, 2]} ${{}} ${-0} ${1e21}`);
const multi = `line1
line2
  indented`;
print(multi, multi.length);
print(`${n > 2 ? 'big' : 'small'}`, `${(() => 'iife')()}`, `$${n}`, `${n}$`, `{${n}}`);
const obj = { toString() { return 'custom'; }, valueOf() { return 99; } };
print(`${obj}`, obj + '', String(obj));
print(``.length, `${''}`.length, typeof `${1}`);
let i = 0;
const t = `${i++}-${i++}-${i++}`;
print(t, i);
