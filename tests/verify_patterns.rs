//! The JIT-shaped patterns (`verify::patterns`): every pattern compiles,
//! is reached by both generators, agrees across every plan and with node
//! (when node is installed), and bytecode programs holding one round-trip
//! through the text form findings are saved in.

use jolt::verify::patterns::{snippet, Pattern};
use jolt::verify::{fuzz, gen_bytecode, gen_source, report, Config, Program, SplitMix};
use std::collections::BTreeMap;

fn bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut r = SplitMix(seed);
    (0..n).map(|_| r.next_u64() as u8).collect()
}

/// Up to `per` snippets of every pattern, from seeds.
fn snippets(per: usize) -> BTreeMap<Pattern, Vec<String>> {
    let mut out: BTreeMap<Pattern, Vec<String>> = BTreeMap::new();
    for seed in 0..2000u64 {
        let data = bytes(seed, 64);
        let mut u = arbitrary::Unstructured::new(&data);
        let (p, lines) = snippet(&mut u, "q").unwrap();
        let v = out.entry(p).or_default();
        if v.len() < per {
            v.push(lines.join("\n") + "\n");
        }
    }
    out
}

#[test]
fn every_pattern_compiles_and_agrees_across_plans() {
    let all = snippets(6);
    assert_eq!(all.len(), Pattern::ALL.len(), "{:?}", all.keys());
    let cfg = Config::default();
    for (p, srcs) in &all {
        for src in srcs {
            let rep = report(Program::Source(src), fuzz::Target::Source.plans(), &cfg);
            let (_, o, _) = &rep.runs[0];
            assert!(
                matches!(o.end, jolt::verify::OutcomeEnd::Normal),
                "{}: {:?}\n{src}",
                p.name(),
                o.end
            );
            assert!(
                rep.divergence.is_none(),
                "{}: {:?}\n{src}",
                p.name(),
                rep.divergence
            );
        }
    }
}

#[test]
fn every_pattern_agrees_with_node() {
    if !std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        eprintln!("node not installed: skipped");
        return;
    }
    for (p, srcs) in snippets(2) {
        for src in srcs {
            let rep = report(
                Program::Source(&src),
                &[jolt::verify::Plan::Interp],
                &Config::default(),
            );
            assert_eq!(
                fuzz::node_divergence(&src, &rep),
                None,
                "{}:\n{src}",
                p.name()
            );
        }
    }
}

#[test]
fn both_generators_emit_every_pattern() {
    let (mut src, mut bc) = (BTreeMap::new(), BTreeMap::new());
    for seed in 0..300u64 {
        let data = bytes(seed, 600);
        let (_, pats) =
            gen_source::generate_counted(&mut arbitrary::Unstructured::new(&data)).unwrap();
        for p in pats {
            *src.entry(p).or_insert(0) += 1;
        }
        let (proto, pats) =
            gen_bytecode::generate_counted(&mut arbitrary::Unstructured::new(&data)).unwrap();
        jolt::bytecode::verify::verify(&proto).unwrap();
        for p in pats {
            *bc.entry(p).or_insert(0) += 1;
        }
    }
    assert_eq!(src.len(), Pattern::ALL.len(), "source: {src:?}");
    assert_eq!(bc.len(), Pattern::ALL.len(), "bytecode: {bc:?}");
    // Often: more than one per program on average.
    assert!(src.values().sum::<i32>() > 300, "{src:?}");
    assert!(bc.values().sum::<i32>() > 300, "{bc:?}");
}

#[test]
fn a_bytecode_program_with_patterns_prints_them_and_round_trips() {
    // The compiled pattern is a child of the generated script: it runs, and
    // the text form (what findings are saved as) keeps it.
    for seed in 0..200u64 {
        let data = bytes(seed, 600);
        let (proto, pats) =
            gen_bytecode::generate_counted(&mut arbitrary::Unstructured::new(&data)).unwrap();
        if pats.is_empty() {
            continue;
        }
        let text = jolt::bytecode::text::print(&proto);
        let back = jolt::bytecode::text::parse(&text).unwrap();
        assert_eq!(jolt::bytecode::text::print(&back), text);
        return;
    }
    panic!("no bytecode program with a pattern in 200 seeds");
}
