// string hashing relies on int32 wrap-around
function djb2(s) { let h = 5381; for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0; return h; }
function javaHash(s) { let h = 0; for (let i = 0; i < s.length; i++) h = (31 * h + s.charCodeAt(i)) | 0; return h; }
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = (h + ((h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24))) >>> 0;
  }
  return h;
}
for (const w of ['', 'a', 'hello', 'The quick brown fox jumps over the lazy dog', '\u00e9\u{1F600}']) {
  print(JSON.stringify(w).length, djb2(w), javaHash(w), fnv1a(w), fnv1a(w).toString(16));
}
