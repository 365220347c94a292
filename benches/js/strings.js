// strings: string building and slicing: += concatenation in a loop, template literals,
// Array join and String split, repeat/padStart, indexOf/slice/substring scans, case changes,
// and a character-code hash over everything built.
// Stresses: string allocation and concatenation (ropes or copies), string builtins,
// short-lived garbage.
const T0 = performance.now();
const NAME = "strings";
const WARMUP = 2, ITERATIONS = 5;
const LINES = 4000;

const NAMES = ["ada", "grace", "alan", "edsger", "barbara", "donald", "ken", "dennis"];

function hashString(s, h) {
  for (let i = 0; i < s.length; i++) h = (h * 33 + s.charCodeAt(i)) % 1000000007;
  return h;
}

function run() {
  // 1. build a report line by line with += and template literals
  let report = "";
  for (let i = 0; i < LINES; i++) {
    const name = NAMES[i % NAMES.length];
    const id = String(i).padStart(5, "0");
    report += `${id}:${name.toUpperCase()}:${name.length * i}:${i % 3 === 0 ? "yes" : "no"}\n`;
  }
  // 2. split it back into lines and fields, rebuild with join
  const lines = report.split("\n");
  if (lines.length !== LINES + 1) throw new Error("strings: " + lines.length + " lines");
  const rebuilt = [];
  let yes = 0;
  for (let i = 0; i < LINES; i++) {
    const fields = lines[i].split(":");
    if (fields[3] === "yes") yes++;
    rebuilt.push(fields[1].toLowerCase() + "=" + fields[2]);
  }
  const joined = rebuilt.join(",");
  // 3. scan with indexOf and slice: count every "ada=" and sum the numbers after it
  let pos = 0, adaSum = 0, adaCount = 0;
  for (;;) {
    const at = joined.indexOf("ada=", pos);
    if (at < 0) break;
    const end = joined.indexOf(",", at);
    adaSum += Number(joined.substring(at + 4, end < 0 ? joined.length : end));
    adaCount++;
    pos = at + 4;
  }
  // 4. char-by-char building with fromCharCode and repeat
  let banner = "";
  for (let i = 0; i < 2000; i++) banner += String.fromCharCode(97 + (i * 7) % 26);
  banner = banner + "-".repeat(50) + banner.slice(100, 600).trim();
  // 5. reverse words by walking the string
  let reversed = "";
  let word = "";
  for (let i = 0; i < joined.length && i < 20000; i++) {
    const ch = joined.charAt(i);
    if (ch === ",") { reversed = word + "," + reversed; word = ""; } else word += ch;
  }
  let h = hashString(report, 7);
  h = hashString(joined, h);
  h = hashString(banner, h);
  h = hashString(reversed, h);
  return h + yes * 1e9 + adaCount * 1e12 + adaSum;
}
const EXPECTED = 501334112130173;

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
