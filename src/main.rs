//! The `jolt` command line: `jolt [options] FILE.js`, `jolt -e CODE`,
//! the harness subcommands `jolt diff` and `jolt fuzz`, and the benchmark
//! runner's hooks `jolt bench-compile` and `jolt bench-harness`.

use jolt::runtime::Options;
use jolt::verify::faults::Fault;
use jolt::End;
use std::process::ExitCode;

/// Small Rust allocations from per-thread free lists (see `jolt::smalloc`:
/// glibc's malloc was a fifth of `jolt fuzz`).
#[global_allocator]
static ALLOC: jolt::smalloc::SmallAlloc = jolt::smalloc::SmallAlloc;

const USAGE: &str = "\
usage: jolt [options] FILE.js
       jolt [options] -e CODE
       jolt diff FILE.js [--node] [--plans P,Q,..] [--fuel N]
       jolt diff FILE|DIR... [--jobs N] [--report-json F] [--report-junit F]
                             (many programs in parallel: a line per file, a
                             summary; exit 1 if any diverged)
       jolt fuzz --seconds N [--seed S] [--target bytecode|source|gc] [--node]
                 [--fault NAME] [--stop-on-first] [--json-stats FILE] [--jobs N]
                 [--cov-corpus DIR] (coverage-guided inputs kept between runs;
                 default target/jolt-fuzz/TARGET)
       jolt bench-compile [FILE.js ..]
       jolt bench-harness [--seconds N] [--seed S] [--targets bytecode,source,gc]
                          [--execs N] (stop after N executions per target)

Runs a JavaScript program (the subset described in language.md).

options:
  -e CODE              run CODE instead of a file
  --print-bytecode     print the compiled bytecode and exit
  --tier=TIER          interp, baseline (every function compiled on first
                       call), opt (every function optimized on first call)
                       or auto (the default: baseline once hot, then optimized)
  --jit-threshold=N    calls or loop back edges before auto compiles (500)
  --opt-threshold=N    calls or back edges of baseline code before auto
                       optimizes (2000; 0 = never)
  --print-ir[=PASS]    print the optimizing tier's IR after each pass (or one:
                       build, fold, gvn, jumps, licm, range, bce, scev,
                       fuel, dce)
  --trace-opt          same as --trace-tier (what was optimized, recompiled)
  --trace-deopt        report each deoptimization: function, pc, line:col, reason
  --deopt-every=K      harness: every K-th guard in optimized code deopts
  --simd=MODE          vector loops in tier 2: auto (AVX2 when the CPU has it,
                       else SSE2; env JOLT_SIMD overrides), off, sse2, avx2
  --opt-regs=N         harness: tier 2 allocates at most N registers per class
  --print-code         print each function's baseline code as it is compiled
  --trace-tier         report which function went to which tier, and why
  --perf-map           write /tmp/perf-PID.map so perf names JIT code
  --abi-check          checked ABI mode: canaries around JIT entries and reported
                       (not trapping) stack-alignment failures; exit 70 on a violation
  --code-space=SIZE    executable memory for JIT code (default 64M); when it
                       runs out, functions stay in the interpreter
  --gc-stress          collect garbage at every allocation
  --verify-heap        verify the heap after every collection
  --max-heap=SIZE      heap limit, e.g. 64M or 2G (default 4G)
  --fuel=N             stop after N loop iterations/calls (exit status 3)
  --fault NAME         inject a JIT fault (builds with --features
                       fault-injection; see src/faults.rs)
  -h, --help           show this help
  -V, --version        show the version

exit status: 0 normal, 1 uncaught error or syntax error, 2 usage error,
3 out of fuel, 4 out of memory
";

fn parse_size(s: &str) -> Option<usize> {
    let (num, mul) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1 << 10),
        'm' | 'M' => (&s[..s.len() - 1], 1 << 20),
        'g' | 'G' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<usize>().ok()?.checked_mul(mul)
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("jolt: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("diff") => return diff_main(std::env::args().skip(2).collect()),
        Some("fuzz") => return fuzz_main(std::env::args().skip(2).collect()),
        Some("bench-compile") => return bench_compile_main(std::env::args().skip(2).collect()),
        Some("bench-harness") => return bench_harness_main(std::env::args().skip(2).collect()),
        _ => {}
    }
    // The library's default is the interpreter (the reference); people
    // running programs get auto tiering.
    let mut opts = Options {
        tier: jolt::tier::Tier::Auto,
        ..Options::default()
    };
    let mut print_bytecode = false;
    let mut file: Option<String> = None;
    let mut code: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("jolt {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "-e" => match args.next() {
                Some(c) => code = Some(c),
                None => return usage_error("-e needs an argument"),
            },
            "--print-bytecode" => print_bytecode = true,
            "--gc-stress" => opts.gc_stress = true,
            "--verify-heap" => opts.verify_heap = true,
            _ if a.starts_with("--max-heap=") => match parse_size(&a["--max-heap=".len()..]) {
                Some(n) => opts.max_heap = n,
                None => return usage_error(&format!("bad heap size in {a}")),
            },
            _ if a.starts_with("--fuel=") => match a["--fuel=".len()..].parse() {
                Ok(n) => opts.fuel = Some(n),
                Err(_) => return usage_error(&format!("bad fuel in {a}")),
            },
            _ if a.starts_with("--tier=") => match jolt::tier::Tier::parse(&a["--tier=".len()..]) {
                Some(t) => opts.tier = t,
                None => {
                    return usage_error(&format!(
                        "unknown tier in {a} (interp, baseline, opt, auto)"
                    ))
                }
            },
            _ if a.starts_with("--jit-threshold=") => match a["--jit-threshold=".len()..].parse() {
                Ok(n) => opts.jit_threshold = n,
                Err(_) => return usage_error(&format!("bad threshold in {a}")),
            },
            _ if a.starts_with("--opt-threshold=") => match a["--opt-threshold=".len()..].parse() {
                Ok(n) => opts.opt_threshold = n,
                Err(_) => return usage_error(&format!("bad threshold in {a}")),
            },
            _ if a.starts_with("--deopt-every=") => match a["--deopt-every=".len()..].parse() {
                Ok(n) => opts.deopt_every = n,
                Err(_) => return usage_error(&format!("bad count in {a}")),
            },
            _ if a.starts_with("--opt-regs=") => match a["--opt-regs=".len()..].parse() {
                Ok(n) => opts.opt_regs = n,
                Err(_) => return usage_error(&format!("bad count in {a}")),
            },
            _ if a.starts_with("--simd=") => match jolt::tier::Simd::parse(&a["--simd=".len()..]) {
                Some(m) => opts.simd = m,
                None => {
                    return usage_error(&format!("unknown mode in {a} (auto, off, sse2, avx2)"))
                }
            },
            "--print-ir" => opts.print_ir = Some(String::new()),
            _ if a.starts_with("--print-ir=") => {
                opts.print_ir = Some(a["--print-ir=".len()..].to_string())
            }
            "--trace-opt" => opts.trace_tier = true,
            "--trace-deopt" => opts.trace_deopt = true,
            "--print-code" => opts.print_code = true,
            _ if a.starts_with("--code-space=") => match parse_size(&a["--code-space=".len()..]) {
                Some(n) => opts.code_space = n,
                None => return usage_error(&format!("bad code space size in {a}")),
            },
            "--trace-tier" => opts.trace_tier = true,
            "--fault" => match args.next() {
                Some(n) => {
                    if let Err(e) = Fault::activate_by_name(&n) {
                        return usage_error(&e.to_string());
                    }
                }
                None => return usage_error("--fault needs a fault name"),
            },
            "--perf-map" => opts.perf_map = true,
            "--abi-check" => opts.abi_check = true,
            _ if a.starts_with('-') && a.len() > 1 => {
                return usage_error(&format!("unknown option {a}"))
            }
            _ => {
                if file.is_some() {
                    return usage_error("more than one file given");
                }
                file = Some(a);
            }
        }
    }
    let (name, source) = match (code, file) {
        (Some(c), None) => ("[eval]".to_string(), c),
        (None, Some(f)) => match std::fs::read(&f) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => (f, s),
                Err(_) => {
                    eprintln!("jolt: {f}: not valid UTF-8");
                    return ExitCode::from(2);
                }
            },
            Err(e) => {
                eprintln!("jolt: cannot read {f}: {e}");
                return ExitCode::from(2);
            }
        },
        (Some(_), Some(_)) => return usage_error("give either -e CODE or a file, not both"),
        (None, None) => return usage_error("no program given"),
    };
    if print_bytecode {
        return match jolt::compile_source(&source, &name) {
            Ok(p) => {
                print!("{}", jolt::bytecode::text::print(&p));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        };
    }
    // The engine runs on its own thread with a large stack: natives that
    // call back into JavaScript nest on the Rust stack.
    let runner = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || jolt::run(&source, &name, opts, true).end)
        .expect("cannot start the engine thread");
    let end = match runner.join() {
        Ok(end) => end,
        Err(_) => {
            eprintln!("jolt: internal error (the engine panicked)");
            return ExitCode::from(70);
        }
    };
    match end {
        End::Normal => ExitCode::SUCCESS,
        End::Uncaught { line, position } => {
            match position {
                Some((l, c)) => eprintln!("Uncaught {line}\n    at {}:{l}:{c}", file_label()),
                None => eprintln!("Uncaught {line}"),
            }
            ExitCode::from(1)
        }
        End::SyntaxError(rendered) => {
            eprintln!("{rendered}");
            ExitCode::from(1)
        }
        End::OutOfFuel => {
            eprintln!("jolt: out of fuel");
            ExitCode::from(3)
        }
        End::OutOfMemory => {
            eprintln!("jolt: out of memory (the heap limit was reached)");
            ExitCode::from(4)
        }
        End::AbiViolation(report) => {
            eprintln!("jolt: ABI violation in JIT code: {report}");
            ExitCode::from(70)
        }
        // The command line sets neither a work budget nor a deadline.
        End::Aborted(a) => {
            eprintln!("jolt: stopped by the harness ({a:?})");
            ExitCode::from(3)
        }
    }
}

fn file_label() -> String {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--fault" || a == "-e" {
            args.next();
        } else if !a.starts_with('-') {
            return a;
        }
    }
    "[eval]".into()
}

/// `jolt diff FILE.js`: runs the file under every plan (and node with
/// `--node`), prints a report; exit 1 on any divergence.
fn diff_main(args: Vec<String>) -> ExitCode {
    use jolt::verify::{self, Config, Plan, Program};
    let mut files: Vec<String> = Vec::new();
    let mut node = false;
    let mut plans: Vec<Plan> = Plan::DEFAULT.to_vec();
    let mut cfg = Config::default();
    let mut json: Option<String> = None;
    let mut junit: Option<String> = None;
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--node" => node = true,
            "--plans" => {
                let Some(list) = it.next() else {
                    return usage_error("--plans needs a list");
                };
                plans.clear();
                for n in list.split(',') {
                    match Plan::from_name(n) {
                        Some(p) => plans.push(p),
                        None => return usage_error(&format!("unknown plan {n}")),
                    }
                }
            }
            "--fuel" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => cfg.fuel = n,
                None => return usage_error("--fuel needs a number"),
            },
            "--jobs" => match it.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) {
                Some(n) => jobs = n,
                None => return usage_error("--jobs needs a positive number"),
            },
            "--report-json" => match it.next() {
                Some(f) => json = Some(f),
                None => return usage_error("--report-json needs a file"),
            },
            "--report-junit" => match it.next() {
                Some(f) => junit = Some(f),
                None => return usage_error("--report-junit needs a file"),
            },
            _ if a.starts_with('-') => return usage_error(&format!("unknown option {a}")),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return usage_error("diff needs a file or directory");
    }
    let single = files.len() == 1 && !std::path::Path::new(&files[0]).is_dir();
    if !single || json.is_some() || junit.is_some() {
        return diff_many(&files, &plans, &cfg, node, jobs, json, junit);
    }
    let file = files.remove(0);
    let source = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("jolt: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let rep = verify::report(Program::Source(&source), &plans, &cfg);
    for (p, o, _) in &rep.runs {
        println!(
            "{:<22} {} ({} bytes of stdout)",
            p.name(),
            o.end,
            o.stdout.len()
        );
    }
    for p in &rep.skipped {
        println!("{:<22} skipped: tier not available", p.name());
    }
    let mut diverged = false;
    if let Some(d) = &rep.divergence {
        print!("{d}");
        diverged = true;
    }
    let fuel_out = rep
        .runs
        .first()
        .is_some_and(|(_, o, _)| o.end == verify::OutcomeEnd::OutOfFuel);
    if node && fuel_out {
        println!(
            "{:<22} not run: the program ran out of fuel, node would not stop",
            "node"
        );
    } else if node {
        match verify::run_node(&source) {
            Ok(n) => {
                let (p, o, _) = &rep.runs[0];
                println!(
                    "{:<22} {} ({} bytes of stdout)",
                    "node",
                    n.end,
                    n.stdout.len()
                );
                if &n != o {
                    let d = verify::Divergence {
                        kind: verify::DivergenceKind::Node,
                        left: *p,
                        right: *p,
                        stdout: verify::first_line_diff(&o.stdout, &n.stdout).map(Box::new),
                        left_end: o.end.clone(),
                        right_end: n.end.clone(),
                    };
                    print!("{d}");
                    diverged = true;
                }
            }
            Err(e) => {
                eprintln!("jolt: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if diverged {
        ExitCode::from(1)
    } else {
        println!("no divergence");
        ExitCode::SUCCESS
    }
}

/// `jolt diff` over many files and directories (see `verify::diffrun`):
/// one line per file, a summary, optional JSON and JUnit reports; exit 0
/// only when nothing diverged.
fn diff_many(
    args: &[String],
    plans: &[jolt::verify::Plan],
    cfg: &jolt::verify::Config,
    node: bool,
    jobs: usize,
    json: Option<String>,
    junit: Option<String>,
) -> ExitCode {
    use jolt::verify::diffrun;
    let files = match diffrun::collect_inputs(args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("jolt: {e}");
            return ExitCode::from(2);
        }
    };
    let t = std::time::Instant::now();
    let print_line = |r: &diffrun::FileResult| {
        use std::io::Write;
        let line = if let Some(e) = &r.error {
            format!("ERROR    {}: {e}", r.path)
        } else if r.passed() {
            format!(
                "ok       {} ({}, {} comparisons)",
                r.path,
                r.reference,
                r.pairs.len()
            )
        } else {
            let bad: Vec<String> = r
                .pairs
                .iter()
                .filter_map(|p| p.failure.as_ref().map(|f| format!("{}: {f}", p.name)))
                .collect();
            format!("DIVERGED {}: {}", r.path, bad.join("; "))
        };
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    };
    let results = diffrun::check_files(&files, plans, cfg, node, jobs, &print_line);
    let failed = results.iter().filter(|r| !r.passed()).count();
    let pairs: usize = results.iter().map(|r| r.pairs.len()).sum();
    println!(
        "{} files, {} comparisons, {} passed, {} failed ({:.1} s, {} jobs)",
        results.len(),
        pairs,
        results.len() - failed,
        failed,
        t.elapsed().as_secs_f64(),
        jobs
    );
    let reference = plans.first().map_or("interp".into(), |p| p.name());
    for (path, text) in [
        (json, diffrun::json_report(&results)),
        (junit, diffrun::junit_report(&results, &reference)),
    ] {
        if let Some(path) = path {
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("jolt: cannot write {path}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `jolt fuzz --seconds N`: the generators in-process, with a live status
/// line; minimized divergences go to corpus/<target>/.
fn fuzz_main(args: Vec<String>) -> ExitCode {
    use jolt::verify::fuzz::{drive_jobs, DriveOptions, Target};
    let mut opts = DriveOptions {
        seconds: 10.0,
        seed: 0,
        target: Target::Bytecode,
        corpus_dir: None,
        input_len: jolt::verify::fuzz::DRIVE_INPUT_LEN,
        node: false,
        stop_at_first: false,
        cov_dir: None,
        max_execs: None,
    };
    let mut fault = None;
    let mut target_given = false;
    let mut json_stats: Option<String> = None;
    let mut jobs: Option<usize> = None;
    let mut corpus = std::path::PathBuf::from("corpus");
    let mut cov_dir: Option<std::path::PathBuf> = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().unwrap_or_default();
        match a.as_str() {
            "--seconds" => match val().parse() {
                Ok(n) => opts.seconds = n,
                Err(_) => return usage_error("--seconds needs a number"),
            },
            "--seed" => match val().parse() {
                Ok(n) => opts.seed = n,
                Err(_) => return usage_error("--seed needs a number"),
            },
            "--target" => match Target::parse(&val()) {
                Some(t) => {
                    opts.target = t;
                    target_given = true;
                }
                None => return usage_error("--target needs bytecode, source or gc"),
            },
            "--corpus" => corpus = val().into(),
            "--cov-corpus" => cov_dir = Some(val().into()),
            "--node" => opts.node = true,
            "--stop-on-first" => opts.stop_at_first = true,
            "--jobs" => match val().parse() {
                Ok(n) if n > 0 => jobs = Some(n),
                _ => return usage_error("--jobs needs a positive number"),
            },
            "--json-stats" => json_stats = Some(val()),
            "--fault" => match Fault::activate_by_name(&val()) {
                Ok(f) => fault = Some(f),
                Err(e) => return usage_error(&e.to_string()),
            },
            _ => return usage_error(&format!("unknown option {a}")),
        }
    }
    if opts.seed == 0 {
        opts.seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
    }
    opts.corpus_dir = Some(corpus.join(opts.target.name()));
    // The coverage-guided corpus persists between runs (not in corpus/:
    // it is large and machine-made).
    opts.cov_dir =
        Some(cov_dir.unwrap_or_else(|| {
            std::path::PathBuf::from("target/jolt-fuzz").join(opts.target.name())
        }));
    // With a fault injected, the first divergence is the detection: stop
    // there, and keep the fault's finding out of the corpus.
    if let Some(f) = fault {
        opts.stop_at_first = true;
        opts.corpus_dir = None;
        // Seconds to detection must not depend on earlier runs.
        opts.cov_dir = None;
        if !target_given {
            opts.target = Target::parse(f.fuzz_target()).expect("a target name");
        }
    }
    // Engine panics are findings, caught and reported per plan (with the
    // panic message); the default hook would print every backtrace of
    // every minimization step.
    std::panic::set_hook(Box::new(|_| {}));
    eprintln!(
        "jolt fuzz: target {} seed {} for {} s",
        opts.target.name(),
        opts.seed,
        opts.seconds
    );
    let total = jolt::bytecode::Opcode::ALL.len();
    // On a terminal the status line is redrawn in place; elsewhere (CI
    // logs, pipes) a plain line is printed every few seconds.
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut next_plain = 5.0;
    // Every core by default; one with a fault, so that ci/fault-check's
    // seconds to detection stay comparable between runs and machines.
    let jobs = jobs.unwrap_or(if fault.is_some() {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    });
    eprintln!("jolt fuzz: {jobs} job(s)");
    let sum = drive_jobs(&opts, jobs, &mut |s| {
        let cov: Vec<String> = s
            .coverage
            .iter()
            .map(|(p, c)| format!("{p} {}/{total}", c.len()))
            .collect();
        let line = format!(
            "{:.0}s {} | guided: corpus {}, features {}, mutated {} | cov: {}",
            s.stats.seconds,
            s.stats,
            s.corpus_inputs,
            s.features,
            s.mutated,
            cov.join(", ")
        );
        if tty {
            eprint!("\r\x1b[K{line}");
        } else if s.stats.seconds >= next_plain {
            eprintln!("status {line}");
            next_plain = s.stats.seconds + 5.0;
        }
    });
    if tty {
        eprintln!();
    }
    eprintln!(
        "done {:.1}s {} | guided: corpus {}, features {}, mutated {} | cov: {}",
        sum.stats.seconds,
        sum.stats,
        sum.corpus_inputs,
        sum.features,
        sum.mutated,
        sum.coverage
            .iter()
            .map(|(p, c)| format!("{p} {}/{total}", c.len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(path) = &json_stats {
        if let Err(e) = std::fs::write(path, fuzz_stats_json(&opts, &sum)) {
            eprintln!("jolt: cannot write {path}: {e}");
            return ExitCode::from(2);
        }
    }
    if fault.is_none() && opts.stop_at_first {
        match sum.first_at {
            Some(t) => println!(
                "first divergence after {t:.2} s ({} execs, target {}, seed {})",
                sum.stats.execs,
                opts.target.short_name(),
                opts.seed
            ),
            None => println!(
                "no divergence in {:.0} s ({} execs, target {}, seed {})",
                sum.stats.seconds,
                sum.stats.execs,
                opts.target.short_name(),
                opts.seed
            ),
        }
    }
    if let Some(f) = fault {
        match (sum.first_at, sum.divergences.first()) {
            (Some(t), Some(d)) => {
                println!(
                    "fault {f}: detected after {t:.2} s ({} execs, target {}, seed {})",
                    sum.stats.execs,
                    opts.target.short_name(),
                    opts.seed
                );
                println!("how: {}", d.summary());
                print!("{d}");
                for m in &sum.minimized {
                    println!("minimized program:\n{m}");
                }
            }
            _ => println!(
                "fault {f}: NOT detected in {:.0} s ({} execs, target {}, seed {})",
                sum.stats.seconds,
                sum.stats.execs,
                opts.target.short_name(),
                opts.seed
            ),
        }
        return if sum.stats.divergences > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    for d in sum.divergences.iter().take(3) {
        eprint!("{d}");
    }
    for d in sum.slow_inputs.iter().take(3) {
        eprint!("{d}");
    }
    if !sum.findings.is_empty() {
        eprintln!("findings ({} distinct):", sum.findings.len());
        for (sig, n) in &sum.findings {
            eprintln!("  {n:>6} x {sig}");
        }
    }
    for w in &sum.written {
        eprintln!("wrote {}", w.display());
    }
    // A worker's panic is a bug of the harness, not of the engine: it
    // fails the run (a CI gate must not pass with a dead worker).
    for w in &sum.worker_panics {
        eprintln!("harness bug: {w}");
    }
    let pats: Vec<String> = sum
        .stats
        .patterns
        .named()
        .iter()
        .map(|(p, n)| format!("{p} {n}"))
        .collect();
    eprintln!("jit patterns generated: {}", pats.join(", "));
    let plan0 = opts.target.plans()[0].name();
    if let Some(c) = sum.coverage.get(&plan0) {
        let missing: Vec<&str> = jolt::bytecode::Opcode::ALL
            .iter()
            .filter(|o| !c.contains(o))
            .map(|o| o.name())
            .collect();
        eprintln!(
            "opcodes never run under {plan0}: {}",
            if missing.is_empty() {
                "none".into()
            } else {
                missing.join(" ")
            }
        );
    }
    // A slow input is a finding too (libFuzzer's -timeout).
    if sum.stats.divergences > 0 || sum.stats.slow > 0 || !sum.worker_panics.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `jolt fuzz --json-stats FILE`: the run's counters for CI dashboards.
fn fuzz_stats_json(
    opts: &jolt::verify::fuzz::DriveOptions,
    sum: &jolt::verify::fuzz::DriveSummary,
) -> String {
    let cov: Vec<String> = sum
        .coverage
        .iter()
        .map(|(p, c)| format!("\"{p}\": {}", c.len()))
        .collect();
    let pats: Vec<String> = sum
        .stats
        .patterns
        .named()
        .iter()
        .map(|(p, n)| format!("\"{p}\": {n}"))
        .collect();
    format!(
        "{{\"target\": \"{}\", \"seed\": {}, \"seconds\": {:.3}, \"execs\": {}, \"execs_per_s\": {:.1}, \"runnable\": {}, \"out_of_fuel\": {}, \"divergences\": {}, \"slow\": {}, \"worker_panics\": {}, \"corpus_inputs\": {}, \"features\": {}, \"mutated\": {}, \"first_divergence_s\": {}, \"written\": {}, \"opcodes\": {}, \"coverage\": {{{}}}, \"patterns\": {{{}}}}}\n",
        opts.target.short_name(),
        opts.seed,
        sum.stats.seconds,
        sum.stats.execs,
        sum.stats.execs_per_sec(),
        sum.stats.runnable,
        sum.stats.out_of_fuel,
        sum.stats.divergences,
        sum.stats.slow,
        sum.worker_panics.len(),
        sum.corpus_inputs,
        sum.features,
        sum.mutated,
        sum.first_at.map_or("null".into(), |t| format!("{t:.3}")),
        sum.written.len(),
        jolt::bytecode::Opcode::ALL.len(),
        cov.join(", "),
        pats.join(", ")
    )
}

/// `jolt bench-compile [FILE.js ...]`: baseline compile throughput over the
/// given programs (default: benches/js/*.js), for the benchmark runner.
/// Prints `metric NAME VALUE UNIT` lines.
fn bench_compile_main(args: Vec<String>) -> ExitCode {
    use jolt::bytecode::FuncProto;
    fn each(p: &FuncProto, out: &mut Vec<*const FuncProto>) {
        out.push(p);
        for c in &p.children {
            each(c, out);
        }
    }
    let mut files = args;
    if files.is_empty() {
        let Ok(dir) = std::fs::read_dir("benches/js") else {
            eprintln!("jolt bench-compile: no files given and no benches/js here");
            return ExitCode::from(2);
        };
        files = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "js"))
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        files.sort();
    }
    let mut scripts = Vec::new();
    for f in &files {
        let src = match std::fs::read_to_string(f) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("jolt bench-compile: cannot read {f}: {e}");
                return ExitCode::from(2);
            }
        };
        match jolt::compile_source(&src, f) {
            Ok(p) => scripts.push(p),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        }
    }
    let mut protos = Vec::new();
    for s in &scripts {
        each(s, &mut protos);
    }
    let insns: usize = protos.iter().map(|&p| unsafe { &*p }.code.len()).sum();
    // Compile everything repeatedly for at least 300 ms; fresh space each round.
    let start = std::time::Instant::now();
    let (mut rounds, mut bytes) = (0u64, 0usize);
    while rounds == 0 || start.elapsed().as_millis() < 300 {
        let mut space = jolt::jit::x64::CodeSpace::new(256 << 20);
        bytes = 0;
        for &p in &protos {
            match jolt::jit::baseline::compile(unsafe { &*p }, &mut space) {
                Ok(c) => bytes += c.code.bytes().len(),
                Err(e) => {
                    eprintln!("jolt bench-compile: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        rounds += 1;
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let per_ms = (insns as f64 * rounds as f64) / ms;
    println!("metric baseline-compile-throughput {per_ms:.0} bytecode-instructions/ms");
    println!("metric baseline-functions {} functions", protos.len());
    println!(
        "metric baseline-code-size {:.1} bytes/instruction",
        bytes as f64 / insns.max(1) as f64
    );
    ExitCode::SUCCESS
}

/// `jolt bench-harness`: the differential fuzzer's throughput, for the
/// benchmark runner. Runs [`drive`](jolt::verify::fuzz::drive) (the loop
/// behind `jolt fuzz`, every plan of the target) for `--seconds` (5) per
/// target with a fixed `--seed` (1) so runs are comparable, writes no
/// corpus files, and prints `metric NAME VALUE UNIT` lines per target.
/// `--execs N` stops each target after N executions: the same inputs every
/// run, for instruction counts per execution (callgrind).
/// Exit status 1 when a divergence was found (rerun `jolt fuzz` with the
/// same seed and target to minimize it).
fn bench_harness_main(args: Vec<String>) -> ExitCode {
    use jolt::verify::fuzz::{drive, DriveOptions, Target, DRIVE_INPUT_LEN};
    let (mut seconds, mut seed) = (5.0, 1u64);
    let mut max_execs = None;
    let mut targets = vec![Target::Bytecode, Target::Source];
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().unwrap_or_default();
        match a.as_str() {
            "--seconds" => match val().parse::<f64>() {
                Ok(n) if n > 0.0 => seconds = n,
                _ => return usage_error("--seconds needs a positive number"),
            },
            "--seed" => match val().parse::<u64>() {
                Ok(n) if n != 0 => seed = n,
                _ => return usage_error("--seed needs a non-zero number"),
            },
            "--execs" => match val().parse::<u64>() {
                Ok(n) if n > 0 => max_execs = Some(n),
                _ => return usage_error("--execs needs a positive number"),
            },
            "--targets" => {
                targets.clear();
                for t in val().split(',') {
                    match Target::parse(t) {
                        Some(t) => targets.push(t),
                        None => return usage_error(&format!("unknown target {t}")),
                    }
                }
            }
            _ => return usage_error(&format!("unknown option {a}")),
        }
    }
    // Engine panics are findings, counted as divergences (see fuzz_main).
    std::panic::set_hook(Box::new(|_| {}));
    let mut divergences = 0;
    for target in targets {
        let opts = DriveOptions {
            seconds,
            seed,
            target,
            corpus_dir: None,
            input_len: DRIVE_INPUT_LEN,
            node: false,
            stop_at_first: false,
            cov_dir: None,
            max_execs,
        };
        eprintln!(
            "jolt bench-harness: target {} seed {seed} for {seconds} s",
            target.name()
        );
        let sum = drive(&opts, &mut |_| {});
        eprintln!("  {}", sum.stats);
        if let Some(d) = sum.divergences.first() {
            eprint!("{d}");
        }
        for line in sum.stats.metric_lines(target.short_name()) {
            println!("{line}");
        }
        divergences += sum.stats.divergences;
    }
    if divergences > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
