//! The `jolt` command line: `jolt [options] FILE.js`, `jolt -e CODE`.

use jolt::runtime::Options;
use jolt::End;
use std::process::ExitCode;

const USAGE: &str = "\
usage: jolt [options] FILE.js
       jolt [options] -e CODE

Runs a JavaScript program (the subset described in language.md).

options:
  -e CODE              run CODE instead of a file
  --print-bytecode     print the compiled bytecode and exit
  --tier=interp        execution tier (interp is the only one so far)
  --gc-stress          collect garbage at every allocation
  --verify-heap        verify the heap after every collection
  --max-heap=SIZE      heap limit, e.g. 64M or 2G (default 4G)
  --fuel=N             stop after N loop iterations/calls (exit status 3)
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
    let mut opts = Options::default();
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
            _ if a.starts_with("--tier=") => {
                let t = &a["--tier=".len()..];
                if t != "interp" && t != "auto" {
                    return usage_error(&format!("tier {t} is not available yet (only interp)"));
                }
            }
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
    }
}

fn file_label() -> String {
    std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "[eval]".into())
}
