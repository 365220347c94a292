//! Bytecode: function prototypes, the verifier, the disassembler and the
//! readable text form.
//!
//! Invariants:
//! - Nothing executes a prototype the verifier has not accepted; the
//!   interpreter may then index registers, constants, feedback and nested
//!   prototypes without bounds checks being able to fail.
//! - Frame layout: r0 = callee, r1 = this, r2 .. r2+nparams = parameters,
//!   then locals and temporaries up to `nregs`.

pub mod gen;
pub mod ops;
pub mod text;
pub mod verify;

pub use ops::{Insn, Opcode, OperandKind};

use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Num(f64),
    /// A string value (also used for property names and global names).
    Str(Rc<[u16]>),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FuncKind {
    Script,
    Normal,
    Arrow,
    Method,
    Getter,
    Setter,
    ClassConstructor,
    DerivedConstructor,
    /// Synthetic function that initialises instance fields (this = instance).
    FieldInit,
}

impl FuncKind {
    pub fn name(self) -> &'static str {
        match self {
            FuncKind::Script => "script",
            FuncKind::Normal => "normal",
            FuncKind::Arrow => "arrow",
            FuncKind::Method => "method",
            FuncKind::Getter => "getter",
            FuncKind::Setter => "setter",
            FuncKind::ClassConstructor => "classctor",
            FuncKind::DerivedConstructor => "derivedctor",
            FuncKind::FieldInit => "fieldinit",
        }
    }
    pub fn from_name(s: &str) -> Option<FuncKind> {
        [
            FuncKind::Script,
            FuncKind::Normal,
            FuncKind::Arrow,
            FuncKind::Method,
            FuncKind::Getter,
            FuncKind::Setter,
            FuncKind::ClassConstructor,
            FuncKind::DerivedConstructor,
            FuncKind::FieldInit,
        ]
        .into_iter()
        .find(|k| k.name() == s)
    }
    /// Plain functions and classes can be called with `new`.
    pub fn is_constructor(self) -> bool {
        matches!(
            self,
            FuncKind::Normal | FuncKind::ClassConstructor | FuncKind::DerivedConstructor
        )
    }
    pub fn is_class_constructor(self) -> bool {
        matches!(
            self,
            FuncKind::ClassConstructor | FuncKind::DerivedConstructor
        )
    }
}

/// A try region: an exception thrown at pc in `start..end` jumps to
/// `target` with the exception in register `exc`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub exc: u16,
}

/// Per-site type feedback, written by the interpreter and read by the JITs.
pub mod feedback {
    /// Arithmetic/comparison sites: bits of what the operands were.
    pub const SAW_INT: u64 = 1;
    pub const SAW_DOUBLE: u64 = 2;
    pub const SAW_STRING: u64 = 4;
    pub const SAW_OTHER: u64 = 8;
    pub const SAW_OVERFLOW: u64 = 16;
    /// Property sites: (shape id + 1) << 32 | slot for a monomorphic own
    /// data property; MEGA once a second shape was seen.
    /// Call sites: the callee prototype's address, or MEGA.
    pub const MEGA: u64 = u64::MAX;
}

#[derive(Debug)]
pub struct FuncProto {
    pub name: String,
    pub kind: FuncKind,
    /// Declared parameter registers (r2 ..), including a rest parameter.
    pub nparams: u16,
    pub has_rest: bool,
    /// Total registers, header included.
    pub nregs: u16,
    /// The function's `length` property.
    pub length: u16,
    pub code: Vec<Insn>,
    pub consts: Vec<Const>,
    pub children: Vec<Rc<FuncProto>>,
    pub handlers: Vec<Handler>,
    pub nfeedback: u16,
    /// Source positions: (first pc, line, column), sorted by pc.
    pub positions: Vec<(u32, u32, u32)>,
    /// How each call/new site's callee was written ("o.f", "x"), for V8's
    /// "o.f is not a function" messages: (pc, text), sorted by pc.
    pub callee_names: Vec<(u32, String)>,
    /// One cell per feedback slot (see `feedback`).
    pub feedback: Box<[Cell<u64>]>,
    /// Per constant: the interned atom of a string constant, filled on first
    /// use (low 32 bits = atom + 1, high 32 bits = array index + 1 or 0).
    /// A prototype is bound to the one VM that loaded it.
    pub const_atoms: Box<[Cell<u64>]>,
    pub call_count: Cell<u32>,
    pub loop_count: Cell<u32>,
    /// Tier state, owned by `tier.rs`: 0 = not decided, 1 = stays in the
    /// interpreter, else the address of its baseline code (kept alive by
    /// the VM's code cache for the VM's life).
    pub tier_entry: Cell<usize>,
    /// Address of the baseline code's direct-call entry (see
    /// `jit::baseline`), 0 while there is none. Baseline call sites whose
    /// cached target is this prototype call it without leaving machine code.
    pub direct_entry: Cell<usize>,
}

impl FuncProto {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: String,
        kind: FuncKind,
        nparams: u16,
        has_rest: bool,
        nregs: u16,
        length: u16,
        code: Vec<Insn>,
        consts: Vec<Const>,
        children: Vec<Rc<FuncProto>>,
        handlers: Vec<Handler>,
        nfeedback: u16,
        positions: Vec<(u32, u32, u32)>,
    ) -> FuncProto {
        let nconsts = consts.len();
        FuncProto {
            name,
            kind,
            nparams,
            has_rest,
            nregs,
            length,
            code,
            consts,
            children,
            handlers,
            nfeedback,
            positions,
            callee_names: Vec::new(),
            feedback: (0..nfeedback).map(|_| Cell::new(0)).collect(),
            const_atoms: (0..nconsts).map(|_| Cell::new(0)).collect(),
            call_count: Cell::new(0),
            loop_count: Cell::new(0),
            tier_entry: Cell::new(0),
            direct_entry: Cell::new(0),
        }
    }

    pub fn callee_name(&self, pc: usize) -> Option<&str> {
        let i = self
            .callee_names
            .binary_search_by_key(&(pc as u32), |e| e.0)
            .ok()?;
        Some(&self.callee_names[i].1)
    }

    /// The source position of `pc` (the closest recorded one at or before it).
    pub fn position(&self, pc: usize) -> Option<(u32, u32)> {
        let i = self.positions.partition_point(|p| p.0 as usize <= pc);
        if i == 0 {
            None
        } else {
            let p = self.positions[i - 1];
            Some((p.1, p.2))
        }
    }
}

/// The absolute target of a jump at `pc` with relative `off`.
pub fn jump_target(pc: usize, off: i32) -> i64 {
    pc as i64 + 1 + off as i64
}
