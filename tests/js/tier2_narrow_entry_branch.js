// A loop keeps a variable unboxed (its back edge brings a number) while
// the value entering the loop is tagged: the optimizing tier guards the
// entry edges. When the entry edge is a conditional branch (an `if`
// without else right before the loop), the guard must run only on that
// edge: run on the path through the `if` body, a failing guard used to
// resume at the loop header and skip the body (found by jolt fuzz
// --target bytecode --seed 31, corpus/bytecode_diff/opt-narrow-guard-on-branch.bc).
// The loops test a boolean flag: with no feedback (--tier=opt compiles at
// the first call) arithmetic is generic and would flush the unboxed value.
"use strict";

function float(c) {
  let x;
  let go = true;
  if (c) print("float then", x);
  while (go) {
    x = 0.5;
    go = false;
  }
  return x;
}

function int(c) {
  let x;
  let go = true;
  if (c) print("int then", x);
  while (go) {
    x = 7;
    go = false;
  }
  return x;
}

// Two conditional entry edges into one header (nested ifs end there).
function twoEdges(a, b) {
  let x = a ? "s" : undefined;
  let go = true;
  if (a) {
    print("outer then", x);
    if (b) print("inner then", x);
  }
  while (go) {
    x = 1.25;
    go = false;
  }
  return x;
}

// An inner loop entered by a branch inside an outer loop.
function nested(c) {
  let out = "";
  let i = 0;
  while (i < 3) {
    let y = i === 1 ? "tag" : undefined;
    let go = true;
    if (c) out = out + "[" + y + "]";
    while (go) {
      y = 2;
      go = false;
    }
    out = out + y;
    i = i + 1;
  }
  return out;
}

// The guard passes (the entry value is a number, but tagged).
function passes(c, v) {
  let x = v;
  let go = true;
  if (c) print("passes then", x);
  while (go) {
    x = 0.75;
    go = false;
  }
  return x;
}

print(float(true), float(false), float(true));
print(int(true), int(false), int(true));
print(twoEdges(true, true), twoEdges(true, false), twoEdges(false, true));
print(nested(true), nested(false));
print(passes(true, 3), passes(false, 4.5), passes(true, "no"));
