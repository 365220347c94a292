//! Bytecode: function prototypes, the verifier, the disassembler and the
//! readable text form.
//!
//! Invariants:
//! - Nothing executes a prototype the verifier has not accepted; the
//!   interpreter may then index registers, constants, feedback and nested
//!   prototypes without bounds checks being able to fail.
//! - Frame layout: r0 = callee, r1 = this, r2 .. r2+nparams = parameters,
//!   then locals and temporaries up to `nregs`.

/// How a site words its not-iterable TypeError: the first character of the
/// text recorded for the instruction's pc.
pub mod iter_hint {
    /// `=TEXT`: "TEXT is not iterable" (the source text of the operand).
    pub const NAMED: char = '=';
    /// `!MESSAGE`: the whole message.
    pub const MESSAGE: char = '!';
    /// `~`: "number 1 is not iterable (cannot read property
    /// Symbol(Symbol.iterator))" (a value with no source text: nested
    /// patterns, parameters, assignment patterns).
    pub const TYPED: char = '~';
    /// `(TEXT`: spread in call arguments: nullish values give "TEXT is not
    /// iterable (cannot read property null)", others "Spread syntax
    /// requires ...iterable[Symbol.iterator] to be a function".
    pub const CALL_SPREAD: char = '(';
}

pub mod gen;
pub mod liveness;
pub mod ops;
pub mod record;
pub mod text;
pub mod verify;

pub use ops::{Effects, Insn, Opcode, OperandKind, OperandRole, RegRole};
pub use record::{CodeKind, JitRecord};

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
    /// Element sites: an in-range element of a Float64Array or Int32Array
    /// (a number stored, for sets).
    pub const SAW_TYPED: u64 = 32;
    /// Property sites: (shape id + 1) << 32 | slot for a monomorphic own
    /// data property; MEGA once a second shape was seen.
    /// Call sites: the callee prototype's address, or `NATIVE_CALLEE |`
    /// the native function's entry (`Call` sites only), or MEGA once a
    /// second callee was seen.
    pub const MEGA: u64 = u64::MAX;
    /// Marks a call site's feedback as a native callee (user-space
    /// addresses never have bit 63 set, and MEGA is no entry | this bit).
    pub const NATIVE_CALLEE: u64 = 1 << 63;

    /// The native entry a call site's feedback word records, if any.
    pub fn native_callee(word: u64) -> Option<usize> {
        (word != MEGA && word & NATIVE_CALLEE != 0).then_some((word & !NATIVE_CALLEE) as usize)
    }

    use std::cell::Cell;

    /// Shapes a baseline property site caches before it goes megamorphic.
    pub const POLY_MAX: usize = 4;

    /// JS callees a `Call` site remembers once its feedback word went
    /// megamorphic (`CallTargets`); one more and it remembers none.
    pub const POLY_CALL_MAX: usize = 4;

    /// The callees of megamorphic `Call` sites, by feedback slot: each
    /// callee's feedback word (a prototype's address, or `NATIVE_CALLEE |`
    /// a native's entry), in the order first seen, at most
    /// `POLY_CALL_MAX`; a site that saw more holds the one word `MEGA`.
    /// Written where the feedback word is (`exec::record_call`: the
    /// interpreter and the baseline's call helper; a megamorphic
    /// baseline site calls without its helper, so the callees are the
    /// ones seen before that), read by the optimizing tier to inline each
    /// callee behind a check of it (`opt::build`).
    #[derive(Debug, Default)]
    pub struct CallTargets(std::cell::RefCell<Vec<(u16, Vec<u64>)>>);

    impl CallTargets {
        /// Adds callee word `w` to site `fb`'s list.
        pub fn note(&self, fb: u16, w: u64) {
            let mut sites = self.0.borrow_mut();
            let i = match sites.iter().position(|s| s.0 == fb) {
                Some(i) => i,
                None => {
                    sites.push((fb, Vec::new()));
                    sites.len() - 1
                }
            };
            let t = &mut sites[i].1;
            if t.contains(&w) || t.first() == Some(&MEGA) {
                return;
            }
            if t.len() == POLY_CALL_MAX {
                *t = vec![MEGA];
            } else {
                t.push(w);
            }
        }

        /// Site `fb`'s callees (empty when none were recorded).
        pub fn of(&self, fb: u16) -> Vec<u64> {
            let sites = self.0.borrow();
            sites
                .iter()
                .find(|s| s.0 == fb)
                .map_or_else(Vec::new, |s| s.1.clone())
        }
    }

    /// One cached shape of a baseline property site.
    #[derive(Debug, Default)]
    #[repr(C)]
    pub struct PolyEntry {
        /// Shape id + 1 (the interpreter's encoding); 0 = empty.
        pub key: Cell<u64>,
        /// Where the property's value lives in an object of that shape
        /// (precomputed from the shape's `n_fixed`/`n_inline`): `>= 0`, the
        /// byte offset from the object cell's address; `< 0`, minus the byte
        /// offset from the address of its overflow Slots cell.
        pub loc: Cell<i64>,
        /// 0: the property is the receiver's own. Else the address of a
        /// prototype-chain record (`PolyIc::chain`, layout in
        /// `jit::baseline::ic`): the shapes of the receiver's prototypes
        /// that prove the key absent up to its holder (a GetProp of an
        /// inherited data property) or absent on the whole chain (a SetProp
        /// that adds the property: a cached shape transition).
        pub holder: Cell<u64>,
    }

    /// The polymorphic inline cache of one GetProp/SetProp site, read by
    /// baseline code at an address embedded in it and filled by its
    /// helpers (`jit::baseline::ic`). Only shared (non-dictionary) shapes
    /// with an own data property (writable, for SetProp) are entered: the
    /// interpreter's monomorphic rule, extended to `POLY_MAX` shapes.
    #[derive(Debug, Default)]
    #[repr(C)]
    pub struct PolyIc {
        /// Filled in order; entries past `state` are empty (key 0).
        pub entries: [PolyEntry; POLY_MAX],
        /// Number of filled entries, or `MEGA` (then every entry is empty,
        /// so the inline checks all miss and the helper does the lookup).
        pub state: Cell<u64>,
        /// The prototype-chain records entries point at. Never shrinks
        /// while the site lives (code reads a record through an entry's
        /// `holder`), bounded by `MAX_CHAINS` (then the site goes
        /// megamorphic).
        /// A set, so a lookup costs one hash even for a keyed site's
        /// `MAX_TABLE_CHAINS` records (a record's words never move).
        pub chains: std::cell::RefCell<std::collections::HashSet<Box<[u64]>>>,
        /// A keyed (GetElem/SetElem) site past `POLY_MAX` pairs: the
        /// address of its `KEYED_TABLE` entries (0 = none), a hash table
        /// of (atom, shape) keys that the machine code probes once the
        /// site is megamorphic (V8's megamorphic stub cache, per site).
        pub table: Cell<u64>,
        /// Owns the entries `table` points at (never moved or dropped
        /// while the site lives).
        pub table_owner: std::cell::OnceCell<Box<[PolyEntry]>>,
        /// Pairs entered into `table`; at `KEYED_TABLE_BUDGET` the site
        /// stops caching (a site whose pairs keep changing would pay for
        /// the entering on every access and never hit).
        pub table_inserts: Cell<u64>,
        /// A GetGlobal/SetGlobal site: the address of its global's
        /// property cell (`runtime::GlobalCell`), 0 until its helper first
        /// found the global as a data property.
        pub cell: Cell<u64>,
    }

    /// Chain records one site may make before it gives up caching.
    pub const MAX_CHAINS: usize = 16;
    /// Chain records of a site with a keyed table (each cached transition
    /// of a megamorphic keyed store has its own).
    pub const MAX_TABLE_CHAINS: usize = 256;
    /// Entries of a keyed site's table (a power of two).
    pub const KEYED_TABLE: usize = 256;
    /// Table insertions after which a keyed site stops caching.
    pub const KEYED_TABLE_BUDGET: u64 = 4 * KEYED_TABLE as u64;
    /// The table index of entry key `key` (see `keyed_slot`'s users): the
    /// top bits of `key * KEYED_HASH` (a sign-extended imm32 for `imul`).
    pub const KEYED_HASH: i32 = 0x9E37_79B1_u32 as i32;
    pub fn keyed_slot(key: u64) -> usize {
        (key.wrapping_mul(KEYED_HASH as i64 as u64) >> (64 - KEYED_TABLE.trailing_zeros())) as usize
    }

    impl PolyIc {
        pub fn is_mega(&self) -> bool {
            self.state.get() == MEGA
        }
        /// A keyed site that used up its `KEYED_TABLE_BUDGET`: its table
        /// stays as it is.
        pub fn table_closed(&self) -> bool {
            self.table_inserts.get() >= KEYED_TABLE_BUDGET
        }
        /// Number of shapes cached (0 when megamorphic).
        pub fn len(&self) -> usize {
            if self.is_mega() {
                0
            } else {
                self.state.get() as usize
            }
        }
        pub fn is_empty(&self) -> bool {
            self.len() == 0
        }
        /// The address of a record equal to `words`, made if needed;
        /// `None` once the site has made `MAX_CHAINS` records.
        pub fn chain(&self, words: &[u64]) -> Option<u64> {
            let mut chains = self.chains.borrow_mut();
            if let Some(c) = chains.get(words) {
                return Some(c.as_ptr() as u64);
            }
            let max = if self.table.get() != 0 {
                MAX_TABLE_CHAINS
            } else {
                MAX_CHAINS
            };
            if chains.len() >= max {
                return None;
            }
            let c: Box<[u64]> = words.into();
            let at = c.as_ptr() as u64;
            chains.insert(c);
            Some(at)
        }
        /// The chain record of entry `e` (None for an own property).
        /// `n_at`: the index of the record's length word (its first `n_at
        /// + 1 + n` words are read).
        pub fn chain_of(&self, e: &PolyEntry, n_at: usize, skip: usize) -> Option<&[u64]> {
            let h = e.holder.get() as *const u64;
            if h.is_null() {
                return None;
            }
            // `holder` is only ever an address `chain` returned, and those
            // boxes never move or drop while the site lives.
            unsafe {
                let n = *h.add(n_at) as usize;
                Some(std::slice::from_raw_parts(h, skip + n))
            }
        }
        /// The cached shape ids, in the order they were entered.
        pub fn shapes(&self) -> Vec<u32> {
            self.entries[..self.len()]
                .iter()
                .map(|e| (e.key.get() - 1) as u32)
                .collect()
        }
    }

    /// The `PolyIc`s of one prototype's property sites, by feedback slot.
    #[derive(Debug)]
    pub struct PropIcs {
        /// Per feedback slot: index into `ics`, or `u32::MAX`.
        index: Box<[u32]>,
        ics: Box<[PolyIc]>,
    }

    impl PropIcs {
        /// One `PolyIc` per feedback slot in `sites`.
        pub fn new(nfeedback: usize, sites: impl Iterator<Item = u16>) -> PropIcs {
            let mut index = vec![u32::MAX; nfeedback].into_boxed_slice();
            let mut n = 0;
            for fb in sites {
                if index[fb as usize] == u32::MAX {
                    index[fb as usize] = n;
                    n += 1;
                }
            }
            PropIcs {
                index,
                ics: (0..n).map(|_| PolyIc::default()).collect(),
            }
        }
        /// The cache of the property site whose feedback slot is `fb`.
        pub fn get(&self, fb: u16) -> Option<&PolyIc> {
            let i = *self.index.get(fb as usize)?;
            self.ics.get(i as usize)
        }
    }
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
    /// The function's JIT record: counters, the kind of code its frames
    /// run, the code of each tier (see [`record`]).
    pub jit: record::JitRecord,
    /// Polymorphic inline caches of the property sites, created when
    /// baseline code is first compiled (see `feedback::PolyIc`); their
    /// addresses never change afterwards.
    pub prop_ics: std::cell::OnceCell<feedback::PropIcs>,
    /// The callees of its megamorphic `Call` sites (`feedback::CallTargets`).
    pub call_targets: feedback::CallTargets,
    /// `liveness::Liveness::compute`'s result, made on first use: a pure
    /// function of `code`, `nregs` and `handlers`, which do not change once
    /// a prototype runs (the optimizing tier asked again at every
    /// compile, recompile and inlining: a thirteenth of `jolt fuzz
    /// --target source`). Shared with the prototype's run copies
    /// ([`FuncProto::run_copy`]), which hold the same code: the harness
    /// runs one program under every plan.
    liveness: Rc<std::cell::OnceCell<Rc<liveness::Liveness>>>,
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
            jit: record::JitRecord::default(),
            prop_ics: std::cell::OnceCell::new(),
            call_targets: feedback::CallTargets::default(),
            liveness: Rc::default(),
        }
    }

    /// A fresh prototype tree with `self`'s code and none of its run state
    /// (feedback, atoms, JIT records, caches), as if just compiled.
    /// `share` keeps the analyses of the code (liveness) shared with
    /// `self`: only for copies whose code is never edited (the harness's
    /// per-plan copies), since the cache is a function of the code.
    pub fn fresh_copy(&self, share: bool) -> FuncProto {
        let mut q = FuncProto::new(
            self.name.clone(),
            self.kind,
            self.nparams,
            self.has_rest,
            self.nregs,
            self.length,
            self.code.clone(),
            self.consts.clone(),
            self.children
                .iter()
                .map(|c| Rc::new(c.fresh_copy(share)))
                .collect(),
            self.handlers.clone(),
            self.nfeedback,
            self.positions.clone(),
        );
        q.callee_names = self.callee_names.clone();
        if share {
            q.liveness = self.liveness.clone();
        }
        q
    }

    /// The property sites' polymorphic caches, created on first use.
    pub fn prop_ics(&self) -> &feedback::PropIcs {
        self.prop_ics.get_or_init(|| {
            // Only sites that own their feedback slot: the verifier allows
            // shared slots (generated bytecode has them), and a cache
            // filled by another site could hold another property's slot.
            let mut uses = vec![0u32; self.feedback.len()];
            for i in &self.code {
                for (k, v) in i.operands() {
                    if k == OperandKind::Fb {
                        uses[v as usize] += 1;
                    }
                }
            }
            // Call sites get one too: the receiver shapes an inline
            // `push` accepts (`jit::baseline::natives`); `instanceof`
            // sites: constructor shapes (`jit::baseline::ic_checks`);
            // `new` sites: the constructor shapes whose `prototype` slot
            // an inline allocation reads (`jit::baseline::alloc`); `in`
            // sites: receiver shapes and keys (`jit::baseline::ic_checks`);
            // element sites: (atom, shape) pairs of string keys
            // (`jit::baseline::keyed`).
            let sites = self.code.iter().filter_map(|i| match *i {
                Insn::GetProp { fb, .. }
                | Insn::Call { fb, .. }
                | Insn::New { fb, .. }
                | Insn::In { fb, .. }
                | Insn::InstanceOf { fb, .. }
                | Insn::SetProp { fb, .. }
                | Insn::GetGlobal { fb, .. }
                | Insn::SetGlobal { fb, .. }
                | Insn::GetElem { fb, .. }
                | Insn::SetElem { fb, .. }
                    if uses[fb as usize] == 1 =>
                {
                    Some(fb)
                }
                _ => None,
            });
            feedback::PropIcs::new(self.feedback.len(), sites)
        })
    }

    /// The polymorphic cache of the property site with feedback slot `fb`,
    /// if baseline code was compiled for this prototype and the site owns
    /// its slot.
    pub fn poly_ic(&self, fb: u16) -> Option<&feedback::PolyIc> {
        self.prop_ics.get()?.get(fb)
    }

    /// String constant `k` as Rust text (messages); empty for a number.
    pub fn const_string(&self, k: u16) -> String {
        match self.consts.get(k as usize) {
            Some(Const::Str(s)) => String::from_utf16_lossy(s),
            _ => String::new(),
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
