function pick(v, d) { return v ?? d; }
print(pick(0, 1), pick('', 'x'), pick(false, true), pick(null, 'n'), pick(undefined, 'u'), pick(NaN, 2));
const cfg = { depth: 0, name: '' };
print(cfg.depth ?? 5, cfg.depth || 5, cfg.name ?? 'anon', cfg.name || 'anon', cfg.missing ?? 'def');
print((null ?? 0) || 'fallback', null ?? (0 || 'x'));
let n = 0;
const side = () => { n++; return 'side'; };
print('set' ?? side(), n);
print(undefined ?? side(), n);
