//! Replays every seed/regression input of the `asm_roundtrip` fuzz target on
//! stable: bytes -> `Inst` via `arbitrary::Unstructured` -> `roundtrip::check`.

use std::collections::HashSet;
use std::path::Path;

use arbitrary::{Arbitrary, Unstructured};
use jolt::jit::x64::roundtrip::{check, Inst};

#[test]
fn replay_asm_roundtrip_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/asm_roundtrip");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut kinds = HashSet::new();
    let mut failures = Vec::new();
    for f in &files {
        let data = std::fs::read(f).unwrap();
        // Exactly what libfuzzer-sys's `fuzz_target!(|inst: Inst| ..)` does;
        // inputs that make no `Inst` are skipped there, so here too.
        let Ok(inst) = Inst::arbitrary_take_rest(Unstructured::new(&data)) else {
            continue;
        };
        kinds.insert(std::mem::discriminant(&inst));
        if let Err(e) = check(&inst) {
            failures.push(format!("{}: {e}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(files.len() >= 200, "corpus has {} files", files.len());
    // The seeds are made to cover every `Inst` variant (57 of them).
    assert_eq!(kinds.len(), 57, "variants covered by the corpus");
}
