//! The optimizing tier's IR: SSA values over a CFG of blocks with block
//! parameters, each value in one machine representation.
//!
//! Invariants (checked by `verify`):
//! - Every value is defined once: by a block parameter or an instruction.
//!   Blocks are numbered in reverse post-order (block 0 is the entry, with
//!   no parameters), so a definition's block comes no later than its uses'.
//! - Operands have the representations `Op::sig` names; edge arguments
//!   have their target parameters' representations.
//! - Every instruction whose `Op::props` says `DEOPT` or `SYNC`, and every
//!   `Return`, carries a frame state: the bytecode pc to resume at and,
//!   for every register live there, either an SSA value holding it or the
//!   claim that its frame slot already holds it.
//! - An instruction with `CALLS` clobbers every machine register and may
//!   move every heap cell: no value is live across it (the builder reloads
//!   registers from the frame after one; the allocation checker proves it).

use std::fmt::Write;

/// The `pc` of a block spliced in from an inlined callee (`build`): its
/// loops are not the function's, and the loop passes leave them alone.
pub const INLINED_PC: u32 = u32::MAX;

/// Machine representation of a value.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Repr {
    /// A NaN-boxed `runtime::Value` in a GPR.
    Tagged,
    /// An int32 in the low half of a GPR (upper half zero).
    Int32,
    /// An unboxed double in an XMM register.
    Float64,
    /// 0 or 1 in a GPR.
    Bool,
}

impl Repr {
    /// The least representation both fit in (`Tagged` holds everything).
    pub fn join(a: Repr, b: Repr) -> Repr {
        use Repr::*;
        match (a, b) {
            (x, y) if x == y => x,
            (Int32, Float64) | (Float64, Int32) => Float64,
            _ => Tagged,
        }
    }

    pub fn is_float(self) -> bool {
        self == Repr::Float64
    }

    fn short(self) -> &'static str {
        match self {
            Repr::Tagged => "t",
            Repr::Int32 => "i32",
            Repr::Float64 => "f64",
            Repr::Bool => "b",
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct V(pub u32);

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct B(pub u32);

/// Comparison conditions (signed for int32, ordered for float64).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cc {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// `Math` functions of one double computed inline (`MathF64`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum MathOp {
    Sqrt,
    Abs,
    /// `roundsd` (SSE4.1: the builder only emits these when the CPU has it).
    Floor,
    Ceil,
}

/// Node properties, written once per op in [`Op::props`].
pub mod props {
    /// May leave to the baseline code (a guard).
    pub const DEOPT: u8 = 1;
    /// Writes its frame state's values to the frame first.
    pub const SYNC: u8 = 2;
    /// Calls out: clobbers every register, may collect, may throw.
    pub const CALLS: u8 = 4;
    /// Reads the frame's registers (ordered against `CALLS`).
    pub const READS_FRAME: u8 = 8;
    /// Removable when unused and foldable when its inputs are constant.
    pub const PURE: u8 = 16;
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    ConstI32(i32),
    /// Bits of an f64.
    ConstF64(u64),
    ConstBool(bool),
    /// A `Value` that is not a heap pointer (undefined, null, ...).
    ConstTagged(u64),
    /// The register's frame slot.
    LoadReg(u16),
    CheckInt32,
    /// An int32 or a double, as a double.
    CheckNumber,
    I32ToF64,
    BoxI32,
    BoxF64,
    BoxBool,
    AddI32,
    SubI32,
    MulI32,
    /// JS `%` of two int32s: deopts when the divisor is 0 or -1 or the
    /// result would be -0 (a zero remainder of a negative dividend).
    ModI32,
    /// `AddI32`/`SubI32` proved not to overflow (`range`): no guard.
    AddI32Wrap,
    SubI32Wrap,
    AndI32,
    OrI32,
    XorI32,
    ShlI32,
    SarI32,
    /// `>>>`: deopts when the result does not fit an int32.
    ShrI32,
    NegI32,
    AddF64,
    SubF64,
    MulF64,
    DivF64,
    NegF64,
    CmpI32(Cc),
    CmpF64(Cc),
    /// `===`/`!==` (Eq/Ne only) as the bits' (in)equality: exact when one
    /// side is undefined, null or a boolean (`build` checks), or neither a
    /// number nor a string (`CheckIdentityCmp` checks).
    CmpTagged(Cc),
    /// Deopts when its operand is a number or a string (flat or rope),
    /// for which `===` compares values rather than bits: anything else
    /// (an object, a function, null, undefined, a boolean) is `===` only
    /// to itself, so a `CmpTagged` after it is exact. Where a site saw
    /// neither (`build`: objects compared by identity).
    CheckIdentityCmp,
    NotBool,
    /// v is undefined or null.
    IsNullish,
    IsUndef,
    /// ToBoolean of a boolean, int32, undefined, null or object, inline;
    /// deopts for anything else (strings, doubles: the baseline decides).
    TruthyInline,
    /// ToBoolean of anything, by a helper call (its frame state is
    /// written first, as for `Generic`).
    Truthy,
    /// ToInt32 of a double (deopts when |x| >= 2^63 or NaN: rare).
    TruncF64,
    /// A data property of an object whose shape is one of the site's
    /// (`Func::prop_sites[i]`): its own, or (a case with `protos`) a
    /// prototype's, each prototype on the way shape-checked as the
    /// baseline's chain records are; deopts otherwise.
    LoadProp(u32),
    /// Overwrites an own data property (`Func::prop_sites[i]`, as
    /// `LoadProp`): (object, value).
    StoreProp(u32),
    /// Deopts unless its operand is an object of shape `key - 1` (the
    /// IC's key: shape id + 1). Only a call changes a shape (a store
    /// into an existing slot does not), so `gvn` removes a check that an
    /// identical one dominates with no call between.
    CheckShape(u64),
    /// The own data slot at `loc` (as an IC entry's: >= 0 an offset in the
    /// object, < 0 minus an offset in its overflow slots) of an object
    /// whose shape a `CheckShape` proved: (object).
    LoadField(i64),
    /// Overwrites it: (object, value).
    StoreField(i64),
    /// A present element of a dense array: (array, index).
    LoadElem,
    /// Overwrites a present element of a dense, not frozen array:
    /// (array, index, value).
    StoreElem,
    /// An in-range element of an `Int32Array` or a `Float64Array` (which
    /// one is checked at run time), as a double: (array, index).
    LoadTypedElem,
    /// Stores a double into an in-range element of a `Float64Array`
    /// (deopts for an `Int32Array`: ToInt32 is the baseline's):
    /// (array, index, value).
    StoreTypedF64,
    /// Stores an int32 into an in-range element of either kind:
    /// (array, index, value).
    StoreTypedI32,
    /// `length` of an array or a string, flat or rope (an int32).
    LoadLength,
    /// Slot `slot` of the context `depth` levels up the frame's chain.
    LoadCtx(u16, u16),
    /// Stores its operand there.
    StoreCtx(u16, u16),
    /// `LoadCtx` of an inlined callee: slot `slot` of the context `depth`
    /// levels up from the context operand (the callee's, its function's
    /// `FN_ENV`). Any `StoreCtx` may write it (the chains may share
    /// contexts).
    LoadCtxIn(u16, u16),
    /// Deopts when its operand is the hole (a `let`/`const` read in its
    /// temporal dead zone: the baseline code throws).
    CheckNotHole,
    /// Spends one unit of fuel at a loop back edge (deopts when out).
    Fuel,
    /// `fuel`'s register form (see `fuel`): takes a budget off `Vm::fuel`
    /// (an int32), spends one unit of it (deopts at 0), gives it back.
    ReserveFuel,
    FuelStep,
    ReturnFuel,
    /// The global object (its intrinsic slot: re-read after every call, as
    /// any cell pointer).
    LoadGlobalObj,
    /// Its operand, or `String.prototype` when that is a string (flat or
    /// rope): where a GetProp looks a string receiver's property up, as the
    /// baseline's inline cache does.
    StrReceiver,
    /// Deopts unless its operand is the native `InlineNative::ALL[i]` and a
    /// native call could be made here (the native depth limit, a
    /// RangeError, is the baseline's).
    CheckNative(u8),
    /// A `Math` function of a double, bit-identical to the native's result.
    MathF64(MathOp),
    /// `Math.min`/`Math.max` of two doubles (`runtime::math::min2/max2`:
    /// NaN wins, -0 < +0).
    MinF64,
    MaxF64,
    /// Deopts unless its operand is a function whose prototype is at this
    /// address (an inlined call's target).
    CheckCallee(u64),
    /// Whether its operand is a function whose prototype is at this
    /// address (a polymorphic inlined call's dispatch: a function's
    /// prototype never changes).
    IsCallee(u64),
    /// An inlined call's entry: deopts (before the call) unless a frame
    /// could be pushed here (`Vm::frames` below the depth limit, the
    /// window's registers, `room` bytes above the frame's, below the stack
    /// limit). The call's unit of fuel is a `Fuel` after it. Only calls
    /// change what it reads. The second field is how many inlined frames
    /// the call is made from (0: from the function itself), each of
    /// which a real call would have pushed first.
    CheckFrameRoom(u32, u8),
    /// An inlined getter's entry (`build::inline_getters`): deopts (before
    /// the GetProp, which then calls the getter and reports the failure)
    /// unless `vm.call` could call that getter here: the native depth
    /// below `MAX_NATIVE_DEPTH`, the frames (and `nest` inlined frames, as
    /// `CheckFrameRoom`'s) below the depth limit, and `margin` words free
    /// above the stack top, which is `vm.sp` or, inlined, the inlined
    /// frame's end: `room` bytes above the function's registers (grown by
    /// the call's base when inlined, as `CheckFrameRoom`'s). (room,
    /// margin, nest).
    CheckAccessorRoom(u32, u16, u8),
    /// The shared string of atom `a - 1` (a string constant: the
    /// prototype's `const_atoms` word), read from `Vm::atom_strings`;
    /// deopts while that string was not made yet.
    LoadAtomStr(u32),
    /// The one-unit string of unit `i` of a flat string (or a flattened
    /// rope), from the table of shared one-unit strings: (string, i).
    /// Deopts for anything else (an index out of range, a unit without a
    /// shared string yet, a rope not flattened yet: the baseline's).
    StrCharAt,
    /// `===` of two values a site saw only strings at: the same bits
    /// (a cell) are equal; two different atom strings, or two flat strings
    /// of different lengths, are not; two one-unit flat strings compare
    /// their units. Deopts for anything else.
    StrictEqStr,
    /// `StrictEqStr` whose second operand is an atom string (a
    /// `LoadAtomStr`): anything but a string is unequal to it, and so is
    /// any other atom string; deopts only for a rope or a longer flat
    /// string of its length that is no atom.
    StrictEqAtom,
    /// Always deopts (a site without feedback: `build`'s `unfed`).
    Deopt,
    /// The builder's mark where an inlined callee's blocks go (replaced
    /// by them before the build returns: no pass sees it).
    Splice(u32),
    /// The bytecode instruction at pc, run by the baseline tier's code for
    /// it (its inline paths and its helper: the one runtime definition).
    Generic(u32),
    /// `LoadElem`/`StoreElem`/`LoadTypedElem`/`StoreTypedF64`/
    /// `StoreTypedI32` whose index `bce` proved in range when their last
    /// operand, a Bool computed before the loop by `DenseLengthOk`,
    /// `TypedLengthOk` and `AtLeastOk`, is true: then no bounds check (the
    /// hole, frozen and typed-kind checks stay); when false, the checked
    /// op (out of line), so no guard fails that the loop would not.
    LoadElemInBounds,
    StoreElemInBounds,
    LoadTypedInBounds,
    StoreTypedF64InBounds,
    StoreTypedI32InBounds,
    /// (array, n) -> whether n <= 0, or the array is dense with a length
    /// of at least n and element storage for n elements: then every index
    /// in [0, n) is in its storage. Only calls change that.
    DenseLengthOk,
    /// (array, n) -> whether it is an `Int32Array` or a `Float64Array`
    /// and n is at most its length (which never changes).
    TypedLengthOk,
    /// (x) -> x >= the constant.
    AtLeastOk(i32),
    /// Both operands.
    AndBool,
    /// (s0, k, a) -> s0 + k*a, plus k(k-1)/2 when the flag is set (then
    /// a >= 0: the sum of a, a+1, .., a+k-1), for k >= 0, computed in 64
    /// bits: its low 32 bits (`scev` uses it where `AffineFitsI32` held).
    AffineSumI32(bool),
    /// Whether that sum fits an int32.
    AffineFitsI32(bool),
    /// (k) -> true, with k units of fuel spent, when `Vm::fuel` > k (the k
    /// back edges of a loop `scev` skips would all have had fuel); else
    /// false, with nothing spent.
    TakeFuel,
    /// `vectorize`'s element-wise loop `Func::kernels[k]` over Float64Arrays
    /// (or, for an int32 kernel, Int32Arrays):
    /// (dst, src0, src1, src2, x0, x1, i0, n, ok) -> the counter's new
    /// start. When ok (the loop's `bce` Bool) holds, every array is of the
    /// kernel's kind, no source overlaps dst ahead of it, i0 < n and more
    /// than m fuel is left (m = n - i0 rounded down to the lanes per vector),
    /// runs iterations i0..i0+m (dst[i] = the kernel of the sources' i-th
    /// elements and the scalars x0, x1), spends m fuel (their back edges)
    /// and gives i0 + m; else gives i0 with nothing done. Never deopts.
    VecLoop(u32),
}

/// One step of a `Kernel`'s postfix program over vectors of doubles (or
/// of int32s, wrapping: an int32 kernel has only `Add` and `Sub`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum KStep {
    /// Elements i.. of source array k (`VecLoop`'s operand 1 + k).
    Load(u8),
    /// Scalar k (`VecLoop`'s operand 4 + k) in every lane (for an int32
    /// kernel a double holding an int32).
    Scalar(u8),
    Add,
    Sub,
    Mul,
    Div,
}

/// An element-wise loop body for `Op::VecLoop`: a postfix program whose
/// result is stored to the destination.
#[derive(Clone, Debug, PartialEq)]
pub struct Kernel {
    pub prog: Vec<KStep>,
    /// Doubles per vector: 4 (AVX2) or 2 (SSE2).
    pub width: u8,
    /// Over Int32Arrays (lanes of 32 bits, twice the width): the scalar
    /// loop's `ToInt32` of the exact double sum is the wrapping sum.
    pub int32: bool,
}

/// As `--print-ir` shows it: `dst[i] = ((a[i] * x0) + b[i]); f64 x 4`
/// (sources a, b, c: operands 1-3; scalars x0, x1: operands 4-5; the
/// element type and the lanes per vector).
impl std::fmt::Display for Kernel {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut stack: Vec<String> = Vec::new();
        for s in &self.prog {
            let op = match s {
                KStep::Load(j) => {
                    stack.push(format!("{}[i]", (b'a' + j) as char));
                    continue;
                }
                KStep::Scalar(j) => {
                    stack.push(format!("x{j}"));
                    continue;
                }
                KStep::Add => "+",
                KStep::Sub => "-",
                KStep::Mul => "*",
                KStep::Div => "/",
            };
            let y = stack.pop().unwrap_or_default();
            let x = stack.pop().unwrap_or_default();
            stack.push(format!("({x} {op} {y})"));
        }
        let ty = if self.int32 { "int32" } else { "f64" };
        let e = stack.pop().unwrap_or_default();
        write!(out, "dst[i] = {e}; {ty} x {}", self.lanes())
    }
}

impl Kernel {
    /// Elements per vector.
    pub fn lanes(&self) -> i32 {
        self.width as i32 * if self.int32 { 2 } else { 1 }
    }
}

impl Op {
    pub fn props(&self) -> u8 {
        use props::*;
        use Op::*;
        match self {
            ConstI32(_) | ConstF64(_) | ConstBool(_) | ConstTagged(_) => PURE,
            LoadReg(_) | LoadCtx(..) => READS_FRAME,
            StoreCtx(..) | LoadCtxIn(..) => 0,
            CheckNotHole | CheckIdentityCmp => DEOPT,
            CheckInt32 | CheckNumber => DEOPT,
            I32ToF64 | BoxI32 | BoxF64 | BoxBool => PURE,
            AddI32 | SubI32 | MulI32 | ModI32 | ShrI32 | NegI32 => DEOPT,
            AndI32 | OrI32 | XorI32 | ShlI32 | SarI32 | AddI32Wrap | SubI32Wrap => PURE,
            AddF64 | SubF64 | MulF64 | DivF64 | NegF64 => PURE,
            CmpI32(_) | CmpF64(_) | CmpTagged(_) | NotBool | IsNullish | IsUndef => PURE,
            TruthyInline | CheckNative(_) | CheckCallee(_) | CheckFrameRoom(..) | Deopt => DEOPT,
            CheckAccessorRoom(..) => DEOPT,
            LoadAtomStr(_) | StrCharAt | StrictEqStr | StrictEqAtom => DEOPT,
            Splice(_) => 0,
            LoadGlobalObj | StrReceiver | MathF64(_) | MinF64 | MaxF64 | IsCallee(_) => PURE,
            // Heap reads and writes: ordered by the block's order, never
            // removed by value numbering (`gvn` forwards them by hand).
            LoadField(_) | StoreField(_) => 0,
            ReserveFuel | ReturnFuel => 0,
            LoadTypedElem | StoreTypedF64 | StoreTypedI32 => DEOPT,
            Fuel | FuelStep | TruncF64 | LoadProp(_) | StoreProp(_) | LoadElem | StoreElem
            | LoadLength | CheckShape(_) => DEOPT,
            Generic(_) | Truthy => SYNC | CALLS,
            LoadElemInBounds
            | StoreElemInBounds
            | LoadTypedInBounds
            | StoreTypedF64InBounds
            | StoreTypedI32InBounds => DEOPT,
            // (Heap reads: ordered, as `LoadField`.)
            DenseLengthOk | TypedLengthOk => 0,
            AtLeastOk(_) | AndBool => PURE,
            AffineSumI32(_) | AffineFitsI32(_) => PURE,
            TakeFuel => 0,
            // Heap reads and writes: ordered.
            VecLoop(_) => 0,
        }
    }

    /// The bounds-checked op an `...InBounds` op stands for (`bce`).
    pub fn checked(&self) -> Option<Op> {
        use Op::*;
        Some(match self {
            LoadElemInBounds => LoadElem,
            StoreElemInBounds => StoreElem,
            LoadTypedInBounds => LoadTypedElem,
            StoreTypedF64InBounds => StoreTypedF64,
            StoreTypedI32InBounds => StoreTypedI32,
            _ => return None,
        })
    }

    /// Whether operand `k` is encoded in the instruction itself when it
    /// is a `ConstI32` (`lower` reads no location for it there; see
    /// `Func::imm_only`).
    pub fn imm_operand(&self, k: usize) -> bool {
        use Op::*;
        k == 1
            && matches!(
                self,
                AddI32
                    | SubI32
                    | AddI32Wrap
                    | SubI32Wrap
                    | AndI32
                    | OrI32
                    | XorI32
                    | ShlI32
                    | SarI32
                    | ShrI32
                    | CmpI32(_)
            )
    }

    /// The op without bounds check standing for this one (`bce`).
    pub fn in_bounds(&self) -> Option<Op> {
        use Op::*;
        Some(match self {
            LoadElem => LoadElemInBounds,
            StoreElem => StoreElemInBounds,
            LoadTypedElem => LoadTypedInBounds,
            StoreTypedF64 => StoreTypedF64InBounds,
            StoreTypedI32 => StoreTypedI32InBounds,
            _ => return None,
        })
    }

    pub fn has(&self, p: u8) -> bool {
        self.props() & p != 0
    }

    /// Operand representations and the result's.
    pub fn sig(&self) -> (&'static [Repr], Option<Repr>) {
        use Op::*;
        use Repr::*;
        match self {
            ConstI32(_) => (&[], Some(Int32)),
            ConstF64(_) => (&[], Some(Float64)),
            ConstBool(_) => (&[], Some(Bool)),
            ConstTagged(_) | LoadReg(_) | LoadCtx(..) => (&[], Some(Tagged)),
            StoreCtx(..) | CheckNotHole => (&[Tagged], None),
            CheckInt32 => (&[Tagged], Some(Int32)),
            CheckNumber => (&[Tagged], Some(Float64)),
            I32ToF64 => (&[Int32], Some(Float64)),
            BoxI32 => (&[Int32], Some(Tagged)),
            BoxF64 => (&[Float64], Some(Tagged)),
            BoxBool => (&[Bool], Some(Tagged)),
            AddI32 | SubI32 | MulI32 | ModI32 | AndI32 | OrI32 | XorI32 | ShlI32 | SarI32
            | ShrI32 | AddI32Wrap | SubI32Wrap => (&[Int32, Int32], Some(Int32)),
            NegI32 => (&[Int32], Some(Int32)),
            TruncF64 => (&[Float64], Some(Int32)),
            LoadProp(_) | LoadField(_) | StrReceiver | LoadCtxIn(..) => (&[Tagged], Some(Tagged)),
            StoreProp(_) | StoreField(_) => (&[Tagged, Tagged], None),
            CheckShape(_) => (&[Tagged], None),
            LoadElem => (&[Tagged, Int32], Some(Tagged)),
            StoreElem => (&[Tagged, Int32, Tagged], None),
            LoadLength => (&[Tagged], Some(Int32)),
            LoadTypedElem => (&[Tagged, Int32], Some(Float64)),
            StoreTypedF64 => (&[Tagged, Int32, Float64], None),
            StoreTypedI32 => (&[Tagged, Int32, Int32], None),
            AddF64 | SubF64 | MulF64 | DivF64 => (&[Float64, Float64], Some(Float64)),
            NegF64 | MathF64(_) => (&[Float64], Some(Float64)),
            MinF64 | MaxF64 => (&[Float64, Float64], Some(Float64)),
            LoadGlobalObj => (&[], Some(Tagged)),
            CheckNative(_) | CheckCallee(_) | CheckIdentityCmp => (&[Tagged], None),
            CheckFrameRoom(..) | CheckAccessorRoom(..) | Deopt | Splice(_) => (&[], None),
            LoadAtomStr(_) => (&[], Some(Tagged)),
            StrCharAt => (&[Tagged, Int32], Some(Tagged)),
            StrictEqStr | StrictEqAtom => (&[Tagged, Tagged], Some(Bool)),
            CmpI32(_) => (&[Int32, Int32], Some(Bool)),
            CmpF64(_) => (&[Float64, Float64], Some(Bool)),
            CmpTagged(_) => (&[Tagged, Tagged], Some(Bool)),
            NotBool => (&[Bool], Some(Bool)),
            IsNullish | IsUndef | Truthy | TruthyInline | IsCallee(_) => (&[Tagged], Some(Bool)),
            Fuel | Generic(_) => (&[], None),
            ReserveFuel => (&[], Some(Int32)),
            FuelStep => (&[Int32], Some(Int32)),
            ReturnFuel => (&[Int32], None),
            LoadElemInBounds => (&[Tagged, Int32, Bool], Some(Tagged)),
            StoreElemInBounds => (&[Tagged, Int32, Tagged, Bool], None),
            LoadTypedInBounds => (&[Tagged, Int32, Bool], Some(Float64)),
            StoreTypedF64InBounds => (&[Tagged, Int32, Float64, Bool], None),
            StoreTypedI32InBounds => (&[Tagged, Int32, Int32, Bool], None),
            DenseLengthOk | TypedLengthOk => (&[Tagged, Int32], Some(Bool)),
            AtLeastOk(_) => (&[Int32], Some(Bool)),
            AndBool => (&[Bool, Bool], Some(Bool)),
            AffineSumI32(_) => (&[Int32, Int32, Int32], Some(Int32)),
            AffineFitsI32(_) => (&[Int32, Int32, Int32], Some(Bool)),
            TakeFuel => (&[Int32], Some(Bool)),
            VecLoop(_) => (
                &[
                    Tagged, Tagged, Tagged, Tagged, Float64, Float64, Int32, Int32, Bool,
                ],
                Some(Int32),
            ),
        }
    }
}

/// Where execution resumes if this point leaves optimized code, and what
/// the interpreter frame must hold there.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameState {
    pub pc: u32,
    /// Registers whose current value is an SSA value (not yet in the frame).
    pub regs: Vec<(u16, V)>,
    /// Registers whose frame slot already holds their current value.
    pub in_frame: Vec<u16>,
    /// Set when this state is an inlined callee's (`pc` and the registers
    /// are the callee's): the call it stands for and the caller's state.
    pub inlined: Option<Box<Inlined>>,
}

/// An inlined call (see `build`'s inlining): a deopt inside the callee
/// writes the caller's state into the caller's frame (resuming after the
/// call), the callee's registers into the call window, and pushes the
/// callee's frame, which then resumes at the state's pc.
#[derive(Clone, Debug, PartialEq)]
pub struct Inlined {
    /// Index in `Func::inlined`.
    pub callee: u32,
    /// The call's window, argument count and result register.
    pub base: u16,
    pub argc: u16,
    pub dst: u16,
    /// The caller's state during the call (its pc is the call's; the
    /// window and the result register are not in it).
    pub caller: FrameState,
}

impl FrameState {
    pub fn new(pc: u32) -> FrameState {
        FrameState {
            pc,
            regs: vec![],
            in_frame: vec![],
            inlined: None,
        }
    }

    /// Every value the state names, its callers' too.
    pub fn values(&self) -> Vec<V> {
        let mut out: Vec<V> = self.regs.iter().map(|x| x.1).collect();
        if let Some(i) = &self.inlined {
            out.extend(i.caller.values());
        }
        out
    }

    /// `values` without collecting them (in the same order).
    pub fn for_each_value(&self, f: &mut impl FnMut(V)) {
        for x in &self.regs {
            f(x.1);
        }
        if let Some(i) = &self.inlined {
            i.caller.for_each_value(f);
        }
    }

    pub fn values_mut(&mut self) -> Vec<&mut V> {
        let mut out: Vec<&mut V> = self.regs.iter_mut().map(|x| &mut x.1).collect();
        if let Some(i) = &mut self.inlined {
            out.extend(i.caller.values_mut());
        }
        out
    }
}

#[derive(Clone, Debug)]
pub struct Inst {
    pub op: Op,
    pub args: Vec<V>,
    pub res: Option<V>,
    pub fs: Option<FrameState>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub to: B,
    pub args: Vec<V>,
}

#[derive(Clone, Debug)]
pub enum Term {
    Jump(Edge),
    Branch {
        cond: V,
        then: Edge,
        els: Edge,
    },
    /// `return` of register `reg` (its frame state, which holds it, is
    /// written first: the exit reads the frame).
    Return {
        fs: FrameState,
    },
    /// Control cannot get here (after an instruction that always throws).
    Unreachable,
    /// Block 0 only: the function entry continues at the first edge; the
    /// others are OSR entry blocks, entered from outside at a loop header
    /// (`Func::osr`) with every register in the frame.
    Entries(Vec<Edge>),
}

/// A terminator's edges ([`Term::edges`]), a slice of references: a jump's
/// and a branch's are held inline, so the passes that walk every edge of
/// every block (predecessors, uses, liveness) allocate nothing.
pub struct Edges<'a>(EdgeRefs<'a>);

enum EdgeRefs<'a> {
    Inline([&'a Edge; 2], usize),
    Many(Vec<&'a Edge>),
}

impl<'a> std::ops::Deref for Edges<'a> {
    type Target = [&'a Edge];
    fn deref(&self) -> &[&'a Edge] {
        match &self.0 {
            EdgeRefs::Inline(r, n) => &r[..*n],
            EdgeRefs::Many(v) => v,
        }
    }
}

impl<'a> IntoIterator for Edges<'a> {
    type Item = &'a Edge;
    type IntoIter = EdgesIter<'a>;
    fn into_iter(self) -> EdgesIter<'a> {
        EdgesIter(self, 0)
    }
}

/// By-value iteration of [`Edges`].
pub struct EdgesIter<'a>(Edges<'a>, usize);

impl<'a> Iterator for EdgesIter<'a> {
    type Item = &'a Edge;
    fn next(&mut self) -> Option<&'a Edge> {
        let e = self.0.get(self.1).copied();
        self.1 += 1;
        e
    }
}

impl Term {
    pub fn edges(&self) -> Edges<'_> {
        Edges(match self {
            Term::Jump(e) => EdgeRefs::Inline([e, e], 1),
            Term::Branch { then, els, .. } => EdgeRefs::Inline([then, els], 2),
            Term::Entries(es) => EdgeRefs::Many(es.iter().collect()),
            Term::Return { .. } | Term::Unreachable => EdgeRefs::Many(Vec::new()),
        })
    }

    pub fn edges_mut(&mut self) -> Vec<&mut Edge> {
        match self {
            Term::Jump(e) => vec![e],
            Term::Branch { then, els, .. } => {
                vec![then, els]
            }
            Term::Entries(es) => es.iter_mut().collect(),
            Term::Return { .. } | Term::Unreachable => vec![],
        }
    }

    /// Values the terminator itself reads (not edge arguments).
    pub fn uses(&self) -> Vec<V> {
        match self {
            Term::Branch { cond, .. } => vec![*cond],
            Term::Return { fs } => fs.values(),
            _ => vec![],
        }
    }
}

#[derive(Clone, Debug)]
pub struct Block {
    pub params: Vec<V>,
    pub insts: Vec<Inst>,
    pub term: Term,
    /// The bytecode pc this block starts at (for dumps).
    pub pc: u32,
}

/// One receiver shape a `LoadProp`/`StoreProp` site accepts (an entry of
/// the baseline's inline cache).
#[derive(Clone, Debug, PartialEq)]
pub struct PropCase {
    /// The receiver's shape id + 1.
    pub key: u64,
    /// Shape id + 1 of each prototype from the receiver's up to the one
    /// holding the property (a `CHAIN_LOAD` record's); empty for an own
    /// property (always, for a `StoreProp`).
    pub protos: Vec<u64>,
    /// Where the value lives in the holder (as `feedback::PolyEntry::loc`).
    pub loc: i64,
}

impl PropCase {
    pub fn own(key: u64, loc: i64) -> PropCase {
        PropCase {
            key,
            protos: Vec::new(),
            loc,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Func {
    pub blocks: Vec<Block>,
    /// Representation of each value.
    pub reprs: Vec<Repr>,
    pub name: String,
    /// Per `Op::LoadProp`/`Op::StoreProp`: the shapes it accepts.
    pub prop_sites: Vec<Vec<PropCase>>,
    /// OSR entry blocks: (loop header pc, block).
    pub osr: Vec<(u32, B)>,
    /// Pcs not to speculate at (`OptOptions::no_spec`).
    pub no_spec: Vec<u32>,
    /// The inlined callees' prototypes and call pcs (`Inlined::callee`
    /// indexes it); prototypes outlive all code.
    pub inlined: Vec<(*const crate::bytecode::FuncProto, u32)>,
    /// Per `inlined` entry: the inlined call whose callee made it (None:
    /// this function).
    pub inlined_in: Vec<Option<u32>>,
    /// Monomorphic calls of JS functions not inlined, and why
    /// ("callee at pc P: reason"), for `--trace-opt`.
    pub not_inlined: Vec<String>,
    /// `Op::VecLoop`'s loop bodies (`vectorize`).
    pub kernels: Vec<Kernel>,
}

/// Predecessor lists of every block ([`Func::preds`]); `preds[b]` is the
/// slice of `b`'s predecessors.
pub struct Preds {
    /// `list[start[b]..start[b + 1]]` are `b`'s predecessors.
    start: Vec<u32>,
    list: Vec<B>,
}

impl Preds {
    /// Each block's predecessors, in block order.
    pub fn iter(&self) -> impl Iterator<Item = &[B]> + '_ {
        (0..self.start.len() - 1).map(|b| &self[b])
    }
}

impl std::ops::Index<usize> for Preds {
    type Output = [B];
    fn index(&self, b: usize) -> &[B] {
        &self.list[self.start[b] as usize..self.start[b + 1] as usize]
    }
}

impl Func {
    pub fn new_value(&mut self, r: Repr) -> V {
        self.reprs.push(r);
        V(self.reprs.len() as u32 - 1)
    }

    pub fn repr(&self, v: V) -> Repr {
        self.reprs[v.0 as usize]
    }

    /// Predecessor lists: `preds[b]` lists the source of each edge into
    /// `b`, in block order (a block with two edges into `b` twice).
    pub fn preds(&self) -> Preds {
        // Two passes over the edges (count, then fill) into one flat list:
        // the loop passes ask for these after every change of the graph.
        let n = self.blocks.len();
        let mut start = vec![0u32; n + 1];
        for b in &self.blocks {
            for e in b.term.edges() {
                start[e.to.0 as usize + 1] += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut list = vec![B(0); start[n] as usize];
        let mut next = start.clone();
        for (i, b) in self.blocks.iter().enumerate() {
            for e in b.term.edges() {
                let t = e.to.0 as usize;
                list[next[t] as usize] = B(i as u32);
                next[t] += 1;
            }
        }
        Preds { start, list }
    }

    /// The `ConstI32` values read only as immediates (`Op::imm_operand`):
    /// they need no location, and `lower` emits nothing for them.
    pub fn imm_only(&self) -> crate::runtime::fxhash::FxHashSet<V> {
        let mut consts = crate::runtime::fxhash::FxHashSet::<V>::default();
        for b in &self.blocks {
            for i in &b.insts {
                if let (Op::ConstI32(_), Some(r)) = (i.op, i.res) {
                    consts.insert(r);
                }
            }
        }
        for b in &self.blocks {
            for i in &b.insts {
                for (k, a) in i.args.iter().enumerate() {
                    if !i.op.imm_operand(k) {
                        consts.remove(a);
                    }
                }
                for v in i.fs.iter().flat_map(|fs| fs.values()) {
                    consts.remove(&v);
                }
            }
            for v in b.term.uses() {
                consts.remove(&v);
            }
            for e in b.term.edges() {
                for v in &e.args {
                    consts.remove(v);
                }
            }
        }
        consts
    }

    pub fn inst_count(&self) -> usize {
        self.blocks.iter().map(|b| b.insts.len() + 1).sum()
    }

    /// The text form `--print-ir` prints.
    pub fn dump(&self) -> String {
        let mut s = String::new();
        let val = |v: V| format!("v{}", v.0);
        let list = |vs: &[V]| vs.iter().map(|v| val(*v)).collect::<Vec<_>>().join(", ");
        let edge = |e: &Edge| format!("b{}({})", e.to.0, list(&e.args));
        let fs = |f: &FrameState| {
            let regs: Vec<String> = f
                .regs
                .iter()
                .map(|(r, v)| format!("r{r}={}", val(*v)))
                .collect();
            let mut out = format!("@{} [{}]", f.pc, regs.join(" "));
            let mut at = f;
            while let Some(i) = &at.inlined {
                let c = &i.caller;
                let regs: Vec<String> = c
                    .regs
                    .iter()
                    .map(|(r, v)| format!("r{r}={}", val(*v)))
                    .collect();
                let _ = write!(out, " in #{} <- @{} [{}]", i.callee, c.pc, regs.join(" "));
                at = c;
            }
            out
        };
        let _ = writeln!(s, "function {:?}", self.name);
        for (k, kn) in self.kernels.iter().enumerate() {
            let _ = writeln!(s, "kernel {k}: {kn}");
        }
        for (i, b) in self.blocks.iter().enumerate() {
            let params: Vec<String> = b
                .params
                .iter()
                .map(|p| format!("{}:{}", val(*p), self.repr(*p).short()))
                .collect();
            if b.pc == INLINED_PC {
                let _ = writeln!(s, "b{i}({}):  ; inlined", params.join(", "));
            } else {
                let _ = writeln!(s, "b{i}({}):  ; pc {}", params.join(", "), b.pc);
            }
            for ins in &b.insts {
                let lhs = match ins.res {
                    Some(r) => format!("{}:{} = ", val(r), self.repr(r).short()),
                    None => String::new(),
                };
                let f = ins
                    .fs
                    .as_ref()
                    .map(|f| format!(" {}", fs(f)))
                    .unwrap_or_default();
                let _ = writeln!(s, "  {lhs}{:?} {}{f}", ins.op, list(&ins.args));
            }
            let t = match &b.term {
                Term::Jump(e) => format!("jump {}", edge(e)),
                Term::Entries(es) => format!(
                    "entries {}",
                    es.iter().map(edge).collect::<Vec<_>>().join(", ")
                ),
                Term::Branch { cond, then, els } => {
                    format!("branch {}, {}, {}", val(*cond), edge(then), edge(els))
                }
                Term::Return { fs: f } => format!("return {}", fs(f)),
                Term::Unreachable => "unreachable".into(),
            };
            let _ = writeln!(s, "  {t}");
        }
        s
    }
}
