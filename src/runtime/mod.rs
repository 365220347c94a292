//! The runtime: values, the heap, strings, objects, builtins and the VM
//! state every tier shares.
//!
//! Invariants (the GC contract):
//! - Roots are exactly: the value stack below `sp`, every frame's context and
//!   new.target, the handle stack, the pending exception, the intrinsics, the
//!   atom strings. `Vm::gc` enumerates them in `roots`.
//! - Rust code must not hold a cell `Value` in a local across anything that
//!   may allocate (allocation may move every cell). Keep it in a root: pass it
//!   through `alloc_rooted`'s `keep` slice, or push it on `handles`.
//!   `--gc-stress` collects at every allocation and `--verify-heap` poisons
//!   the old space, so a violation shows up as a crash or a verify failure.
//! - Every word in `stack[..sp]` holds a valid value: frames are initialised
//!   when pushed, and `sp` never drops below a live caller's frame top.

pub mod atoms;
pub mod builtins;
pub mod call;
pub mod code;
pub mod collections;
pub mod exec;
pub mod format;
pub mod fxhash;
pub mod heap;
pub mod image;
pub mod iter;
pub mod math;
pub mod numconv;
pub mod object;
pub mod ops;
pub mod poison;
pub mod shape;
pub mod strutil;
pub mod typed;
pub mod value;
pub mod work;

use crate::bytecode::FuncProto;
use atoms::{Atom, Atoms, PropKey};
use heap::{Cell, Heap, Kind};
use shape::Shapes;
use std::rc::Rc;
pub use value::Value;

/// Why JavaScript execution stopped abnormally. Only `Error` can be caught.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Throw {
    /// A JavaScript exception; the value is in `Vm::exception`.
    Error,
    /// The fuel counter ran out (`--fuel`).
    OutOfFuel,
    /// The heap limit was reached (`--max-heap`).
    OutOfMemory,
    /// Checked ABI mode caught JIT code breaking the System V rules; the
    /// report is in `Vm::abi_report` (see `jit::baseline::checked`).
    AbiViolation,
}

pub type JsResult<T> = Result<T, Throw>;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Error,
    TypeError,
    RangeError,
    ReferenceError,
    SyntaxError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Error => "Error",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::RangeError => "RangeError",
            ErrorKind::ReferenceError => "ReferenceError",
            ErrorKind::SyntaxError => "SyntaxError",
        }
    }
    fn proto_intrinsic(self) -> Intrinsic {
        match self {
            ErrorKind::Error => Intrinsic::ErrorPrototype,
            ErrorKind::TypeError => Intrinsic::TypeErrorPrototype,
            ErrorKind::RangeError => Intrinsic::RangeErrorPrototype,
            ErrorKind::ReferenceError => Intrinsic::ReferenceErrorPrototype,
            ErrorKind::SyntaxError => Intrinsic::SyntaxErrorPrototype,
        }
    }
}

/// Well-known objects of the realm, kept in `Vm::intrinsics` (a root).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Intrinsic {
    Global,
    ObjectPrototype,
    FunctionPrototype,
    ArrayPrototype,
    StringPrototype,
    NumberPrototype,
    BooleanPrototype,
    ErrorPrototype,
    TypeErrorPrototype,
    RangeErrorPrototype,
    ReferenceErrorPrototype,
    SyntaxErrorPrototype,
    ObjectConstructor,
    ArrayConstructor,
    ThrowTypeError,
    MapPrototype,
    SetPrototype,
    MapIteratorPrototype,
    SetIteratorPrototype,
    TypedArrayPrototype,
    Float64ArrayPrototype,
    Int32ArrayPrototype,
    /// The poison object of `Options::poison_dead` (undefined until used).
    Poison,
    Count,
}

/// Number of fixed value words before inline slots, per object kind.
pub mod fixed {
    pub const PROTO: usize = 0;
    pub const OVERFLOW: usize = 1;
    pub const ELEMENTS: usize = 2;
    /// Function: context, home object, field initialiser.
    pub const FN_ENV: usize = 3;
    pub const FN_HOME: usize = 4;
    pub const FN_FIELDS: usize = 5;
    /// Native: data value.
    pub const NATIVE_DATA: usize = 3;
    /// Bound: target, this, arguments (a Slots cell).
    pub const BOUND_TARGET: usize = 3;
    pub const BOUND_THIS: usize = 4;
    pub const BOUND_ARGS: usize = 5;
    /// Primitive wrapper: the primitive.
    pub const PRIMITIVE: usize = 3;

    pub const PLAIN: u8 = 3;
    pub const FUNCTION: u8 = 6;
    pub const NATIVE: u8 = 4;
    pub const BOUND: u8 = 6;
    pub const PRIM: u8 = 4;
}

/// Object header flags (in the cell header's flag bits).
pub mod oflags {
    pub const NOT_EXTENSIBLE: u16 = 1;
    /// Function flags.
    pub const CLASS_CONSTRUCTOR: u16 = 2;
    pub const DERIVED: u16 = 4;
}

/// A native function: `this` is `args.this(vm)`, arguments via `args.get`.
pub type NativeFn = fn(&mut Vm, Args) -> JsResult<Value>;

/// A native call's window on the value stack: [callee, this, args...].
/// Everything is read from the stack (a root), so it stays valid across
/// allocations; in a construct call the `this` slot holds new.target.
#[derive(Copy, Clone, Debug)]
pub struct Args {
    pub base: usize,
    pub argc: usize,
    pub construct: bool,
}

impl Args {
    /// `new.target` for construct calls, else undefined.
    #[inline]
    pub fn new_target(&self, vm: &Vm) -> Value {
        if self.construct {
            vm.stack[self.base + 1]
        } else {
            Value::UNDEFINED
        }
    }
    #[inline]
    pub fn this(&self, vm: &Vm) -> Value {
        vm.stack[self.base + 1]
    }
    /// Replaces the receiver: natives whose receiver is ToObject(this)
    /// (Array.prototype methods) store the wrapper so later reads of
    /// `this` see it. The slot belongs to the call window, which the
    /// caller never reads after the call.
    #[inline]
    pub fn set_this(&self, vm: &mut Vm, v: Value) {
        vm.stack[self.base + 1] = v;
    }
    #[inline]
    pub fn get(&self, vm: &Vm, i: usize) -> Value {
        if i < self.argc {
            vm.stack[self.base + 2 + i]
        } else {
            Value::UNDEFINED
        }
    }
    #[inline]
    pub fn callee(&self, vm: &Vm) -> Value {
        vm.stack[self.base]
    }
}

/// Engine options that affect execution.
#[derive(Clone, Debug)]
pub struct Options {
    pub gc_stress: bool,
    pub verify_heap: bool,
    pub max_heap: usize,
    pub fuel: Option<u64>,
    pub max_depth: usize,
    /// Collect at every Nth allocation (the harness's `interp-gc-every-N`
    /// plans); `gc_stress` is the same with N = 1.
    pub gc_interval: Option<u64>,
    /// Forced collections (`gc_stress`, `gc_interval`) stop once they have
    /// copied this many bytes in all: fuel bounds a run's instructions but
    /// not the work of collecting a large live heap at every allocation, and
    /// the harness must not stall on one input. `None`: no bound.
    pub gc_stress_budget: Option<u64>,
    /// Which tiers run (see `tier.rs`).
    pub tier: code::Tier,
    /// Calls or back edges before `Tier::Auto` compiles a function.
    pub jit_threshold: u32,
    /// Calls or back edges before `Tier::Auto` optimizes a baseline
    /// function (0: never).
    pub opt_threshold: u32,
    /// Harness (`deopt-stress`): every optimized guard also deopts each
    /// `deopt_every`-th time any guard runs (0: never).
    pub deopt_every: u32,
    /// Harness: registers per class tier 2 may allocate (0: all), so
    /// spill code runs constantly.
    pub opt_regs: u32,
    /// `--print-ir[=PASS]`: the optimizing tier's IR after each pass.
    pub print_ir: Option<String>,
    /// `--simd`: vector loops in tier 2.
    pub simd: code::Simd,
    /// Bytes of executable memory for baseline code.
    pub code_space: usize,
    /// `--trace-tier`, `--trace-deopt`, `--print-code`, `--perf-map`.
    pub trace_tier: bool,
    pub trace_deopt: bool,
    pub print_code: bool,
    pub perf_map: bool,
    /// Checked ABI mode: canaries around every entry into JIT code, and
    /// alignment failures reported instead of trapping (`--abi-check`).
    pub abi_check: bool,
    /// Harness: overwrite the registers bytecode liveness calls dead at
    /// every loop back edge and call return (see `poison`).
    pub poison_dead: bool,
    /// Harness: work units a run may spend before it ends as a slow input
    /// (see `work`). `None`: unbounded.
    pub work_budget: Option<u64>,
    /// Harness: the instant a run is stopped (`jolt fuzz --seconds`).
    pub deadline: Option<std::time::Instant>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            gc_stress: false,
            verify_heap: false,
            max_heap: 4 << 30,
            fuel: None,
            // Node allows about 10,800 frames of a small function.
            max_depth: 10_800,
            tier: code::Tier::Interp,
            jit_threshold: code::DEFAULT_JIT_THRESHOLD,
            opt_threshold: code::DEFAULT_OPT_THRESHOLD,
            deopt_every: 0,
            opt_regs: 0,
            print_ir: None,
            code_space: code::DEFAULT_CODE_SPACE,
            trace_tier: false,
            trace_deopt: false,
            print_code: false,
            perf_map: false,
            abi_check: false,
            poison_dead: false,
            simd: code::Simd::Auto,
            gc_interval: None,
            gc_stress_budget: None,
            work_budget: None,
            deadline: None,
        }
    }
}

/// Interpreter call bookkeeping for one active frame (see interp/).
/// `repr(C)`: baseline code reads and writes frames at fixed offsets.
#[derive(Clone, Debug)]
#[repr(C)]
pub struct Frame {
    pub proto: *const FuncProto,
    /// Index of r0 in the value stack.
    pub fp: usize,
    /// Saved pc (the call instruction while a callee runs).
    pub pc: usize,
    /// Current closure context (a root).
    pub ctx: Value,
    /// `new.target` (undefined for plain calls; a root).
    pub new_target: Value,
    pub argc: u32,
    /// Caller register that receives the return value.
    pub ret_dst: u32,
    /// The stack top while this frame runs: never below the caller's, so
    /// the caller's registers above a call window (dead, but still words on
    /// the stack) are scanned by every collection and never go stale.
    pub sp: usize,
    /// The stack top to restore when this frame is left (the caller's).
    pub caller_sp: usize,
    /// Entry frame of a `run` loop: returning from it leaves the loop.
    pub entry: bool,
    /// Construct call: a non-object return value yields `this`.
    pub construct: bool,
}

pub const STACK_VALUES: usize = 1 << 22;

use heap::ATOM_STRING;

fn encode_key(k: PropKey) -> u64 {
    match k {
        PropKey::Atom(a) => a.0 as u64,
        PropKey::Index(i) => (1 << 32) | i as u64,
    }
}

/// The property key in an atom string's last raw word (see `atom_string`).
pub fn decode_key(w: u64) -> PropKey {
    if w >> 32 != 0 {
        PropKey::Index(w as u32)
    } else {
        PropKey::Atom(Atom(w as u32))
    }
}

/// Code units whose one-unit strings are shared (`Vm::unit_string`).
pub const UNIT_STRINGS: usize = 256;
/// `concat_strings` copies results of at most this many units into a flat
/// string; longer ones are ropes (baseline code makes those inline).
pub const FLAT_CONCAT_MAX: usize = 32;
/// The longest string (more is a RangeError).
pub const MAX_STRING_LEN: usize = 4 * heap::MAX_CELL_FIELD - 8;

/// A property cell of the global object (V8's PropertyCell, JSC's
/// watchpoint on a global variable): where the global object keeps its own
/// data property of one atom, valid while that property exists with the
/// attributes it had when the cell was filled. JIT code reads the global
/// object's slot through the cell with no shape check, so adding other
/// globals (a new shape, or a dictionary past `MAX_SHARED_PROPS`) costs
/// nothing; a property keeps its slot until it is deleted or its
/// attributes change (`Shapes`: slots are never reused or moved), and
/// both go through `Vm::own_property_changed`, which empties the cell.
/// Cells hold no values, so the collector never looks at them; a cell's
/// address never changes while the VM lives.
#[derive(Debug, Default)]
#[repr(C)]
pub struct GlobalCell {
    /// `PolyEntry::loc` of the slot (from the global object's address).
    pub loc: std::cell::Cell<i64>,
    /// 0: empty (no data property known); else `CELL_READ`, plus
    /// `CELL_WRITE` when the property is writable.
    pub state: std::cell::Cell<u64>,
}

pub const CELL_READ: u64 = 1;
pub const CELL_WRITE: u64 = 2;

pub struct Vm {
    pub heap: Heap,
    pub atoms: Atoms,
    /// Heap string for each atom (EMPTY until first needed). A root.
    /// Only `atom_string` grows it, and keeps `atom_strings_ptr`/`_len`
    /// equal to its buffer and length (baseline code loads string
    /// constants through them; the collector updates the entries in place).
    pub atom_strings: Vec<Value>,
    pub atom_strings_ptr: *const Value,
    pub atom_strings_len: usize,
    /// Per code unit below `UNIT_STRINGS`: its atom + 1 (0 until first
    /// needed), so one-unit strings (`s[i]`, `charAt`, `fromCharCode`) are
    /// the shared atom strings: no allocation, and `===` against a string
    /// constant is an identity compare.
    pub unit_atoms: Box<[u32; UNIT_STRINGS]>,
    /// The global object's property cells (`GlobalCell`), by atom.
    pub global_cells: fxhash::FxHashMap<Atom, Box<GlobalCell>>,
    pub shapes: Shapes,
    /// The value stack shared by every tier's frames. Fixed-size so that
    /// addresses are stable.
    pub stack: Vec<Value>,
    pub sp: usize,
    pub frames: FrameStack,
    /// Raw `stack.as_ptr()`, for baseline code (the stack never moves).
    pub stack_base: *mut Value,
    /// `stack_base + STACK_VALUES`: a frame must end below it.
    pub stack_limit: *mut Value,
    /// Rust-side roots (see the module doc).
    pub handles: Vec<Value>,
    pub exception: Value,
    /// Where the pending exception was thrown (line, column), for the
    /// uncaught-error report.
    pub throw_position: Option<(u32, u32)>,
    pub intrinsics: Vec<Value>,
    /// `intrinsics.as_ptr()` (its length is fixed at creation, so the
    /// buffer never moves), for baseline code.
    pub intrinsics_ptr: *const Value,
    /// Scripts stay alive for the VM's life; closures point into them.
    pub scripts: Vec<Rc<FuncProto>>,
    pub out: Vec<u8>,
    /// Write `out` through to stdout as it fills (the command line); the
    /// harness keeps it in memory.
    pub stream_out: bool,
    pub opts: Options,
    pub fuel: u64,
    /// Deopt stress: guards left until the next forced deopt (optimized
    /// code counts it down; see `Options::deopt_every`).
    pub deopt_countdown: u32,
    /// The same for guards inside inlined calls, counted apart so that
    /// the guards before them (a loop's preheader) cannot use up every
    /// stress deopt: deopts that rebuild inlined frames run regularly.
    pub deopt_countdown_inlined: u32,
    /// Nesting of Rust-level re-entry (natives calling JS).
    pub native_depth: usize,
    pub rng_state: u64,
    /// Identity hashes handed out so far (`Vm::identity_hash`).
    pub identity_counter: u64,
    pub start_time: std::time::Instant,
    /// Bytes live after forced collections so far (`Options::gc_stress_budget`).
    pub forced_gc_bytes: u64,
    /// Allocations so far (drives `Options::gc_interval`).
    pub allocs: u64,
    /// Work units spent and the count at which `charge` next checks the
    /// budget and deadline (see `work`).
    pub work_used: u64,
    pub work_next: u64,
    /// Why the harness stopped this run, once it has (see `work`).
    pub abort: Option<work::Abort>,
    /// Checked ABI mode's machine-visible state (see `code::AbiGuard`).
    pub abi: code::AbiGuard,
    /// The first ABI violation the checked mode reported (the run's end).
    pub abi_report: Option<String>,
    /// The tier layer's hooks: `None` runs the interpreter only (see
    /// `code`).
    pub tiering: Option<code::Tiering>,
    /// The JIT's state, attached by the tier layer with `tiering`; the
    /// runtime stores it and never looks inside.
    pub jit: Option<Box<dyn std::any::Any>>,
    /// `Options::poison_dead`'s liveness cache.
    pub poison_state: poison::PoisonState,
    /// Runs frames from the top one until the entry frame returns: the
    /// interpreter's loop (see `with_run_loop`).
    pub run_loop: fn(&mut Vm) -> JsResult<Value>,
    /// Handles an exit of the top frame's compiled code as the run loop
    /// does (`Ok(Some(v))`: the entry frame returned `v`; `Ok(None)`: go on
    /// with the top frame; `Err`: the entry frame threw). Compiled code
    /// that called a getter itself finishes it with this and `run_loop`
    /// when the getter's frame exits (`jit::baseline::helpers`).
    pub code_exit: fn(&mut Vm, code::CodeExit) -> JsResult<Option<Value>>,
}

/// Frames beyond `Options::max_depth` that `FrameStack` has room for
/// (every push checks `max_depth` first; this is a margin, not a budget).
pub const FRAME_SLACK: usize = 8;

/// The frame records, in a buffer allocated once and never moved, so
/// baseline code can hold a pointer to its own `Frame` (rbp) and push and
/// pop frames with plain stores (`repr(C)`: `ptr` then `len`).
///
/// Invariant: `len <= cap`, and `ptr[..len]` are initialised frames.
#[repr(C)]
pub struct FrameStack {
    ptr: *mut Frame,
    len: usize,
    cap: usize,
}

impl FrameStack {
    pub fn new(cap: usize) -> FrameStack {
        let mut v: Vec<Frame> = Vec::with_capacity(cap);
        let ptr = v.as_mut_ptr();
        let cap = v.capacity();
        std::mem::forget(v);
        FrameStack { ptr, len: 0, cap }
    }

    /// Pushes `f`. Callers check `Options::max_depth` first; running past
    /// the buffer is a bug in the engine, never a program's doing.
    #[inline]
    pub fn push(&mut self, f: Frame) {
        assert!(
            self.len < self.cap,
            "frame stack overflow (max_depth changed after Vm::new?)"
        );
        unsafe { self.ptr.add(self.len).write(f) };
        self.len += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Frame> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        Some(unsafe { self.ptr.add(self.len).read() })
    }

    /// Offsets of the fields baseline code touches.
    pub const PTR_OFFSET: usize = std::mem::offset_of!(FrameStack, ptr);
    pub const LEN_OFFSET: usize = std::mem::offset_of!(FrameStack, len);
}

impl std::ops::Deref for FrameStack {
    type Target = [Frame];
    fn deref(&self) -> &[Frame] {
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for FrameStack {
    fn deref_mut(&mut self) -> &mut [Frame] {
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for FrameStack {
    fn drop(&mut self) {
        // Frames hold no resources (plain words), so only the buffer is freed.
        unsafe { drop(Vec::from_raw_parts(self.ptr, 0, self.cap)) };
    }
}

/// The value stack, all `EMPTY` (the all-zero word): zeroed memory is
/// committed lazily by the OS, so an unused stack costs no start-up time.
fn zeroed_stack() -> Vec<Value> {
    let words: Vec<u64> = vec![0; STACK_VALUES];
    let mut words = std::mem::ManuallyDrop::new(words);
    // Value is repr(transparent) over u64 and 0 is a valid Value (EMPTY).
    unsafe {
        Vec::from_raw_parts(
            words.as_mut_ptr() as *mut Value,
            words.len(),
            words.capacity(),
        )
    }
}

impl Vm {
    /// A VM whose JS calls from Rust run on `run_loop` (the interpreter's
    /// `Vm::run`: `interp` defines `Vm::new` as this with its loop, so the
    /// runtime never names the layer above it).
    pub fn with_run_loop(opts: Options, run_loop: fn(&mut Vm) -> JsResult<Value>) -> Box<Vm> {
        let mut vm = Vm::unset(opts, run_loop, Atoms::new(), Shapes::new());
        if builtins::init(&mut vm).is_err() {
            // The initial heap is far larger than the builtins need.
            panic!("heap too small to create the builtins");
        }
        vm.reset_work();
        vm
    }

    /// `with_run_loop`, with the builtins copied from this thread's
    /// [`image::Image`] instead of set up (the harness's VMs: the same
    /// state, without the set-up's cost per VM).
    pub fn with_image(opts: Options, run_loop: fn(&mut Vm) -> JsResult<Value>) -> Box<Vm> {
        let image = image::Image::current(run_loop);
        // Empty tables: the image's replace them (building the well-known
        // atoms here only to drop them was a fiftieth of `jolt fuzz`).
        let mut vm = Vm::unset(opts.clone(), run_loop, Atoms::empty(), Shapes::default());
        if image.load(&mut vm) {
            vm.reset_work();
            return vm;
        }
        Vm::with_run_loop(opts, run_loop)
    }

    /// A VM before the builtins' set-up.
    fn unset(
        opts: Options,
        run_loop: fn(&mut Vm) -> JsResult<Value>,
        atoms: Atoms,
        shapes: Shapes,
    ) -> Box<Vm> {
        let mut heap = Heap::new(4 << 20, opts.max_heap);
        heap.verify_after_gc = opts.verify_heap;
        heap.set_inline_alloc(!opts.gc_stress && opts.gc_interval.is_none());
        let fuel = opts.fuel.unwrap_or(u64::MAX);
        let deopt_countdown = opts.deopt_every.max(1);
        let mut vm = Box::new(Vm {
            heap,
            atoms,
            atom_strings: Vec::new(),
            atom_strings_ptr: std::ptr::null(),
            atom_strings_len: 0,
            unit_atoms: Box::new([0; UNIT_STRINGS]),
            global_cells: Default::default(),
            shapes,
            stack: zeroed_stack(),
            sp: 0,
            frames: FrameStack::new(opts.max_depth + FRAME_SLACK),
            stack_base: std::ptr::null_mut(),
            stack_limit: std::ptr::null_mut(),
            handles: Vec::new(),
            exception: Value::UNDEFINED,
            throw_position: None,
            intrinsics: vec![Value::UNDEFINED; Intrinsic::Count as usize],
            intrinsics_ptr: std::ptr::null(),
            scripts: Vec::new(),
            out: Vec::new(),
            stream_out: false,
            opts,
            fuel,
            native_depth: 0,
            deopt_countdown,
            deopt_countdown_inlined: deopt_countdown,
            rng_state: 0x2545_f491_4f6c_dd1d,
            identity_counter: 0,
            start_time: std::time::Instant::now(),
            allocs: 0,
            work_used: 0,
            work_next: u64::MAX,
            abort: None,
            forced_gc_bytes: 0,
            abi: Default::default(),
            abi_report: None,
            tiering: None,
            jit: None,
            poison_state: Default::default(),
            run_loop,
            code_exit: |_, _| unreachable!("compiled code exited without a run loop"),
        });
        vm.stack_base = vm.stack.as_mut_ptr();
        vm.intrinsics_ptr = vm.intrinsics.as_ptr();
        vm.stack_limit = unsafe { vm.stack_base.add(STACK_VALUES) };
        vm
    }

    #[inline]
    pub fn intrinsic(&self, i: Intrinsic) -> Value {
        self.intrinsics[i as usize]
    }

    // ----- allocation and GC -----

    /// Allocates a cell; may collect (moving every cell not in a root).
    pub fn alloc(&mut self, kind: Kind, raw: usize, nvals: usize, flags: u16) -> JsResult<Cell> {
        self.alloc_rooted(kind, raw, nvals, flags, &mut [])
    }

    /// Allocates a cell, keeping the values in `keep` alive and updated
    /// across a collection.
    pub fn alloc_rooted(
        &mut self,
        kind: Kind,
        raw: usize,
        nvals: usize,
        flags: u16,
        keep: &mut [Value],
    ) -> JsResult<Cell> {
        if raw > heap::MAX_CELL_FIELD || nvals > heap::MAX_CELL_FIELD {
            let what = if kind == Kind::String {
                "Invalid string length"
            } else {
                "Invalid array length"
            };
            return Err(self.throw_error(ErrorKind::RangeError, what));
        }
        self.allocs += 1;
        self.charge(1 + ((raw + nvals) as u64 >> 3), "alloc")?;
        let forced = (self.opts.gc_stress
            || matches!(self.opts.gc_interval, Some(n) if n > 0 && self.allocs.is_multiple_of(n)))
            && self
                .opts
                .gc_stress_budget
                .is_none_or(|b| self.forced_gc_bytes < b);
        if !forced {
            if let Some(c) = self.heap.try_alloc(kind, raw, nvals, flags) {
                return Ok(c);
            }
        }
        let mark = self.handles.len();
        self.handles.extend_from_slice(keep);
        let mut r = self.gc(1 + raw + nvals);
        if forced {
            self.forced_gc_bytes += self.heap.used_bytes() as u64;
        } else if r.is_ok() {
            // A collection copies the live heap (forced ones are the plan's
            // doing, bounded by `gc_stress_budget` instead).
            r = self.charge(self.heap.used_bytes() as u64 >> 7, "gc");
        }
        keep.copy_from_slice(&self.handles[mark..]);
        self.handles.truncate(mark);
        r?;
        match self.heap.try_alloc(kind, raw, nvals, flags) {
            Some(c) => Ok(c),
            None => Err(Throw::OutOfMemory),
        }
    }

    /// Collects garbage; `need_words` must fit afterwards.
    pub fn gc(&mut self, need_words: usize) -> JsResult<()> {
        let Vm {
            heap,
            atom_strings,
            stack,
            sp,
            frames,
            handles,
            exception,
            intrinsics,
            ..
        } = self;
        let r = heap.collect(need_words, &mut |f: &mut dyn FnMut(&mut Value)| {
            for v in stack[..*sp].iter_mut() {
                f(v);
            }
            for fr in frames.iter_mut() {
                f(&mut fr.ctx);
                f(&mut fr.new_target);
            }
            for v in handles.iter_mut() {
                f(v);
            }
            f(exception);
            for v in intrinsics.iter_mut() {
                f(v);
            }
            for v in atom_strings.iter_mut() {
                f(v);
            }
        });
        r.map_err(|_| Throw::OutOfMemory)
    }

    // ----- strings -----

    pub fn new_string(&mut self, units: &[u16]) -> JsResult<Value> {
        let words = units.len().div_ceil(4);
        let c = self.alloc(Kind::String, 1 + words, 0, 0)?;
        c.set_raw(0, units.len() as u64);
        unsafe {
            std::ptr::copy_nonoverlapping(
                units.as_ptr(),
                c.raw_ptr().add(1) as *mut u16,
                units.len(),
            );
        }
        Ok(c.value())
    }

    /// A new string of units `from..to` of flat string `s` (a flattened
    /// rope too), copied straight from `s` into the new cell.
    pub fn new_substring(&mut self, s: Value, from: usize, to: usize) -> JsResult<Value> {
        let n = to.saturating_sub(from);
        let mut keep = [s];
        let c = self.alloc_rooted(Kind::String, 1 + n.div_ceil(4), 0, 0, &mut keep)?;
        c.set_raw(0, n as u64);
        // The collection may have moved `s`: read it from `keep`.
        let units = &self.flat_units(keep[0])[from..from + n];
        unsafe {
            std::ptr::copy_nonoverlapping(units.as_ptr(), c.raw_ptr().add(1) as *mut u16, n);
        }
        Ok(c.value())
    }

    pub fn new_str(&mut self, s: &str) -> JsResult<Value> {
        let u: Vec<u16> = s.encode_utf16().collect();
        self.new_string(&u)
    }

    /// The heap string for an atom (created once, then shared).
    pub fn atom_string(&mut self, a: Atom) -> JsResult<Value> {
        let i = a.0 as usize;
        if i < self.atom_strings.len() && !self.atom_strings[i].is_empty() {
            return Ok(self.atom_strings[i]);
        }
        let units = self.atoms.get(a).to_vec();
        let key = match atoms::array_index(&units) {
            Some(i) => PropKey::Index(i),
            None => PropKey::Atom(a),
        };
        // One raw word more than `new_string`'s: the property key, so that
        // `o[k]` with an atom string `k` needs no lookup (`string_key`).
        let words = units.len().div_ceil(4);
        let c = self.alloc(Kind::String, 2 + words, 0, 0)?;
        c.set_raw(0, units.len() as u64);
        unsafe {
            std::ptr::copy_nonoverlapping(
                units.as_ptr(),
                c.raw_ptr().add(1) as *mut u16,
                units.len(),
            );
        }
        c.set_raw(1 + words, encode_key(key));
        c.set_flags(c.flags() | ATOM_STRING);
        let v = c.value();
        if self.atom_strings.len() <= i {
            let n = (i + 1).max(self.atom_strings.len() * 2);
            self.atom_strings.resize(n, Value::EMPTY);
            self.atom_strings_ptr = self.atom_strings.as_ptr();
            self.atom_strings_len = self.atom_strings.len();
        }
        self.atom_strings[i] = v;
        Ok(v)
    }

    /// The property key of a string value: read from an atom string
    /// itself, else looked up (interning the string).
    pub fn string_key(&mut self, s: Value) -> PropKey {
        let c = Cell::from_value(s);
        if c.kind() == Kind::String && c.flags() & ATOM_STRING != 0 {
            return decode_key(c.raw(c.raw_words() - 1));
        }
        if c.kind() == Kind::String {
            let Vm { atoms, .. } = self;
            let units = unsafe {
                std::slice::from_raw_parts(c.raw_ptr().add(1) as *const u16, c.raw(0) as usize)
            };
            return atoms.key(units);
        }
        let u = self.string_units(s);
        self.atoms.key(&u)
    }

    /// The string of one code unit: for units below `UNIT_STRINGS` the
    /// shared atom string (see `unit_atoms`), else a fresh string.
    pub fn unit_string(&mut self, u: u16) -> JsResult<Value> {
        let Some(slot) = self.unit_atoms.get(u as usize) else {
            return self.new_string(&[u]);
        };
        let a = match *slot {
            0 => {
                // Digits are array indices, not atoms: intern as atoms anyway
                // (the string, not a property key, is what is shared).
                let a = self.atoms.intern(&[u]);
                self.unit_atoms[u as usize] = a.0 + 1;
                a
            }
            n => Atom(n - 1),
        };
        self.atom_string(a)
    }

    pub fn key_string(&mut self, k: PropKey) -> JsResult<Value> {
        match k {
            PropKey::Atom(a) => self.atom_string(a),
            PropKey::Index(i) => self.new_str(&i.to_string()),
        }
    }

    #[inline]
    pub fn is_string(&self, v: Value) -> bool {
        v.is_cell() && matches!(Cell::from_value(v).kind(), Kind::String | Kind::Rope)
    }

    #[inline]
    pub fn string_len(&self, v: Value) -> usize {
        Cell::from_value(v).raw(0) as usize
    }

    /// The code units of a flat string. Borrowing `self` keeps callers from
    /// allocating while they hold the slice.
    pub fn flat_units(&self, v: Value) -> &[u16] {
        let c = Cell::from_value(v);
        let c = if c.kind() == Kind::Rope {
            let left = Cell::from_value(c.get(0));
            assert!(c.get(1).is_empty(), "rope must be flattened first");
            left
        } else {
            c
        };
        debug_assert_eq!(c.kind(), Kind::String);
        let n = c.raw(0) as usize;
        unsafe { std::slice::from_raw_parts(c.raw_ptr().add(1) as *const u16, n) }
    }

    /// Makes `v` (a string) flat; ropes are flattened once and remember the
    /// result, so repeated reads are O(1).
    pub fn flatten(&mut self, v: Value) -> JsResult<Value> {
        let c = Cell::from_value(v);
        if c.kind() == Kind::String {
            return Ok(v);
        }
        if c.get(1).is_empty() {
            return Ok(c.get(0));
        }
        // The flat cell first, then the units straight into it (no
        // Rust-side copy of a long text).
        let len = self.string_len(v);
        let mut keep = [v];
        let flat = self.alloc_rooted(Kind::String, 1 + len.div_ceil(4), 0, 0, &mut keep)?;
        flat.set_raw(0, len as u64);
        let dst = unsafe { std::slice::from_raw_parts_mut(flat.raw_ptr().add(1) as *mut u16, len) };
        self.copy_rope_units(keep[0], dst);
        let rope = Cell::from_value(keep[0]);
        rope.set(0, flat.value());
        rope.set(1, Value::EMPTY);
        Ok(flat.value())
    }

    /// Copies a string's code units out (iteratively for deep ropes).
    pub fn string_units(&self, v: Value) -> Vec<u16> {
        let c = Cell::from_value(v);
        if c.kind() == Kind::String {
            return self.flat_units(v).to_vec();
        }
        self.rope_units(v)
    }

    fn rope_units(&self, v: Value) -> Vec<u16> {
        let mut out = vec![0; self.string_len(v)];
        self.copy_rope_units(v, &mut out);
        out
    }

    /// Writes the units of string `v` (iteratively for deep ropes) into
    /// `out`, which is exactly its length.
    fn copy_rope_units(&self, v: Value, out: &mut [u16]) {
        let mut at = 0;
        let mut todo = vec![v];
        while let Some(s) = todo.pop() {
            let c = Cell::from_value(s);
            match c.kind() {
                Kind::String => {
                    let u = self.flat_units(s);
                    out[at..at + u.len()].copy_from_slice(u);
                    at += u.len();
                }
                _ if c.get(1).is_empty() => todo.push(c.get(0)),
                _ => {
                    todo.push(c.get(1));
                    todo.push(c.get(0));
                }
            }
        }
        debug_assert_eq!(at, out.len());
    }

    pub fn string_to_rust(&self, v: Value) -> String {
        strutil::utf16_to_string_lossy(&self.string_units(v))
    }

    /// a + b for two strings: short results are copied flat, long ones
    /// become a rope so that `s += x` in a loop is linear.
    pub fn concat_strings(&mut self, a: Value, b: Value) -> JsResult<Value> {
        let (la, lb) = (self.string_len(a), self.string_len(b));
        if la == 0 {
            return Ok(b);
        }
        if lb == 0 {
            return Ok(a);
        }
        let len = la + lb;
        if len > MAX_STRING_LEN {
            return Err(self.throw_error(ErrorKind::RangeError, "Invalid string length"));
        }
        let flat = |v: Value| Cell::from_value(v).kind() == Kind::String;
        if len <= FLAT_CONCAT_MAX && flat(a) && flat(b) {
            // Copied straight into the new cell (no Rust-side buffers).
            let mut keep = [a, b];
            let c = self.alloc_rooted(Kind::String, 1 + len.div_ceil(4), 0, 0, &mut keep)?;
            c.set_raw(0, len as u64);
            let (ua, ub) = (self.flat_units(keep[0]), self.flat_units(keep[1]));
            unsafe {
                let dst = c.raw_ptr().add(1) as *mut u16;
                std::ptr::copy_nonoverlapping(ua.as_ptr(), dst, la);
                std::ptr::copy_nonoverlapping(ub.as_ptr(), dst.add(la), lb);
            }
            return Ok(c.value());
        }
        if len <= FLAT_CONCAT_MAX {
            let mut u = self.string_units(a);
            u.extend(self.string_units(b));
            return self.new_string(&u);
        }
        let mut keep = [a, b];
        let c = self.alloc_rooted(Kind::Rope, 1, 2, 0, &mut keep)?;
        c.set_raw(0, len as u64);
        c.set(0, keep[0]);
        c.set(1, keep[1]);
        Ok(c.value())
    }

    // ----- errors -----

    /// Creates an error object of `kind` with `message` and makes it the
    /// pending exception. Returns the `Throw` to propagate.
    pub fn throw_error(&mut self, kind: ErrorKind, message: &str) -> Throw {
        match self.new_error(kind, message) {
            Ok(e) => {
                self.exception = e;
                Throw::Error
            }
            Err(t) => t,
        }
    }

    pub fn type_error(&mut self, message: &str) -> Throw {
        self.throw_error(ErrorKind::TypeError, message)
    }

    pub fn new_error(&mut self, kind: ErrorKind, message: &str) -> JsResult<Value> {
        let proto = self.intrinsic(kind.proto_intrinsic());
        let e = self.new_object_kind(Kind::Error, proto, fixed::PLAIN, 2)?;
        self.handles.push(e);
        let r = (|| {
            let m = self.new_str(message)?;
            let e = *self.handles.last().unwrap();
            self.define_own(e, PropKey::Atom(atoms::wk::message), m, shape::METHOD_ATTRS)
        })();
        let e = self.handles.pop().unwrap();
        r?;
        Ok(e)
    }

    /// Raises a pending exception value.
    pub fn throw_value(&mut self, v: Value) -> Throw {
        self.exception = v;
        Throw::Error
    }

    // ----- output -----

    pub fn write_out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
        if self.stream_out && self.out.len() > 1 << 16 {
            self.flush_out();
        }
    }

    pub fn flush_out(&mut self) {
        if self.stream_out && !self.out.is_empty() {
            use std::io::Write;
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(&self.out);
            let _ = so.flush();
            self.out.clear();
        }
    }
}
