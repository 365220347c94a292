// char_parser: a JSON-style parser that scans its input one character at a time with
// `s[i]`, `charAt` and `charCodeAt`, compares characters with `===` against string
// constants and dispatches on them with `switch`, cuts strings and numbers out with
// `substring`, and builds objects with computed keys. The text is made once per iteration
// with JSON.stringify; the parsed result is walked for a checksum.
// Stresses: string constants, one-character strings, identity-first string equality,
// substring, property-adding stores with computed keys.
const T0 = performance.now();
const NAME = "char_parser";
const WARMUP = 2, ITERATIONS = 5;
const RECORDS = 400;
const PASSES = 20;

function makeDoc() {
  const items = [];
  for (let i = 0; i < RECORDS; i++) {
    items.push({
      id: i,
      name: "item" + i,
      tags: ["t" + (i % 7), "t" + (i % 11), i % 2 === 0 ? "even" : "odd"],
      price: (i * 37) % 1000 + 0.25,
      active: i % 3 !== 0,
      owner: i % 5 === 0 ? null : { first: "n" + (i % 13), level: i % 4 },
    });
  }
  return JSON.stringify({ version: 3, items: items, note: "a \"quoted\" \\ note" });
}

class Parser {
  constructor(text) {
    this.s = text;
    this.i = 0;
  }
  skip() {
    let ch = this.s[this.i];
    while (ch === " " || ch === "\n" || ch === "\t") ch = this.s[++this.i];
  }
  expect(ch) {
    if (this.s.charAt(this.i) !== ch) throw new Error("expected " + ch + " at " + this.i);
    this.i++;
  }
  value() {
    this.skip();
    const ch = this.s[this.i];
    switch (ch) {
      case "{": return this.object();
      case "[": return this.array();
      case "\"": return this.string();
      case "t": this.i += 4; return true;
      case "f": this.i += 5; return false;
      case "n": this.i += 4; return null;
      default: return this.number();
    }
  }
  object() {
    this.expect("{");
    const o = {};
    this.skip();
    if (this.s[this.i] === "}") { this.i++; return o; }
    for (;;) {
      this.skip();
      const k = this.string();
      this.skip();
      this.expect(":");
      o[k] = this.value();
      this.skip();
      const ch = this.s.charAt(this.i++);
      if (ch === "}") return o;
      if (ch !== ",") throw new Error("bad object at " + this.i);
    }
  }
  array() {
    this.expect("[");
    const a = [];
    this.skip();
    if (this.s[this.i] === "]") { this.i++; return a; }
    for (;;) {
      a.push(this.value());
      this.skip();
      const ch = this.s[this.i++];
      if (ch === "]") return a;
      if (ch !== ",") throw new Error("bad array at " + this.i);
    }
  }
  string() {
    this.expect("\"");
    let start = this.i;
    let out = "";
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (c === 34) break;
      if (c === 92) {
        out += this.s.substring(start, this.i);
        const e = this.s[this.i + 1];
        out += e === "n" ? "\n" : e === "t" ? "\t" : e;
        this.i += 2;
        start = this.i;
      } else {
        this.i++;
      }
    }
    out += this.s.substring(start, this.i);
    this.i++;
    return out;
  }
  number() {
    const start = this.i;
    let ch = this.s[this.i];
    while (ch === "-" || ch === "." || (ch >= "0" && ch <= "9")) ch = this.s[++this.i];
    return Number(this.s.substring(start, this.i));
  }
}

function walk(v) {
  if (v === null) return 1;
  const t = typeof v;
  if (t === "number") return Math.floor(v * 4) % 1000;
  if (t === "boolean") return v ? 3 : 2;
  if (t === "string") return v.length + (v.length > 0 ? v.charCodeAt(0) : 0);
  let sum = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) sum += walk(v[i]);
    return sum + v.length;
  }
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) sum += keys[i].length + walk(v[keys[i]]);
  return sum;
}

function run() {
  const text = makeDoc();
  let sum = 0;
  for (let p = 0; p < PASSES; p++) {
    const doc = new Parser(text).value();
    sum = (sum + walk(doc)) % 1000000007;
    if (doc.items.length !== RECORDS || doc.note !== "a \"quoted\" \\ note") throw new Error("char_parser: bad parse");
  }
  return sum + text.length;
}
const EXPECTED = 12169560;

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
