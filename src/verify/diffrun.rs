//! `jolt diff` over many programs: files and directories (every `.js`
//! below them), run in parallel, one line per file, a summary, and
//! reports a CI system reads (`--report-json`, `--report-junit`).
//!
//! What a file's result means: every plan's outcome (stdout bytes and how
//! the run ended) is compared with the first plan's (the reference, the
//! interpreter), and with node's when asked; each (file, plan) pair is one
//! test case, which fails iff the two outcomes differ. A file passes iff
//! all its pairs pass. Reading a file that fails is a failed file too, so
//! an unreadable input can never turn a gate green.

use super::{first_line_diff, report, run_node, Config, Outcome, OutcomeEnd, Plan, Program};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// One (file, plan) comparison.
#[derive(Clone, Debug)]
pub struct PairResult {
    /// The compared run: a plan's name, or "node".
    pub name: String,
    /// `None`: agrees with the reference; else what differed.
    pub failure: Option<String>,
    pub seconds: f64,
}

/// One file's results.
#[derive(Clone, Debug)]
pub struct FileResult {
    pub path: String,
    /// The reference outcome's end, for the summary line.
    pub reference: String,
    /// Set when the file could not be read or run at all.
    pub error: Option<String>,
    pub pairs: Vec<PairResult>,
}

impl FileResult {
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.pairs.iter().all(|p| p.failure.is_none())
    }
}

/// Every `.js` file named or below a named directory, sorted (a named
/// file is taken whatever its extension).
pub fn collect_inputs(args: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            walk(p, &mut out).map_err(|e| format!("cannot read {a}: {e}"))?;
        } else {
            out.push(p.to_path_buf());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "js") {
            out.push(p);
        }
    }
    Ok(())
}

fn describe(reference: &Outcome, other: &Outcome) -> String {
    if reference.end != other.end {
        return format!("ended {} (reference: {})", other.end, reference.end);
    }
    let show = |l: &Option<String>| {
        l.as_ref()
            .map_or("(no such line)".into(), |l| format!("{l:?}"))
    };
    match first_line_diff(&reference.stdout, &other.stdout) {
        Some(d) => format!(
            "stdout line {}: expected {}, got {}",
            d.line,
            show(&d.left),
            show(&d.right)
        ),
        None => "outcomes differ".to_string(),
    }
}

/// Runs one file under `plans` (and node): see the module doc.
pub fn check_file(path: &Path, plans: &[Plan], cfg: &Config, node: bool) -> FileResult {
    let shown = path.display().to_string();
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            return FileResult {
                path: shown,
                reference: String::new(),
                error: Some(format!("cannot read: {e}")),
                pairs: Vec::new(),
            }
        }
    };
    let t = std::time::Instant::now();
    let rep = report(Program::Source(&source), plans, cfg);
    let per_run = t.elapsed().as_secs_f64() / rep.runs.len().max(1) as f64;
    let Some((_, reference, _)) = rep.runs.first() else {
        return FileResult {
            path: shown,
            reference: String::new(),
            error: Some("no plan available".into()),
            pairs: Vec::new(),
        };
    };
    let mut pairs: Vec<PairResult> = rep.runs[1..]
        .iter()
        .map(|(p, o, _)| PairResult {
            name: p.name(),
            failure: (o != reference).then(|| describe(reference, o)),
            seconds: per_run,
        })
        .collect();
    // node never stops a program that ran out of fuel.
    if node && reference.end != OutcomeEnd::OutOfFuel {
        let t = std::time::Instant::now();
        let failure = match run_node(&source) {
            Ok(n) => (&n != reference).then(|| describe(reference, &n)),
            Err(e) => Some(format!("node did not run: {e}")),
        };
        pairs.push(PairResult {
            name: "node".into(),
            failure,
            seconds: t.elapsed().as_secs_f64(),
        });
    }
    FileResult {
        path: shown,
        reference: reference.end.to_string(),
        error: None,
        pairs,
    }
}

/// Runs every file on `jobs` threads; results in input order. `progress`
/// sees each result as it is done.
pub fn check_files(
    files: &[PathBuf],
    plans: &[Plan],
    cfg: &Config,
    node: bool,
    jobs: usize,
    progress: &(dyn Fn(&FileResult) + Sync),
) -> Vec<FileResult> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<FileResult>>> = Mutex::new(vec![None; files.len()]);
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1).min(files.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(f) = files.get(i) else { break };
                let r = check_file(f, plans, cfg, node);
                progress(&r);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every file checked"))
        .collect()
}

fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The JSON report: `{"files": N, "failed": F, "results": [{"file",
/// "passed", "error", "pairs": [{"plan", "passed", "failure"}]}]}`.
pub fn json_report(results: &[FileResult]) -> String {
    let failed = results.iter().filter(|r| !r.passed()).count();
    let mut o = format!(
        "{{\"files\": {}, \"failed\": {failed}, \"results\": [",
        results.len()
    );
    for (i, r) in results.iter().enumerate() {
        if i > 0 {
            o.push_str(", ");
        }
        let _ = write!(
            o,
            "{{\"file\": {}, \"passed\": {}, \"reference\": {}, \"error\": {}, \"pairs\": [",
            json_str(&r.path),
            r.passed(),
            json_str(&r.reference),
            r.error.as_deref().map_or("null".into(), json_str)
        );
        for (j, p) in r.pairs.iter().enumerate() {
            if j > 0 {
                o.push_str(", ");
            }
            let _ = write!(
                o,
                "{{\"plan\": {}, \"passed\": {}, \"failure\": {}}}",
                json_str(&p.name),
                p.failure.is_none(),
                p.failure.as_deref().map_or("null".into(), json_str)
            );
        }
        o.push_str("]}");
    }
    o.push_str("]}\n");
    o
}

fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // XML 1.0 allows no other control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o
}

/// The JUnit XML report: one `<testsuite>` per file, one `<testcase>` per
/// (file, plan) pair named `REFERENCE~PLAN`, `<failure>` with what
/// differed; an unreadable file is a suite with one `<error>` case.
pub fn junit_report(results: &[FileResult], reference: &str) -> String {
    let mut cases = 0;
    let mut failures = 0;
    let mut errors = 0;
    let mut body = String::new();
    for r in results {
        let name = xml_escape(&r.path);
        if let Some(e) = &r.error {
            cases += 1;
            errors += 1;
            let _ = write!(
                body,
                "  <testsuite name=\"{name}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"{name}\" name=\"run\">\n      <error message=\"{}\"/>\n    </testcase>\n  </testsuite>\n",
                xml_escape(e)
            );
            continue;
        }
        let f = r.pairs.iter().filter(|p| p.failure.is_some()).count();
        let time: f64 = r.pairs.iter().map(|p| p.seconds).sum();
        cases += r.pairs.len();
        failures += f;
        let _ = writeln!(
            body,
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{f}\" errors=\"0\" time=\"{time:.3}\">",
            r.pairs.len()
        );
        for p in &r.pairs {
            let case = xml_escape(&format!("{reference}~{}", p.name));
            match &p.failure {
                None => {
                    let _ = writeln!(
                        body,
                        "    <testcase classname=\"{name}\" name=\"{case}\" time=\"{:.3}\"/>",
                        p.seconds
                    );
                }
                Some(m) => {
                    let _ = writeln!(
                        body,
                        "    <testcase classname=\"{name}\" name=\"{case}\" time=\"{:.3}\">\n      <failure message=\"{}\">{}</failure>\n    </testcase>",
                        p.seconds,
                        xml_escape(m),
                        xml_escape(m)
                    );
                }
            }
        }
        body.push_str("  </testsuite>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jolt diff\" tests=\"{cases}\" failures=\"{failures}\" errors=\"{errors}\">\n{body}</testsuites>\n"
    )
}
