// string_builder: builds text the usual ways — `+=` of pieces, of single characters taken
// with `charAt`/`s[i]`, template literals, and `join` of an array of pieces — then scans
// the result with `charCodeAt`, `indexOf` and short `substring`/`slice` cuts.
// Stresses: string concatenation (ropes), one-character strings, substring without copies,
// string constants, `length`.
const T0 = performance.now();
const NAME = "string_builder";
const WARMUP = 2, ITERATIONS = 5;
const LINES = 10000;

const WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"];

function line(i) {
  let s = "";
  for (let w = 0; w < 6; w++) {
    if (w > 0) s += " ";
    s += WORDS[(i + w * 3) % WORDS.length];
  }
  return `${i}: ${s};`;
}

function caesar(s, k) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(97 + (c - 97 + k) % 26);
    else out += s[i];
  }
  return out;
}

function reverseWords(s) {
  let out = "";
  let word = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === " ") {
      out = word + " " + out;
      word = "";
    } else {
      word += ch;
    }
  }
  return word + " " + out;
}

function run() {
  let text = "";
  const parts = [];
  for (let i = 0; i < LINES; i++) {
    const l = line(i);
    text += l + "\n";
    if (i % 10 === 0) parts.push(caesar(l, i % 26));
    if (i % 50 === 0) parts.push(reverseWords(l));
  }
  const joined = parts.join("|");
  let sum = text.length * 7 + joined.length;
  let vowels = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u") vowels++;
  }
  let pos = 0, hits = 0, cut = 0;
  for (;;) {
    pos = text.indexOf("dolor", pos);
    if (pos < 0) break;
    hits++;
    cut += text.substring(pos - 3, pos + 8).length + text.slice(pos + 1, pos + 2).charCodeAt(0);
    pos += 5;
  }
  return sum + vowels * 3 + hits * 11 + cut;
}
const EXPECTED = 4852695;

// ---- harness: identical in every benches/js program (see benches/README.md) ----
function bench(name, warmup, iterations, body, expected) {
  print("bench", name);
  for (let i = 0; i < warmup + iterations; i++) {
    const t = performance.now();
    const got = body();
    const ms = performance.now() - t;
    if (got !== expected) throw new Error(name + ": checksum " + got + ", expected " + expected);
    print(i < warmup ? "warmup" : "iteration", ms);
  }
  print("result ok", expected);
  print("total", performance.now() - T0);
}
bench(NAME, WARMUP, ITERATIONS, run, EXPECTED);
