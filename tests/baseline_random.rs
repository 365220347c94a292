//! Random bytecode through both tiers: random prototypes the verifier
//! accepts run in the interpreter and in baseline code (small fuel, so
//! every run ends), and must print the same, end the same way and leave
//! the same feedback. This reaches opcode combinations and operand values
//! the compiler never emits.
//! `JOLT_RANDOM_CASES=n` changes the number of inputs tried.

use jolt::bytecode::{verify, Const, FuncKind, FuncProto, Handler, Insn};
use jolt::jit::baseline::run::BaselineCache;
use jolt::runtime::{Options, Throw, Value, Vm};
use jolt::tier::run_script_baseline;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

/// A random prototype over the opcodes whose operands the interpreter may
/// hold any value in (context, super, class and iterator opcodes trust
/// invariants the compiler keeps and the verifier does not check, so they
/// are left out), with forward jumps, back-edge `loop`s, try handlers, and
/// values chosen to hit every fast-path edge (int32 limits, -0, NaN,
/// numeric strings, objects).
fn proto_from(seed: u64) -> Option<FuncProto> {
    let mut r = Rng(seed | 1);
    let nregs: u16 = 10;
    let reg = |r: &mut Rng| 2 + (r.next() % (nregs as u64 - 2)) as u16;
    let consts = vec![
        Const::Num(-0.0),
        Const::Num(f64::NAN),
        Const::Num(0.5),
        Const::Num(2147483648.0),
        Const::Str(Rc::from(utf16("1"))),
        Const::Str(Rc::from(utf16("x"))),
        Const::Str(Rc::from(utf16("length"))),
        Const::Str(Rc::from(utf16("Math"))),
    ];
    let n = 4 + (r.next() % 40) as usize;
    let imms = [0, 1, -1, 2, 31, 32, 65536, i32::MAX, i32::MIN, -65536];
    let mut code = Vec::new();
    for pc in 0..n {
        let (a, b, c) = (reg(&mut r), reg(&mut r), reg(&mut r));
        let fb = (r.next() % 4) as u16;
        let name = 5 + (r.next() % 3) as u16;
        let fwd = 1 + (r.next() % 6) as i32;
        let k = (r.next() % consts.len() as u64) as u16;
        let i = imms[(r.next() % imms.len() as u64) as usize];
        let back = -((r.next() % (pc as u64 + 1)) as i32) - 1;
        use Insn::*;
        let all = [
            Mov { dst: a, src: b },
            LdConst { dst: a, k },
            LdInt { dst: a, imm: i },
            LdInt { dst: b, imm: i },
            LdUndef { dst: a },
            LdNull { dst: a },
            LdTrue { dst: a },
            LdFalse { dst: a },
            Add {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Sub {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Mul {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Div {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Mod {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Exp {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            BitAnd {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            BitOr {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            BitXor {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Shl {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Shr {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            UShr {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Eq {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Ne {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            StrictEq {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            StrictNe {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Lt {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Le {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Gt {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Ge {
                dst: a,
                a: b,
                b: c,
                fb,
            },
            Neg { dst: a, src: b, fb },
            ToNumber { dst: a, src: b },
            BitNot { dst: a, src: b, fb },
            Not { dst: a, src: b },
            Inc { dst: a, src: b, fb },
            Dec { dst: a, src: b, fb },
            TypeOf { dst: a, src: b },
            ToString { dst: a, src: b },
            Jmp { off: fwd },
            JmpTrue { src: a, off: fwd },
            JmpFalse { src: a, off: fwd },
            JmpNullish { src: a, off: fwd },
            JmpNotNullish { src: a, off: fwd },
            JmpUndef { src: a, off: fwd },
            Loop { off: back },
            GetGlobalOrUndef { dst: a, name },
            GetProp {
                dst: a,
                obj: b,
                name,
                fb,
            },
            SetProp {
                obj: a,
                name,
                src: b,
                fb,
            },
            GetElem {
                dst: a,
                obj: b,
                key: c,
                fb,
            },
            SetElem {
                obj: a,
                key: b,
                src: c,
                fb,
            },
            NewObject { dst: a },
            NewArray { dst: a, n: 2 },
            Throw { src: a },
            CheckTdz { src: a, name },
            Nop {},
        ];
        let mut insn = all[(r.next() % all.len() as u64) as usize];
        if let Some(off) = insn.jump_mut() {
            // Keep forward jumps inside the code (the last insn is a return).
            if *off > 0 && pc as i32 + 1 + *off > n as i32 {
                *off = n as i32 - pc as i32 - 1;
            }
        }
        code.push(insn);
    }
    code.push(Insn::Return { src: reg(&mut r) });
    let len = code.len() as u32;
    let mut handlers = Vec::new();
    if r.next().is_multiple_of(2) {
        let start = (r.next() % len as u64) as u32;
        let end = start + (r.next() % (len - start) as u64) as u32;
        // Handlers target code after their range: a backward handler could
        // loop forever without spending fuel (in both tiers).
        let target = end + (r.next() % (len - end) as u64) as u32;
        handlers.push(Handler {
            start,
            end,
            target,
            exc: reg(&mut r),
        });
    }
    let p = FuncProto::new(
        "random".into(),
        FuncKind::Script,
        0,
        false,
        nregs,
        0,
        code,
        consts,
        vec![],
        handlers,
        4,
        vec![],
    );
    verify::verify(&p).ok()?;
    Some(p)
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// (stdout, how it ended) — errors by their uncaught line.
fn outcome(vm: &Vm, r: Result<Value, Throw>) -> (String, String) {
    let end = match r {
        Ok(_) => "ok".to_string(),
        Err(Throw::Error) => format!("error {}", jolt::uncaught_line(vm, vm.exception)),
        Err(t) => format!("{t:?}"),
    };
    (String::from_utf8_lossy(&vm.out).into_owned(), end)
}

fn run(seed: u64, baseline: bool) -> Option<(String, String, Vec<u64>)> {
    let p = Rc::new(proto_from(seed)?);
    let opts = Options {
        fuel: Some(2_000),
        max_depth: 200,
        ..Options::default()
    };
    let mut vm = Vm::new(opts);
    let r = if baseline {
        let mut cache = BaselineCache::new(64 << 20);
        let r = run_script_baseline(&mut vm, p.clone(), &mut cache);
        assert!(cache.failures.is_empty(), "{:?}", cache.failures);
        r
    } else {
        vm.run_script(p.clone())
    };
    let (out, end) = outcome(&vm, r);
    Some((out, end, p.feedback.iter().map(|c| c.get()).collect()))
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_verified_bytecode_matches_the_interpreter() {
    let cases: usize = std::env::var("JOLT_RANDOM_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3_000);
    let (accepted, compared, failures) = std::thread::Builder::new()
        .stack_size(1 << 28)
        .spawn(move || {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
            let (mut accepted, mut compared) = (0, 0);
            let mut failures = Vec::new();
            // Interpreter panics (debug assertions on states the verifier
            // allows but the compiler never makes) are not our subject:
            // those inputs are skipped, silently.
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            for _ in 0..cases {
                let seed = rng.next();
                if proto_from(seed).is_none() {
                    continue;
                }
                accepted += 1;
                let Ok(Some(interp)) = catch_unwind(AssertUnwindSafe(|| run(seed, false))) else {
                    continue;
                };
                compared += 1;
                let base = run(seed, true).expect("verified");
                if interp != base {
                    let p = proto_from(seed).unwrap();
                    failures.push(format!(
                        "{}\ninterp   {interp:?}\nbaseline {base:?}",
                        jolt::bytecode::text::print(&p)
                    ));
                }
            }
            std::panic::set_hook(hook);
            (accepted, compared, failures)
        })
        .unwrap()
        .join()
        .unwrap();
    println!("{accepted} verified, {compared} compared");
    assert!(
        failures.is_empty(),
        "{} differences; first:\n{}",
        failures.len(),
        failures[0]
    );
}
