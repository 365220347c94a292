// BUG (fixed): tier 2 (src/jit/opt) segfaulted the process: f2 is optimized
// with OSR at its loop while the caller's for-of loops run (auto tiering,
// default thresholds: `jolt FILE` exited 139). Passes after this session's
// later tier-2 fixes (likely the linear scan's slot for a spilled victim). Found by coverage-guided jolt fuzz (target source, seed 3, jobs 1).
// schedule seed 11239242768406467107
function f2(p0, p1, p2) {
  for (const x5 of (typeof Infinity)) {
    for (let i6 = 0; i6 < 4; i6++) {
    }
  }
  return p0 + ((2147483647) ** 2);
}
for (let i8 = 0; i8 < 12; i8++) {
  for (const x9 of ("NaN").slice(1)) {
  }
  for (const x12 of `<${Infinity}>`) {
    print(f2(((3 + 4294967295) === (i8 * 65536 * 65536)), null, ("" + i8)));
  }
}
