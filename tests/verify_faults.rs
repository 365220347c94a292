//! The fault-injection catalogue (`src/faults.rs`): with the
//! `fault-injection` feature, cheap faults make `verify::check` report a
//! divergence on a small fixed program; without it, no fault is ever
//! injected and none can be switched on.
//!
//! The active fault is process-global, so the feature tests run one after
//! another under a lock (cargo runs tests of one binary on threads).

use jolt::verify::faults::Fault;

#[test]
fn names_round_trip_and_are_distinct() {
    let mut names: Vec<&str> = Fault::ALL.iter().map(|f| f.name()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), Fault::ALL.len(), "two faults share a name");
    for f in Fault::ALL {
        assert_eq!(Fault::from_name(f.name()), Some(f));
        assert!(f.name().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    }
    assert_eq!(
        Fault::from_name("sub-operand-order"),
        Some(Fault::SubOperandOrder)
    );
    assert_eq!(Fault::from_name("no-such-fault"), None);
}

#[cfg(not(feature = "fault-injection"))]
#[test]
fn without_the_feature_nothing_is_injected() {
    for f in Fault::ALL {
        assert!(!f.injected(), "{f} injected without the feature");
    }
    assert!(!Fault::supported());
    let e = Fault::activate_by_name("sub-operand-order").unwrap_err();
    assert_eq!(e.to_string(), "jolt was built without fault-injection");
    assert!(Fault::set_active(Some(Fault::SubOperandOrder)).is_err());
    for f in Fault::ALL {
        assert!(!f.injected());
    }
    // `injected` is a const fn without the feature: usable in consts, so
    // the optimizer sees a literal `false` at every injection site.
    const { assert!(!Fault::SubOperandOrder.injected()) };
}

#[cfg(feature = "fault-injection")]
mod with_feature {
    use jolt::verify::faults::Fault;
    use jolt::verify::{self, Plan};
    use std::sync::Mutex;

    static LOCK: Mutex<()> = Mutex::new(());

    const PLANS: &[Plan] = &[Plan::Interp, Plan::Baseline];

    /// Runs `src` under the interpreter and baseline code with `fault`
    /// active, and asserts a divergence (and none without the fault).
    fn assert_detected(fault: Fault, src: &str) {
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        Fault::set_active(None).unwrap();
        if let Err(d) = verify::check(src, PLANS) {
            panic!("{fault}: diverges without the fault:\n{d}");
        }
        Fault::set_active(Some(fault)).unwrap();
        assert!(fault.injected());
        let r = verify::check(src, PLANS);
        Fault::set_active(None).unwrap();
        match r {
            Err(d) => {
                assert_eq!((d.left, d.right), (Plan::Interp, Plan::Baseline), "{d}");
            }
            Ok(()) => panic!("{fault} was not detected"),
        }
    }

    /// Liveness that drops a live register is caught by the poison plan
    /// (and only by it: the plain interpreter agrees with baseline code).
    #[test]
    fn liveness_drops_live_register_is_detected() {
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let src = "function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }\nprint(f(10));\n";
        let plans = [Plan::Interp, Plan::InterpPoisonDead];
        Fault::set_active(None).unwrap();
        if let Err(d) = verify::check(src, &plans) {
            panic!("diverges without the fault:\n{d}");
        }
        Fault::set_active(Some(Fault::LivenessDropsLiveRegister)).unwrap();
        let r = verify::check(src, &plans);
        let base = verify::check(src, &[Plan::Interp, Plan::Baseline]);
        Fault::set_active(None).unwrap();
        let d = r.expect_err("liveness-drops-live-register was not detected");
        assert_eq!(
            (d.left, d.right),
            (Plan::Interp, Plan::InterpPoisonDead),
            "{d}"
        );
        assert!(base.is_ok(), "the fault changes more than the poison plan");
    }

    /// `drive_jobs` buckets findings by signature across workers: the hits
    /// add up to the divergences, and each bucket is minimized once.
    #[test]
    fn parallel_fuzzing_buckets_findings() {
        use jolt::verify::fuzz::{drive_jobs, DriveOptions, Target, DRIVE_INPUT_LEN};
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        Fault::set_active(Some(Fault::WrongConditionCode)).unwrap();
        let opts = DriveOptions {
            seconds: 3.0,
            seed: 5,
            target: Target::Source,
            corpus_dir: None,
            input_len: DRIVE_INPUT_LEN,
            node: false,
            stop_at_first: false,
            cov_dir: None,
            max_execs: None,
        };
        let sum = drive_jobs(&opts, 2, &mut |_| {});
        Fault::set_active(None).unwrap();
        assert!(sum.stats.divergences > 1, "{}", sum.stats);
        let hits: u64 = sum.findings.values().sum();
        assert_eq!(hits, sum.stats.divergences);
        assert!(sum.findings.len() < sum.stats.divergences as usize);
        assert_eq!(sum.minimized.len(), sum.findings.len());
    }

    // The warm-up faults: each shows only once a site's cache is filled
    // and the program then changes what the site sees (the JIT-shaped
    // patterns of `verify::patterns` generate exactly these programs).

    #[test]
    fn frozen_element_store_is_detected() {
        assert_detected(
            Fault::FrozenElementStore,
            "const a = [1, 2, 3];\nfunction w(a, i, v) { a[i] = v; return a[i]; }\nfor (let i = 0; i < 5; i++) w(a, i % 3, i);\nObject.freeze(a);\ntry { w(a, 1, 99); } catch (e) { print(e.name); }\nprint(a.join());\n",
        );
    }

    #[test]
    fn inline_floor_truncates_is_detected() {
        // `fl` tiers up with `Math.floor` in its call feedback (auto plans)
        // and then floors negative non-integers inline.
        let src = "function fl(x) { return Math.floor(x); }\nlet s = 0;\nfor (let i = 0; i < 40; i++) s += fl(i / 4 - 5);\nprint(s, fl(-2.5), fl(2.5));\n";
        let plans = &[Plan::Interp, Plan::AutoThreshold(2)];
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        Fault::set_active(None).unwrap();
        assert!(verify::check(src, plans).is_ok());
        Fault::set_active(Some(Fault::InlineFloorTruncates)).unwrap();
        let r = verify::check(src, plans);
        Fault::set_active(None).unwrap();
        let d = r.expect_err("inline-floor-truncates was not detected");
        assert_eq!(d.right, Plan::AutoThreshold(2), "{d}");
    }

    #[test]
    fn transition_shape_unchecked_is_detected() {
        assert_detected(
            Fault::TransitionShapeUnchecked,
            "function t(o, v) { o.n = v; return o; }\nfor (let i = 0; i < 5; i++) t({}, i);\nprint(JSON.stringify(t({ a: 1 }, 2)));\n",
        );
    }

    #[test]
    fn keyed_shape_check_skipped_is_detected() {
        assert_detected(
            Fault::KeyedShapeCheckSkipped,
            "function g(o, k) { return o[k]; }\nconst o1 = { a: 1, b: 2 }; const o2 = { b: 20, a: 10 };\nlet s = 0;\nfor (let i = 0; i < 6; i++) s += g(i & 1 ? o2 : o1, \"a\");\nprint(s, g(o2, \"a\"), g(o1, \"a\"));\n",
        );
    }

    #[test]
    fn getter_wrong_receiver_is_detected() {
        assert_detected(
            Fault::GetterWrongReceiver,
            "const pr = { get v() { return this.id; } };\nconst a = Object.create(pr); a.id = 1;\nfunction v(o) { return o.v; }\nlet s = 0;\nfor (let i = 0; i < 5; i++) s += v(a);\nprint(s);\n",
        );
    }

    #[test]
    fn global_cache_stale_is_detected() {
        let src = "globalThis.gv = 1;\nfunction rg() { return gv; }\nlet s = 0;\nfor (let i = 0; i < 5; i++) s += rg();\nObject.defineProperty(globalThis, \"gv\", { get() { return 42; }, configurable: true });\nprint(s, rg(), rg());\n";
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        Fault::set_active(None).unwrap();
        assert!(verify::check(src, PLANS).is_ok());
        Fault::set_active(Some(Fault::GlobalCacheStale)).unwrap();
        let r = verify::check(src, PLANS);
        Fault::set_active(None).unwrap();
        // Baseline code reads the accessor pair as the global's value.
        let d = r.expect_err("global-cache-stale was not detected");
        assert_eq!(d.left, Plan::Baseline, "{d}");
    }

    /// A method inlined into a hot loop (`auto-opt-2`) whose field turns
    /// into a double after warm-up: the deopt inside it rebuilds the
    /// method's frame, whose `this` the fault gets wrong.
    #[test]
    fn inlined_wrong_receiver_is_detected() {
        let src = "class C { constructor() { this.n = 0; } step(d) { this.n += d; return this.n; } }\nconst c = new C();\nfunction run(k) { let s = 0; for (let i = 0; i < k; i++) s += c.step(i & 3); return s; }\nlet t = 0;\nfor (let r = 0; r < 20; r++) t += run(50);\nc.n = 0.5;\nt += run(50);\nprint(t, c.n);\n";
        assert_opt_fault_detected(Fault::InlinedWrongReceiver, src);
    }

    /// A load through two receivers of one prototype chain (tier 2's
    /// polymorphic `LoadProp` with inherited cases), optimized after two
    /// calls; then the prototype's `k` becomes a getter: its shape
    /// changes, and the fault reads the slot (the accessor pair) anyway.
    #[test]
    fn proto_shape_unchecked_is_detected() {
        let src = "const base = { k: 1 };\nconst mid = Object.create(base);\nconst o = Object.create(mid); o.a = 1;\nconst q = Object.create(mid); q.b = 1;\nfunction r(x) { return x.k; }\nfunction run(n) { let s = 0; for (let i = 0; i < n; i++) s += r(i & 1 ? o : q); return s; }\nlet t = 0;\nfor (let k = 0; k < 20; k++) t += run(50);\nObject.defineProperty(base, \"k\", { get() { return 6; }, configurable: true });\nprint(t, run(4), r(o), r(q));\n";
        assert_opt_fault_detected(Fault::ProtoShapeUnchecked, src);
    }

    /// A call site that saw two methods (tier 2 inlines both behind a
    /// dispatch), optimized after two calls: the fault runs the first
    /// one's body for the other class too.
    #[test]
    fn poly_callee_unchecked_is_detected() {
        let src = "class A { constructor() { this.v = 1; } f() { return 1; } }\nclass B { constructor() { this.v = 1; } f() { return 2; } }\nconst a = new A(), b = new B();\nfunction run(n) { let s = 0; for (let i = 0; i < n; i++) s += (i & 1 ? a : b).f(); return s; }\nlet t = 0;\nfor (let k = 0; k < 20; k++) t += run(50);\nprint(t, run(3));\n";
        assert_opt_fault_detected(Fault::PolyCalleeUnchecked, src);
    }

    /// Nine int32s live at once take r14 and r15 in tier 2; the `+` of a
    /// string or a double after them is generic (baseline code, which
    /// records its feedback through r14). The fault leaves a value in r14
    /// there, so the feedback write goes astray (a crash: run as a child).
    #[test]
    fn feedback_not_repinned_is_detected() {
        let src = "function f(n, p) { let a = n + 1, b = n + 2, c = n + 3, d = n + 4, e = n + 5, g = n + 6, h = n + 7, k = n + 8, m = n + 9;\n  const s = p + a;\n  return (typeof s === \"string\" ? s.length : s) + a * b + c * d + e * g + h * k + m;\n}\nlet t = 0;\nfor (let i = 0; i < 200; i++) t += f(i, i & 1 ? \"x\" : 1.5);\nprint(t, f(5, \"y\"));\n";
        // node prints this.
        let good = (true, "11355397 396\n".to_string());
        assert_eq!(run_child(src, None), good);
        assert_ne!(
            run_child(src, Some("feedback-not-repinned")),
            good,
            "not detected"
        );
    }

    /// Runs `src` in the jolt binary (auto tiers, optimized after two
    /// calls), with `fault` injected: (exited normally, stdout).
    fn run_child(src: &str, fault: Option<&str>) -> (bool, String) {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("jolt-fault-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("t.js");
        std::fs::write(&file, src).unwrap();
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_jolt"));
        if let Some(f) = fault {
            c.args(["--fault", f]);
        }
        c.args(["--jit-threshold=1", "--opt-threshold=2"])
            .arg(&file);
        let o = c.output().unwrap();
        std::fs::remove_dir_all(&dir).ok();
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    }

    /// A call inlined into an inlined callee (two levels, optimized after
    /// two calls) whose addition overflows after warm-up: the deopt
    /// rebuilds both callee frames, and the fault writes the innermost one
    /// at the wrong window. The rebuilt frame's callee slot then holds no
    /// function, which aborts the process (as the fuzzer's child: a crash
    /// finding), so this runs the binary rather than `verify::check`.
    #[test]
    fn nested_inline_frame_misplaced_is_detected() {
        let src = "function inner(a, k) { return a + k; }\nfunction middle(a, b) { const t = inner(a, b); return t + b; }\nfunction run(k, base) { let s = 0; for (let i = 0; i < k; i++) s += middle(base + i, 7) % 1000; return s; }\nlet t = 0;\nfor (let r = 0; r < 20; r++) t += run(50, r);\nt += run(50, 2147483630);\nprint(t);\n";
        // node prints 81425.
        assert_eq!(run_child(src, None), (true, "81425\n".to_string()));
        let bad = run_child(src, Some("nested-inline-frame-misplaced"));
        assert_ne!(bad, (true, "81425\n".to_string()), "not detected");
    }

    /// The tier-2 loop faults: a hot call-free loop, optimized after a few
    /// calls (`auto-opt-2`), whose invariant guard moves out of it.
    fn assert_loop_fault_detected(fault: Fault) {
        let src = "const K = 3;\nfunction f(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * K; return s; }\nconst a = [1, 2, 3, 4, 5, 6, 7, 8];\nlet t = 0;\nfor (let k = 0; k < 40; k++) t += f(a);\nprint(t);\n";
        assert_opt_fault_detected(fault, src);
    }

    /// A tier-2 fault in `src`: the interpreter and `auto-opt-2` agree
    /// without it and differ with it.
    fn assert_opt_fault_detected(fault: Fault, src: &str) {
        let plans = &[Plan::Interp, Plan::AutoOpt(2)];
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        Fault::set_active(None).unwrap();
        if let Err(d) = verify::check(src, plans) {
            panic!("{fault}: diverges without the fault:\n{d}");
        }
        Fault::set_active(Some(fault)).unwrap();
        let r = verify::check(src, plans);
        Fault::set_active(None).unwrap();
        let d = r.expect_err(&format!("{fault} was not detected"));
        assert!([d.left, d.right].contains(&Plan::AutoOpt(2)), "{d}");
    }

    #[test]
    fn hoisted_guard_keeps_loop_state_is_detected() {
        assert_loop_fault_detected(Fault::HoistedGuardKeepsLoopState);
    }

    #[test]
    fn fuel_not_returned_at_exit_is_detected() {
        assert_loop_fault_detected(Fault::FuelNotReturnedAtExit);
    }

    #[test]
    fn closed_form_skips_fuel_is_detected() {
        // 30 calls of 3,000 iterations each: past the default fuel in the
        // interpreter; the optimized closed form must spend the same.
        let src = "function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }\nlet t = 0;\nfor (let k = 0; k < 30; k++) { t = (t + f(3000 + k)) | 0; print(k, t); }\n";
        let plans = &[Plan::Interp, Plan::AutoOpt(2)];
        let cfg = jolt::verify::Config {
            fuel: 50_000,
            ..jolt::verify::Config::default()
        };
        let check = || verify::check_with(jolt::verify::Program::Source(src), plans, &cfg);
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        Fault::set_active(None).unwrap();
        if let Err(d) = check() {
            panic!("diverges without the fault:\n{d}");
        }
        Fault::set_active(Some(Fault::ClosedFormSkipsFuel)).unwrap();
        let r = check();
        Fault::set_active(None).unwrap();
        let d = r.expect_err("closed-form-skips-fuel was not detected");
        assert!([d.left, d.right].contains(&Plan::AutoOpt(2)), "{d}");
    }

    #[test]
    fn sub_operand_order_is_detected() {
        assert_detected(
            Fault::SubOperandOrder,
            "let a = 10; let b = 3; print(a - b);\n",
        );
    }

    #[test]
    fn wrong_condition_code_is_detected() {
        assert_detected(
            Fault::WrongConditionCode,
            "let n = 0; for (let i = 0; i < 5; i++) n++; print(n, 3 < 3);\n",
        );
    }

    #[test]
    fn overflow_check_dropped_is_detected() {
        assert_detected(
            Fault::OverflowCheckDropped,
            "let a = 2147483647; let b = 1; print(a + b);\n",
        );
    }

    #[test]
    fn fuel_not_decremented_is_detected() {
        // Runs out of the default fuel in the interpreter only.
        assert_detected(
            Fault::FuelNotDecremented,
            "let n = 0; for (let i = 0; i < 3000000; i++) n++; print(n);\n",
        );
    }

    /// The ABI faults end the baseline run with an ABI report: the dynamic
    /// checks (canaries, reported alignment, the helpers' pinned-register
    /// check) as `AbiViolation`, or, with debug assertions, the static
    /// checker at compile time (a reported panic naming the violation).
    #[test]
    fn abi_faults_are_divergences_not_crashes() {
        use jolt::verify::OutcomeEnd;
        let src = "let s = ''; for (let i = 0; i < 3; i++) s = s + i; print(s, !s);\n";
        for fault in [
            Fault::CalleeSavedNotSaved,
            Fault::MisalignedHelperCall,
            Fault::PinnedRegisterCorrupted,
        ] {
            let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
            Fault::set_active(Some(fault)).unwrap();
            let r = verify::check(src, PLANS);
            Fault::set_active(None).unwrap();
            let d = r.expect_err(fault.name());
            let end = if d.right == Plan::Baseline {
                &d.right_end
            } else {
                &d.left_end
            };
            match end {
                OutcomeEnd::AbiViolation(m) => assert!(!m.is_empty()),
                OutcomeEnd::Panicked(m) => {
                    assert!(
                        cfg!(debug_assertions) && m.contains("breaks the ABI"),
                        "{fault}: {m}"
                    )
                }
                other => panic!("{fault}: {other}"),
            }
            if fault == Fault::PinnedRegisterCorrupted {
                assert!(
                    matches!(end, OutcomeEnd::AbiViolation(m) if m.contains("pinned r12")),
                    "{end}"
                );
            }
        }
    }

    #[test]
    fn set_active_switches_exactly_one_fault() {
        let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        assert!(Fault::supported());
        Fault::set_active(Some(Fault::HandlerOffsetWrong)).unwrap();
        assert_eq!(Fault::active(), vec![Fault::HandlerOffsetWrong]);
        assert_eq!(
            Fault::activate_by_name("gc-root-missing"),
            Ok(Fault::GcRootMissing)
        );
        assert_eq!(Fault::active(), vec![Fault::GcRootMissing]);
        assert!(Fault::activate_by_name("nope").is_err());
        Fault::set_active(None).unwrap();
        assert!(Fault::active().is_empty());
    }
}
