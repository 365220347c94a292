//! Jolt: a JavaScript-subset engine with a reference interpreter, our own
//! x86-64 assembler and JIT tiers, and a differential verification harness.
//! See docs/architecture.md.
//!
//! The public API: [`run`] a source text under [`runtime::Options`] and get
//! its [`RunOutput`]: stdout bytes and how the run [`End`]ed.

pub mod bytecode;
pub mod compile;
pub mod faults;
pub mod front;
pub mod interp;
pub mod jit;
pub mod runtime;
pub mod smalloc;
pub mod tier;
pub mod verify;

use runtime::atoms::{wk, PropKey};
use runtime::heap::{Cell, Kind};
use runtime::object::Own;
use runtime::{Options, Throw, Value, Vm};

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    Normal,
    /// An uncaught exception: node's one-line description (`TypeError: x`,
    /// `Foo [Error]: m`, `42`) and the source position of the throw.
    Uncaught {
        line: String,
        position: Option<(u32, u32)>,
    },
    /// The program did not compile: the rendered SyntaxError.
    SyntaxError(String),
    OutOfFuel,
    OutOfMemory,
    /// Checked ABI mode (`--abi-check`) caught JIT code breaking the
    /// calling convention: the report names the function and code offset.
    AbiViolation(String),
    /// The harness stopped the run (its work budget or deadline; see
    /// `runtime::work`): not the program's doing, never compared.
    Aborted(runtime::work::Abort),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub end: End,
}

/// Parses and compiles `source` (named `file` in messages).
pub fn compile_source(
    source: &str,
    file: &str,
) -> Result<std::rc::Rc<bytecode::FuncProto>, String> {
    let program = front::parse(source).map_err(|e| e.render(file, source))?;
    compile::compile(&program, source).map_err(|e| e.render(file, source))
}

/// Runs `source` to completion on a fresh VM. With `stream`, stdout is
/// written through as the program runs (the command line); otherwise it is
/// collected in the result.
pub fn run(source: &str, file: &str, opts: Options, stream: bool) -> RunOutput {
    match compile_source(source, file) {
        Ok(p) => run_proto(p, opts, stream),
        Err(e) => RunOutput {
            stdout: Vec::new(),
            end: End::SyntaxError(e),
        },
    }
}

/// Runs a compiled (or generated) script prototype on a fresh VM, as
/// [`run`] does after compiling. The prototype must pass
/// [`bytecode::verify::verify`], and must not have run on another VM
/// (its constant-atom cache is bound to the first VM that ran it).
pub fn run_proto(
    proto: std::rc::Rc<bytecode::FuncProto>,
    opts: Options,
    stream: bool,
) -> RunOutput {
    let mut vm = Vm::new(opts);
    vm.stream_out = stream;
    run_on(vm, proto)
}

/// Runs a script prototype on a VM made by the caller (the harness makes
/// it with its GC options applied after the builtins are created).
pub fn run_on(mut vm: Box<Vm>, proto: std::rc::Rc<bytecode::FuncProto>) -> RunOutput {
    tier::attach(&mut vm);
    let r = vm.run_script(proto);
    let end = end_of(&vm, r.map(|_| ()));
    vm.write_perf_map();
    vm.flush_out();
    RunOutput {
        stdout: std::mem::take(&mut vm.out),
        end,
    }
}

/// The line node prints for an uncaught exception (see tests/js/README.md).
/// How a run that returned `r` ended, as a user sees it.
pub fn end_of(vm: &Vm, r: Result<(), Throw>) -> End {
    if let Some(a) = vm.abort {
        return End::Aborted(a);
    }
    match r {
        Ok(()) => End::Normal,
        Err(Throw::OutOfFuel) => End::OutOfFuel,
        Err(Throw::OutOfMemory) => End::OutOfMemory,
        Err(Throw::AbiViolation) => End::AbiViolation(
            vm.abi_report
                .clone()
                .unwrap_or_else(|| "ABI violation".into()),
        ),
        Err(Throw::Error) => End::Uncaught {
            line: uncaught_line(vm, vm.exception),
            position: vm.throw_position,
        },
    }
}

pub fn uncaught_line(vm: &Vm, e: Value) -> String {
    if !(e.is_cell() && Cell::from_value(e).kind() == Kind::Error) {
        if vm.is_object(e) {
            return runtime::format::inspect(vm, e);
        }
        return runtime::format::display_primitive(vm, e);
    }
    let get = |k| match vm.find_property(e, PropKey::Atom(k)) {
        Some(Own::Data(v, _)) if vm.is_string(v) => Some(vm.string_to_rust(v)),
        _ => None,
    };
    let mut name = get(wk::name).unwrap_or_else(|| "Error".into());
    let msg = get(wk::message).unwrap_or_default();
    // node names subclasses by their constructor: `AppError: m` when the
    // constructor name contains the error name, else `Foo [Error]: m`.
    if name.ends_with("Error") {
        let ctor = match vm.find_property(e, PropKey::Atom(wk::constructor)) {
            Some(Own::Data(c, _)) if vm.is_callable(c) => runtime::format::function_name(vm, c),
            _ => String::new(),
        };
        if !ctor.is_empty() && ctor != name {
            name = if ctor.contains(&name) {
                ctor
            } else {
                format!("{ctor} [{name}]")
            };
        }
    }
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}
