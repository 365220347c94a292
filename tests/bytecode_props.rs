//! Property tests of the bytecode layer: the verifier never panics and
//! refuses what it must; the text form round-trips.

use arbitrary::Unstructured;
use jolt::bytecode::{gen, text, verify, FuncProto, Insn};
use proptest::prelude::*;

fn proto_from(bytes: &[u8]) -> Option<FuncProto> {
    gen::arbitrary_proto(&mut Unstructured::new(bytes), 2).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// On any prototype the verifier answers (never panics), and whatever
    /// it accepts prints and parses back to the same text.
    #[test]
    fn verifier_total_and_text_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Some(p) = proto_from(&bytes) {
            let printed = text::print(&p);
            let back = text::parse(&printed).expect("printed text parses");
            prop_assert_eq!(text::print(&back), printed);
            let v1 = verify::verify(&p);
            let v2 = verify::verify(&back);
            prop_assert_eq!(v1.is_ok(), v2.is_ok());
        }
    }

    /// The text parser never panics on arbitrary text.
    #[test]
    fn text_parser_total(s in "\\PC{0,300}") {
        let _ = text::parse(&s);
    }
}

fn minimal(code: Vec<Insn>, nregs: u16) -> FuncProto {
    FuncProto::new(
        "f".into(),
        jolt::bytecode::FuncKind::Normal,
        0,
        false,
        nregs,
        0,
        code,
        vec![],
        vec![],
        vec![],
        1,
        vec![],
    )
}

#[test]
fn verifier_refuses_each_kind_of_malformation() {
    let ok = minimal(vec![Insn::LdUndef { dst: 2 }, Insn::Return { src: 2 }], 3);
    assert!(verify::verify(&ok).is_ok());
    let cases: Vec<(FuncProto, &str)> = vec![
        (
            minimal(vec![Insn::LdUndef { dst: 3 }, Insn::Return { src: 2 }], 3),
            "out of range",
        ),
        (
            minimal(vec![Insn::Jmp { off: 5 }, Insn::Return { src: 2 }], 3),
            "out of range",
        ),
        (
            minimal(vec![Insn::Jmp { off: -1 }, Insn::Return { src: 2 }], 3),
            "out of range",
        ),
        (minimal(vec![Insn::LdUndef { dst: 2 }], 3), "falls off"),
        (minimal(vec![], 3), "empty"),
        (
            minimal(
                vec![Insn::LdConst { dst: 2, k: 0 }, Insn::Return { src: 2 }],
                3,
            ),
            "out of range",
        ),
        (
            minimal(
                vec![
                    Insn::Call {
                        dst: 2,
                        base: 2,
                        argc: 5,
                        fb: 0,
                    },
                    Insn::Return { src: 2 },
                ],
                4,
            ),
            "call window",
        ),
        (
            minimal(vec![Insn::Loop { off: 0 }, Insn::Return { src: 2 }], 3),
            "backwards",
        ),
        (
            minimal(
                vec![Insn::Closure { dst: 2, func: 0 }, Insn::Return { src: 2 }],
                3,
            ),
            "out of range",
        ),
        (minimal(vec![Insn::Return { src: 0 }], 1), "register count"),
    ];
    // A handler whose target is inside its own region loops by throwing
    // without spending fuel (found by the harness: corpus/bytecode_diff/
    // bug-handler-backward-no-fuel.bc).
    let mut looping = minimal(
        vec![
            Insn::LdUndef { dst: 2 },
            Insn::Throw { src: 2 },
            Insn::Return { src: 2 },
        ],
        3,
    );
    looping.handlers.push(jolt::bytecode::Handler {
        start: 0,
        end: 2,
        target: 0,
        exc: 2,
    });
    let e = verify::verify(&looping).expect_err("backward handler");
    assert!(e.to_string().contains("handler"), "{e}");
    for (p, why) in cases {
        let e = verify::verify(&p).expect_err(why);
        assert!(e.to_string().contains(why), "{e} should mention {why}");
    }
}

#[test]
fn compiled_programs_verify_and_round_trip() {
    let src = "function f(a, b = 2, ...r) { let s = 0; for (let i = 0; i < a; i++) { s += i * b; } try { throw s } catch (e) { return e + r.length } finally { s = 0 } }\nclass C extends Object { x = 1; m() { return super.toString(); } }\nprint(f(3), new C().x);";
    let p = jolt::compile_source(src, "t.js").expect("compiles");
    verify::verify(&p).unwrap();
    let printed = text::print(&p);
    let back = text::parse(&printed).unwrap();
    assert_eq!(text::print(&back), printed);
}
