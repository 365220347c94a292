// Identifiers use Unicode ID_Start / ID_Continue (node's Unicode version),
// written directly or as \u escapes; Other_ID_Start/Continue count too.
const ℘ = 1;           // U+2118, Other_ID_Start
const ℮x = 2;          // U+212E, Other_ID_Start
const a·b = 3;         // U+00B7, Other_ID_Continue
const x፩ = 4;          // U+1369, Other_ID_Continue
const ᢅ = 5;           // U+1885, Other_ID_Start
const \u{1D400}x = 6;  // MATHEMATICAL BOLD CAPITAL A, astral ID_Start
const 𝐁 = 7;           // the same block, unescaped
const ʰ = 8;           // U+02B0, modifier letter (Lm)
const café = 9;
const ab\u0301c = 10;  // combining acute accent (Mn) in a part
const ⴰ = 11;          // U+2D30 Tifinagh
const ゛ = 12;          // U+309B, Other_ID_Start
const x\u200Cy = 13;   // ZWNJ in a part
const obj = { ℘: 'p', \u{1D400}x: 'bold' };
print(℘, ℮x, a·b, x፩, ᢅ, 𝐀x, 𝐁, ʰ, caf\u00e9, ab́c, ⴰ, ゛, x‌y);
print(obj.℘, obj['\u{1D400}x'], Object.keys(obj).length);
