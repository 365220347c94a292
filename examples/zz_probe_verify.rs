use jolt::verify::{self, *};
fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    let src = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let p = jolt::bytecode::text::parse(&src).unwrap();
    let cfg = fuzz::fuzz_config(Schedule::default());
    let plans = [Plan::Interp];
    let mut msgs = std::collections::BTreeMap::new();
    let d0 = verify::report(Program::Bytecode(&p), &plans, &cfg);
    println!("orig: {:?}", d0.runs[0].1.end);
    let mut last_bad = None;
    let min = minimize::minimize_bytecode(&p, &mut |q| {
        let r = verify::report(Program::Bytecode(q), &plans, &cfg);
        if let OutcomeEnd::Panicked(m) = &r.runs[0].1.end {
            *msgs.entry(m.clone()).or_insert(0) += 1;
            if !m.contains("is_cell") {
                last_bad = Some(jolt::bytecode::text::print(q));
            }
            m.contains("is_cell")
        } else {
            false
        }
    });
    println!("{msgs:?}");
    if let Some(b) = last_bad {
        std::fs::write("/tmp/bad-cand.bc", b).unwrap();
    }
    std::fs::write("/tmp/min.bc", jolt::bytecode::text::print(&min)).unwrap();
    println!(
        "{}",
        jolt::bytecode::text::print(&min)
            .lines()
            .filter(|l| !l.contains("const k"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
