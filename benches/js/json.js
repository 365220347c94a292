// json: builds a JSON-like document (nested objects and arrays of strings, integers, quarter
// fractions, booleans and null), prints it with a hand-written printer, tokenizes and parses
// the text back with a hand-written tokenizer and recursive-descent parser (no JSON.parse),
// prints the result again and checks both texts are identical.
// Stresses: string concatenation, charCodeAt scanning, String.fromCharCode, token objects,
// objects with computed keys, Object.keys, recursion, array growth.
const T0 = performance.now();
const NAME = "json";
const WARMUP = 2, ITERATIONS = 5;
const ROUNDS = 4;   // build/print/parse/print cycles per iteration

let seed = 42;
function random(n) {            // Park-Miller; products stay below 2^53
  seed = (seed * 16807) % 2147483647;
  return seed % n;
}

const WORDS = ["alpha", "beta", "gamma", "delta", "quote\"d", "back\\slash", "new\nline", "tab\there", "ümlaut", ""];

function makeValue(depth) {
  const kind = depth <= 0 ? random(5) : random(10) < 6 ? 5 + random(2) : random(5);
  switch (kind) {
    case 0: return random(100000) - 50000;
    case 1: return (random(4000) - 2000) / 4;
    case 2: return WORDS[random(WORDS.length)] + random(100);
    case 3: return random(2) === 0;
    case 4: return null;
    case 5: {
      const arr = [];
      const n = 1 + random(6);
      for (let i = 0; i < n; i++) arr.push(makeValue(depth - 1));
      return arr;
    }
    default: {
      const obj = {};
      const n = 1 + random(6);
      for (let i = 0; i < n; i++) obj["k" + WORDS[random(4)] + i] = makeValue(depth - 1);
      return obj;
    }
  }
}

function quote(s) {
  let out = "\"";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) out += "\\\"";
    else if (c === 92) out += "\\\\";
    else if (c === 10) out += "\\n";
    else if (c === 9) out += "\\t";
    else out += s.charAt(i);
  }
  return out + "\"";
}

function printValue(v) {
  if (v === null) return "null";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return quote(v);
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += ",";
      out += printValue(v[i]);
    }
    return out + "]";
  }
  const keys = Object.keys(v);
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out += ",";
    out += quote(keys[i]) + ":" + printValue(v[keys[i]]);
  }
  return out + "}";
}

// ---- tokenizer ----
const T_PUNCT = 0, T_STRING = 1, T_NUMBER = 2, T_WORD = 3;

class Token {
  constructor(kind, text, value) {
    this.kind = kind;
    this.text = text;
    this.value = value;
  }
}

function isDigit(c) { return c >= 48 && c <= 57; }

function tokenize(src) {
  const tokens = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) { i++; continue; }
    if (c === 123 || c === 125 || c === 91 || c === 93 || c === 58 || c === 44) {
      tokens.push(new Token(T_PUNCT, src.charAt(i), null));
      i++;
    } else if (c === 34) {
      let s = "";
      i++;
      for (;;) {
        const d = src.charCodeAt(i);
        if (d === 34) { i++; break; }
        if (d === 92) {
          const e = src.charCodeAt(i + 1);
          if (e === 110) s += "\n";
          else if (e === 116) s += "\t";
          else s += String.fromCharCode(e);
          i += 2;
        } else {
          s += String.fromCharCode(d);
          i++;
        }
        if (i >= n) throw new Error("json: unterminated string");
      }
      tokens.push(new Token(T_STRING, "", s));
    } else if (c === 45 || isDigit(c)) {
      const start = i;
      let negative = false;
      if (c === 45) { negative = true; i++; }
      let value = 0;
      while (i < n && isDigit(src.charCodeAt(i))) { value = value * 10 + (src.charCodeAt(i) - 48); i++; }
      if (i < n && src.charCodeAt(i) === 46) {
        i++;
        let scale = 1, frac = 0;
        while (i < n && isDigit(src.charCodeAt(i))) { frac = frac * 10 + (src.charCodeAt(i) - 48); scale *= 10; i++; }
        value += frac / scale;
      }
      tokens.push(new Token(T_NUMBER, src.slice(start, i), negative ? -value : value));
    } else {
      const start = i;
      while (i < n && src.charCodeAt(i) >= 97 && src.charCodeAt(i) <= 122) i++;
      if (start === i) throw new Error("json: unexpected character " + src.charAt(i));
      tokens.push(new Token(T_WORD, src.slice(start, i), null));
    }
  }
  return tokens;
}

// ---- parser ----
class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.pos = 0;
  }
  expect(text) {
    const t = this.tokens[this.pos++];
    if (t.kind !== T_PUNCT || t.text !== text) throw new Error("json: expected " + text);
  }
  parseValue() {
    const t = this.tokens[this.pos++];
    if (t.kind === T_NUMBER || t.kind === T_STRING) return t.value;
    if (t.kind === T_WORD) {
      if (t.text === "true") return true;
      if (t.text === "false") return false;
      if (t.text === "null") return null;
      throw new Error("json: unknown word " + t.text);
    }
    if (t.text === "[") {
      const arr = [];
      if (this.tokens[this.pos].text === "]") { this.pos++; return arr; }
      for (;;) {
        arr.push(this.parseValue());
        const sep = this.tokens[this.pos++];
        if (sep.text === "]") return arr;
        if (sep.text !== ",") throw new Error("json: bad array");
      }
    }
    if (t.text === "{") {
      const obj = {};
      if (this.tokens[this.pos].text === "}") { this.pos++; return obj; }
      for (;;) {
        const key = this.tokens[this.pos++];
        if (key.kind !== T_STRING) throw new Error("json: bad key");
        this.expect(":");
        obj[key.value] = this.parseValue();
        const sep = this.tokens[this.pos++];
        if (sep.text === "}") return obj;
        if (sep.text !== ",") throw new Error("json: bad object");
      }
    }
    throw new Error("json: unexpected token " + t.text);
  }
}

function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

function run() {
  seed = 42;
  let checksum = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const doc = [];
    for (let i = 0; i < 40; i++) doc.push(makeValue(4));
    const text = printValue(doc);
    const tokens = tokenize(text);
    const parser = new Parser(tokens);
    const back = parser.parseValue();
    if (parser.pos !== tokens.length) throw new Error("json: trailing tokens");
    const again = printValue(back);
    if (again !== text) throw new Error("json: round trip changed the text");
    checksum += text.length * 1000 + tokens.length + hash(again);
  }
  return checksum;
}
const EXPECTED = 1391251348;

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
