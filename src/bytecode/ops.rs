//! The opcode table: the one list every other part derives from (the enum,
//! names, operand kinds, register roles, effects, the disassembler, the
//! text parser, the verifier's operand and window checks, liveness, and the
//! interpreter's and baseline JIT's dispatch through exhaustive matches).
//!
//! Operand kinds (what the verifier bounds-checks); every register kind is
//! `OperandKind::Reg` (a u16 frame register: r0 = callee, r1 = this, then
//! params, locals) and differs only in its role:
//! - `reg`         read
//! - `wreg`        written
//! - `rwreg`       read, then written
//! - `window`      call window base: callee in `base`, `this` in `base + 1`,
//!   arguments in `base + 2 ..`; all `2 + argc` registers are read. The
//!   instruction's `argc` operand names the argument count.
//! - `superwindow` like `window`, but `base` and `base + 1` are written
//!   (parent constructor, hole `this`) and only the arguments are read
//! - `spreadwindow` a spread call's window: callee in `base`, `this` in
//!   `base + 1`, the arguments array in `base + 2` (all read; the callee's
//!   frame gets the array's elements spread over `base + 2 ..`)
//! - `superspreadwindow` like `superwindow` with the arguments array in
//!   `base + 2`
//! - `argregs`     registers `r .. r + argc` read (the instruction's `argc`
//!   operand names how many), no call
//! - `iterinit2`/`iterinit3`  iterator state of 2 (for-of) or 3 (for-in)
//!   registers from `iter`: all written
//! - `iterstep2`/`iterstep3`  iterator state: all read, `iter + 1` (the
//!   index) written
//! - `konst` u16  index into the function's constant pool
//! - `imm`   i32  immediate integer
//! - `jump`  i32  relative target: pc + 1 + offset
//! - `fb`    u16  feedback slot index
//! - `func`  u16  index into the function's nested prototypes
//! - `count` u16  a small count (context slots, flags)
//! - `argc`  u16  the argument count of the instruction's window
//! - `depth` u16  context chain depth
//!
//! After the operands, `[EFFECTS; reads N..; writes N..]`: the effects
//! (see [`Effects`]) and the registers read or written implicitly (fixed
//! frame registers such as r0 callee, r1 this, r2 a rest array).
//!
//! Invariants (checked by tests/bytecode_table.rs and the unit tests below):
//! - `Insn::reads`/`writes` list every register the interpreter's arm may
//!   read or write on a normal completion; a read is listed even if only
//!   some paths make it (over-approximation is safe for liveness, missing
//!   one is a miscompile). Registers written by the unwinder (a handler's
//!   `exc`) and the clobbering of the registers above a call window by the
//!   callee's frame are not instruction writes.
//! - Every register `reads`/`writes` names is below `nregs` in verified
//!   code (the verifier checks exactly these).
//! - `FALLS_THROUGH` and `TERMINATOR` are complements; `JUMP` is set exactly
//!   when there is a `jump` operand; `CALLS_JS` implies `FUEL` (entering a
//!   function spends fuel) and `THROW`.

use arbitrary::Arbitrary;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum OperandKind {
    Reg,
    Konst,
    Imm,
    Jump,
    Fb,
    Func,
    Count,
    Depth,
}

/// How an instruction uses a register operand (see the module doc).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum RegRole {
    Read,
    Write,
    ReadWrite,
    /// Call window: `base .. base + 2 + argc` read.
    Window,
    /// `super(...)` window: `base + 2 .. base + 2 + argc` read, `base` and
    /// `base + 1` written.
    SuperWindow,
    /// Spread call window: `base .. base + 3` read (callee, this, the
    /// arguments array).
    SpreadWindow,
    /// Spread `super(...)` window: `base + 2` (the arguments array) read,
    /// `base` and `base + 1` written.
    SuperSpreadWindow,
    /// `r .. r + argc` read (no call).
    ArgRegs,
    /// Iterator state of this many registers, all written.
    IterInit(u8),
    /// Iterator state of this many registers, all read; `iter + 1` written.
    IterStep(u8),
}

impl RegRole {
    /// Registers read, for operand value `r` and window argument count
    /// `argc` (as u32: unverified operands may exceed the u16 range).
    pub fn reads(self, r: u16, argc: u16) -> std::ops::Range<u32> {
        let r = r as u32;
        match self {
            RegRole::Read | RegRole::ReadWrite => r..r + 1,
            RegRole::Write | RegRole::IterInit(_) => r..r,
            RegRole::Window => r..r + 2 + argc as u32,
            RegRole::SuperWindow => r + 2..r + 2 + argc as u32,
            RegRole::SpreadWindow => r..r + 3,
            RegRole::SuperSpreadWindow => r + 2..r + 3,
            RegRole::ArgRegs => r..r + argc as u32,
            RegRole::IterStep(n) => r..r + n as u32,
        }
    }
    /// Registers written (see `reads`).
    pub fn writes(self, r: u16, _argc: u16) -> std::ops::Range<u32> {
        let r = r as u32;
        match self {
            RegRole::Read | RegRole::Window | RegRole::SpreadWindow | RegRole::ArgRegs => r..r,
            RegRole::Write | RegRole::ReadWrite => r..r + 1,
            RegRole::SuperWindow | RegRole::SuperSpreadWindow => r..r + 2,
            RegRole::IterInit(n) => r..r + n as u32,
            RegRole::IterStep(_) => r + 1..r + 2,
        }
    }
    /// Every register the operand names (reads and writes): what must fit
    /// in the frame.
    pub fn span(self, r: u16, argc: u16) -> std::ops::Range<u32> {
        let (a, b) = (self.reads(r, argc), self.writes(r, argc));
        let lo = if a.is_empty() {
            b.start
        } else {
            a.start.min(b.start)
        };
        lo.min(r as u32)..a.end.max(b.end).max(r as u32 + 1)
    }
}

/// What an operand is, beyond its kind: a register with its role, the
/// argument count of the instruction's window, or anything else.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum OperandRole {
    Reg(RegRole),
    WindowCount,
    Other,
}

/// What executing an opcode may do, beyond reading and writing registers.
#[derive(Copy, Clone, PartialEq, Eq, Default)]
pub struct Effects(u16);

impl Effects {
    pub const NONE: Effects = Effects(0);
    /// May raise a catchable exception (control goes to a handler of the
    /// function, or leaves it).
    pub const THROW: Effects = Effects(1);
    /// May allocate, and so run a (moving) collection.
    pub const GC: Effects = Effects(2);
    /// May run arbitrary JavaScript: calls, getters/setters reached by a
    /// property access, valueOf/toString conversions.
    pub const CALLS_JS: Effects = Effects(4);
    /// May spend fuel (a loop back edge, or entering a function), and so
    /// stop the program with out-of-fuel (which no handler catches).
    pub const FUEL: Effects = Effects(8);
    /// Never continues at pc + 1: unconditional jumps, return, throw.
    pub const TERMINATOR: Effects = Effects(16);
    /// May continue at pc + 1 (the complement of `TERMINATOR`).
    pub const FALLS_THROUGH: Effects = Effects(32);
    /// Has a jump operand: may continue at its target.
    pub const JUMP: Effects = Effects(64);

    const NAMES: [(&'static str, Effects); 7] = [
        ("THROW", Effects::THROW),
        ("GC", Effects::GC),
        ("CALLS_JS", Effects::CALLS_JS),
        ("FUEL", Effects::FUEL),
        ("TERMINATOR", Effects::TERMINATOR),
        ("FALLS_THROUGH", Effects::FALLS_THROUGH),
        ("JUMP", Effects::JUMP),
    ];

    pub const fn union(self, o: Effects) -> Effects {
        Effects(self.0 | o.0)
    }
    pub const fn contains(self, o: Effects) -> bool {
        self.0 & o.0 == o.0
    }
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// The full set from the table's written effects and operand kinds:
    /// adds `JUMP`, `FALLS_THROUGH`, and what `CALLS_JS` implies.
    const fn derive(written: Effects, kinds: &[OperandKind]) -> Effects {
        let mut e = written;
        if e.contains(Effects::CALLS_JS) {
            e = e.union(Effects::FUEL).union(Effects::THROW);
        }
        if !e.contains(Effects::TERMINATOR) {
            e = e.union(Effects::FALLS_THROUGH);
        }
        let mut i = 0;
        while i < kinds.len() {
            if matches!(kinds[i], OperandKind::Jump) {
                e = e.union(Effects::JUMP);
            }
            i += 1;
        }
        e
    }
}

impl std::fmt::Debug for Effects {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = Effects::NAMES
            .iter()
            .filter(|(_, e)| self.contains(*e))
            .map(|(n, _)| *n)
            .collect();
        write!(f, "Effects({})", names.join(" | "))
    }
}

macro_rules! operand_type {
    (konst) => {
        u16
    };
    (imm) => {
        i32
    };
    (jump) => {
        i32
    };
    (fb) => {
        u16
    };
    (func) => {
        u16
    };
    (count) => {
        u16
    };
    (argc) => {
        u16
    };
    (depth) => {
        u16
    };
    // Every register role.
    ($reg:ident) => {
        u16
    };
}

macro_rules! operand_kind {
    (konst) => {
        OperandKind::Konst
    };
    (imm) => {
        OperandKind::Imm
    };
    (jump) => {
        OperandKind::Jump
    };
    (fb) => {
        OperandKind::Fb
    };
    (func) => {
        OperandKind::Func
    };
    (count) => {
        OperandKind::Count
    };
    (argc) => {
        OperandKind::Count
    };
    (depth) => {
        OperandKind::Depth
    };
    ($reg:ident) => {
        OperandKind::Reg
    };
}

macro_rules! operand_role {
    (reg) => {
        OperandRole::Reg(RegRole::Read)
    };
    (wreg) => {
        OperandRole::Reg(RegRole::Write)
    };
    (rwreg) => {
        OperandRole::Reg(RegRole::ReadWrite)
    };
    (window) => {
        OperandRole::Reg(RegRole::Window)
    };
    (superwindow) => {
        OperandRole::Reg(RegRole::SuperWindow)
    };
    (spreadwindow) => {
        OperandRole::Reg(RegRole::SpreadWindow)
    };
    (superspreadwindow) => {
        OperandRole::Reg(RegRole::SuperSpreadWindow)
    };
    (argregs) => {
        OperandRole::Reg(RegRole::ArgRegs)
    };
    (iterinit2) => {
        OperandRole::Reg(RegRole::IterInit(2))
    };
    (iterinit3) => {
        OperandRole::Reg(RegRole::IterInit(3))
    };
    (iterstep2) => {
        OperandRole::Reg(RegRole::IterStep(2))
    };
    (iterstep3) => {
        OperandRole::Reg(RegRole::IterStep(3))
    };
    (argc) => {
        OperandRole::WindowCount
    };
    (konst) => {
        OperandRole::Other
    };
    (imm) => {
        OperandRole::Other
    };
    (jump) => {
        OperandRole::Other
    };
    (fb) => {
        OperandRole::Other
    };
    (func) => {
        OperandRole::Other
    };
    (count) => {
        OperandRole::Other
    };
    (depth) => {
        OperandRole::Other
    };
}

macro_rules! define_opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $text:literal { $($field:ident : $kind:ident),* }
        [ $($eff:ident)* $(; reads $($ir:literal)*)? $(; writes $($iw:literal)*)? ]
    )*) => {
        /// One bytecode instruction.
        #[derive(Copy, Clone, PartialEq, Eq, Debug, Arbitrary)]
        pub enum Insn {
            $( $(#[doc = $doc])* $name { $($field: operand_type!($kind)),* }, )*
        }

        /// Instruction kinds without operands (for coverage tables and stats).
        #[derive(Copy, Clone, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
        pub enum Opcode { $($name,)* }

        impl Opcode {
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => $text,)* }
            }
            pub fn operand_kinds(self) -> &'static [OperandKind] {
                match self { $(Opcode::$name => &[$(operand_kind!($kind)),*],)* }
            }
            /// Operand roles, parallel to `operand_kinds`.
            pub fn operand_roles(self) -> &'static [OperandRole] {
                match self { $(Opcode::$name => &[$(operand_role!($kind)),*],)* }
            }
            /// Fixed frame registers read besides the operands.
            pub fn implicit_reads(self) -> &'static [u16] {
                match self { $(Opcode::$name => &[$($($ir),*)?],)* }
            }
            /// Fixed frame registers written besides the operands.
            pub fn implicit_writes(self) -> &'static [u16] {
                match self { $(Opcode::$name => &[$($($iw),*)?],)* }
            }
            /// What executing the opcode may do.
            pub fn effects(self) -> Effects {
                match self {
                    $(Opcode::$name => {
                        const E: Effects = Effects::derive(
                            Effects::NONE $(.union(Effects::$eff))*,
                            &[$(operand_kind!($kind)),*],
                        );
                        E
                    })*
                }
            }
            pub fn from_name(s: &str) -> Option<Opcode> {
                match s { $($text => Some(Opcode::$name),)* _ => None }
            }
        }

        impl Insn {
            pub fn opcode(&self) -> Opcode {
                match self { $(Insn::$name { .. } => Opcode::$name,)* }
            }
            pub fn name(&self) -> &'static str {
                self.opcode().name()
            }
            /// Operands in table order, widened to i64.
            pub fn operands(&self) -> Vec<(OperandKind, i64)> {
                match *self {
                    $(Insn::$name { $($field),* } => vec![$((operand_kind!($kind), $field as i64)),*],)*
                }
            }
            /// Mutable access to the jump operand, if the instruction has one.
            pub fn jump_mut(&mut self) -> Option<&mut i32> {
                #[allow(unused_variables, unreachable_patterns, unreachable_code)]
                match self {
                    $(Insn::$name { $($field),* } => {
                        $( define_opcodes!(@jump_arm $kind, $field); )*
                        None
                    })*
                }
            }
            /// Builds an instruction from its opcode and operands; `None` if
            /// the count is wrong or a value does not fit its field.
            pub fn from_operands(op: Opcode, vals: &[i64]) -> Option<Insn> {
                match op {
                    $(Opcode::$name => {
                        let mut it = vals.iter();
                        $( let $field: operand_type!($kind) = (*it.next()?).try_into().ok()?; )*
                        if it.next().is_some() { return None; }
                        Some(Insn::$name { $($field),* })
                    })*
                }
            }
        }
    };
    (@jump_arm jump, $field:ident) => { return Some($field); };
    (@jump_arm $other:ident, $field:ident) => {};
}

define_opcodes! {
    /// dst = src
    Mov "mov" { dst: wreg, src: reg } []
    /// dst = constant pool entry (a string constant allocates).
    LdConst "ldconst" { dst: wreg, k: konst } [THROW GC]
    LdInt "ldint" { dst: wreg, imm: imm } []
    LdUndef "ldundef" { dst: wreg } []
    LdNull "ldnull" { dst: wreg } []
    LdTrue "ldtrue" { dst: wreg } []
    LdFalse "ldfalse" { dst: wreg } []
    /// The hole value: uninitialised let/const (TDZ).
    LdEmpty "ldempty" { dst: wreg } []

    Add "add" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Sub "sub" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Mul "mul" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Div "div" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Mod "mod" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Exp "exp" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    BitAnd "bitand" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    BitOr "bitor" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    BitXor "bitxor" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Shl "shl" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Shr "shr" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    UShr "ushr" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]

    Eq "eq" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Ne "ne" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    StrictEq "stricteq" { dst: wreg, a: reg, b: reg, fb: fb } []
    StrictNe "strictne" { dst: wreg, a: reg, b: reg, fb: fb } []
    Lt "lt" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Le "le" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Gt "gt" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    Ge "ge" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    InstanceOf "instanceof" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]
    /// dst = (a in b)
    In "in" { dst: wreg, a: reg, b: reg, fb: fb } [THROW GC CALLS_JS]

    Neg "neg" { dst: wreg, src: reg, fb: fb } [THROW GC CALLS_JS]
    /// ToNumeric (unary plus, and the old value of postfix ++/--).
    ToNumber "tonumber" { dst: wreg, src: reg } [THROW GC CALLS_JS]
    BitNot "bitnot" { dst: wreg, src: reg, fb: fb } [THROW GC CALLS_JS]
    Not "not" { dst: wreg, src: reg } []
    Inc "inc" { dst: wreg, src: reg, fb: fb } [THROW GC CALLS_JS]
    Dec "dec" { dst: wreg, src: reg, fb: fb } [THROW GC CALLS_JS]
    /// The type name string (allocated).
    TypeOf "typeof" { dst: wreg, src: reg } [THROW GC]
    /// ToString (template literal substitutions).
    ToString "tostring" { dst: wreg, src: reg } [THROW GC CALLS_JS]
    /// ToPropertyKey up to a primitive: an object key becomes
    /// ToPrimitive(key, string) once, so `o[k] op= v` and a class field's
    /// computed name convert k exactly once; primitives are unchanged.
    ToPropKey "topropkey" { dst: wreg, src: reg } [THROW GC CALLS_JS]

    Jmp "jmp" { off: jump } [TERMINATOR]
    JmpTrue "jmptrue" { src: reg, off: jump } []
    JmpFalse "jmpfalse" { src: reg, off: jump } []
    JmpNullish "jmpnullish" { src: reg, off: jump } []
    JmpNotNullish "jmpnotnullish" { src: reg, off: jump } []
    JmpUndef "jmpundef" { src: reg, off: jump } []
    /// Loop back edge: a safepoint that spends fuel and counts for OSR.
    /// Running out of fuel is not an exception (no handler sees it).
    Loop "loop" { off: jump } [TERMINATOR FUEL]

    /// Read a global (builtins and the global object); ReferenceError if absent.
    GetGlobal "getglobal" { dst: wreg, name: konst, fb: fb } [THROW GC CALLS_JS]
    /// `typeof name` for an undeclared name: undefined instead of an error.
    GetGlobalOrUndef "getglobalorundef" { dst: wreg, name: konst } [THROW GC CALLS_JS]
    /// Strict-mode assignment to a global: ReferenceError if absent.
    SetGlobal "setglobal" { name: konst, src: reg, fb: fb } [THROW GC CALLS_JS]
    /// ReferenceError "Cannot access 'name' before initialization" if src is the hole.
    CheckTdz "checktdz" { src: reg, name: konst } [THROW GC]
    /// Always throws; still marked as falling through, so that the
    /// verifier's end-of-code rule and the emitters see what they always did.
    ThrowConstAssign "throwconstassign" { name: konst } [THROW GC]

    /// Push a new closure context with `n` slots (all holes).
    PushCtx "pushctx" { n: count } [THROW GC]
    PopCtx "popctx" { } []
    /// Replace the current context with a copy (per-iteration `let` bindings).
    CopyCtx "copyctx" { } [THROW GC]
    LdCtx "ldctx" { dst: wreg, depth: depth, slot: count } []
    StCtx "stctx" { depth: depth, slot: count, src: reg } []
    GetCtx "getctx" { dst: wreg } []
    SetCtx "setctx" { src: reg } []

    GetProp "getprop" { dst: wreg, obj: reg, name: konst, fb: fb } [THROW GC CALLS_JS]
    SetProp "setprop" { obj: reg, name: konst, src: reg, fb: fb } [THROW GC CALLS_JS]
    GetElem "getelem" { dst: wreg, obj: reg, key: reg, fb: fb } [THROW GC CALLS_JS]
    SetElem "setelem" { obj: reg, key: reg, src: reg, fb: fb } [THROW GC CALLS_JS]
    DelProp "delprop" { dst: wreg, obj: reg, name: konst } [THROW GC CALLS_JS]
    DelElem "delelem" { dst: wreg, obj: reg, key: reg } [THROW GC CALLS_JS]
    /// super[key] with this as the receiver (home object from the callee).
    GetSuper "getsuper" { dst: wreg, key: reg } [THROW GC CALLS_JS; reads 0 1]
    /// super[key] = src: [[Set]] on the home object's prototype, receiver this.
    SetSuper "setsuper" { key: reg, src: reg } [THROW GC CALLS_JS; reads 0 1]

    NewObject "newobject" { dst: wreg } [THROW GC]
    /// `__proto__: src` in an object literal (objects and null only).
    SetProto "setproto" { obj: reg, src: reg } []
    NewArray "newarray" { dst: wreg, n: count } [THROW GC]
    ArrayPush "arraypush" { arr: reg, src: reg } [THROW GC]
    ArrayHole "arrayhole" { arr: reg } []
    /// Define an enumerable data property (object literals, class fields).
    DefineField "definefield" { obj: reg, key: reg, src: reg } [THROW GC CALLS_JS]
    /// Define a non-enumerable method (classes); sets the home object.
    DefineMethod "definemethod" { obj: reg, key: reg, src: reg, enumerable: count } [THROW GC CALLS_JS]
    /// Define an accessor; `getter`/`setter` may be undefined.
    DefineAccessor "defineaccessor" { obj: reg, key: reg, getter: reg, setter: reg, enumerable: count } [THROW GC CALLS_JS]

    /// dst = new closure of nested prototype `func` over the current context
    /// (an arrow also takes the callee's home object, hence r0).
    Closure "closure" { dst: wreg, func: func } [THROW GC; reads 0]
    /// dst = callee(this, args...) of the window at `base` (`argc` args).
    Call "call" { dst: wreg, base: window, argc: argc, fb: fb } [THROW GC CALLS_JS]
    New "new" { dst: wreg, base: window, argc: argc, fb: fb } [THROW GC CALLS_JS]
    /// super(...args) in a derived constructor: args at base + 2 ...; the
    /// parent constructor and the hole `this` are written to base, base + 1,
    /// and the result to r1 (this) and dst.
    SuperCall "supercall" { dst: wreg, base: superwindow, argc: argc } [THROW GC CALLS_JS; reads 0 1; writes 1]
    /// The implicit `super(...args)` of a default derived constructor:
    /// forwards this frame's arguments (the rest array in r2).
    SuperCallForward "supercallforward" { dst: wreg } [THROW GC CALLS_JS; reads 0 2; writes 1]
    /// Returns src; a constructor's frame returns `this` (r1) instead of a
    /// non-object, and throws if it is still the hole.
    Return "return" { src: reg } [THROW GC TERMINATOR; reads 1]
    /// dst = class constructor `ctor` with prototype chain from `parent`
    /// (the hole when there is no `extends`).
    Class "class" { dst: wreg, ctor: reg, parent: reg } [THROW GC CALLS_JS]
    /// Name an anonymous function after a computed key (`name` property).
    SetFunctionName "setfunctionname" { func: reg, key: reg } [THROW GC CALLS_JS]
    /// Attach the instance-field initialiser `init` to constructor `ctor`.
    SetFieldInit "setfieldinit" { ctor: reg, init: reg } []
    /// Make `home` the home object of closure `func` (`super` inside a
    /// class's static field initialisers: the class itself).
    SetHome "sethome" { func: reg, home: reg } []
    /// Run this function's class field initialiser on `this` (used by
    /// derived constructors right after super()).
    InitFields "initfields" { } [THROW GC CALLS_JS; reads 0 1]

    Throw "throw" { src: reg } [THROW GC TERMINATOR]
    /// iter = {src, index 0} in iter and iter + 1; TypeError if not iterable.
    ForOfStart "forofstart" { iter: iterinit2, src: reg } [THROW GC]
    /// dst = next value (index in iter + 1 advanced), or jump when done.
    ForOfNext "forofnext" { dst: wreg, iter: iterstep2, off: jump } [THROW GC CALLS_JS]
    /// iter = enumerable keys of src, index in iter + 1, the object in iter + 2.
    ForInStart "forinstart" { iter: iterinit3, src: reg } [THROW GC]
    ForInNext "forinnext" { dst: wreg, iter: iterstep3, off: jump } [THROW GC]
    /// Object destructuring's RequireObjectCoercible: a TypeError when src
    /// is null or undefined, message from the string constant `msg` (`%t`,
    /// `%v`: see `Vm::require_object`).
    RequireObject "requireobject" { src: reg, msg: konst } [THROW GC]
    /// Define on obj every own enumerable property of src except the keys in
    /// the array `excl` (undefined: none): object spread and rest properties.
    CopyProps "copyprops" { obj: reg, src: reg, excl: reg } [THROW GC CALLS_JS]
    /// Append every value src iterates to the array arr (spread).
    ArrayExtend "arrayextend" { arr: reg, src: reg } [THROW GC CALLS_JS]
    /// Call with `this` in base + 1 and the arguments in the array at
    /// base + 2 (spread arguments); the window grows past the frame.
    CallSpread "callspread" { dst: wreg, base: spreadwindow, fb: fb } [THROW GC CALLS_JS]
    /// `new` with the arguments in the array at base + 2.
    NewSpread "newspread" { dst: wreg, base: spreadwindow, fb: fb } [THROW GC CALLS_JS]
    /// super(...) with the arguments in the array at base + 2; as
    /// `SuperCall` for the rest.
    SuperCallSpread "supercallspread" { dst: wreg, base: superspreadwindow } [THROW GC CALLS_JS; reads 0 1; writes 1]
    /// dst = a new unmapped `arguments` object: of the `n` registers from
    /// `params` (this frame's parameter registers, before any was
    /// assigned), the first `n - 1` (`rest` != 0) or `n` are parameters,
    /// of which the frame's argument count are arguments; with `rest`, the
    /// last register's array (the extra arguments) follows.
    CreateArguments "createarguments" { dst: wreg, params: argregs, n: argc, rest: count } [THROW GC]
    /// dst = this frame's argument count: `arguments.length` in a function
    /// whose `arguments` does not escape (no object is made).
    ArgCount "argcount" { dst: wreg } []
    /// dst = `arguments[key]` without an arguments object: `params .. + n`
    /// are as `CreateArguments`'s (a snapshot of the parameter registers
    /// taken at entry, the rest array last when `rest` != 0). An index
    /// below the argument count reads them; any other key is looked up on
    /// an arguments object made for the purpose.
    ArgGet "argget" { dst: wreg, key: reg, params: argregs, n: argc, rest: count } [THROW GC CALLS_JS]
    Nop "nop" { } []
}

impl Insn {
    /// What executing the instruction may do (its opcode's effects).
    pub fn effects(&self) -> Effects {
        self.opcode().effects()
    }

    /// Whether execution may continue to pc + 1.
    pub fn falls_through(&self) -> bool {
        self.effects().contains(Effects::FALLS_THROUGH)
    }

    /// Register operands with their roles, and the window's argument count
    /// (0 when there is no window).
    fn reg_operands(&self) -> (Vec<(RegRole, u16)>, u16) {
        let mut regs = Vec::new();
        let mut argc = 0;
        for ((_, v), role) in self
            .operands()
            .into_iter()
            .zip(self.opcode().operand_roles())
        {
            match *role {
                OperandRole::Reg(r) => regs.push((r, v as u16)),
                OperandRole::WindowCount => argc = v as u16,
                OperandRole::Other => {}
            }
        }
        (regs, argc)
    }

    fn regs_by(&self, f: fn(RegRole, u16, u16) -> std::ops::Range<u32>) -> Vec<u32> {
        let (regs, argc) = self.reg_operands();
        let mut out: Vec<u32> = regs
            .iter()
            .flat_map(|&(role, r)| f(role, r, argc))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every register the instruction may read (each window register
    /// included), sorted, without duplicates. Registers past u16 (only in
    /// unverified code) are left out.
    pub fn reads(&self) -> impl Iterator<Item = u16> {
        let mut v = self.regs_by(RegRole::reads);
        v.extend(self.opcode().implicit_reads().iter().map(|&r| r as u32));
        v.sort_unstable();
        v.dedup();
        v.into_iter().filter_map(|r| u16::try_from(r).ok())
    }

    /// Every register the instruction writes when it completes normally.
    pub fn writes(&self) -> impl Iterator<Item = u16> {
        let mut v = self.regs_by(RegRole::writes);
        v.extend(self.opcode().implicit_writes().iter().map(|&r| r as u32));
        v.sort_unstable();
        v.dedup();
        v.into_iter().filter_map(|r| u16::try_from(r).ok())
    }

    /// The call window `(base, argc)`: callee at `base`, this at
    /// `base + 1`, `argc` arguments after (a spread call's one argument is
    /// its arguments array).
    pub fn window(&self) -> Option<(u16, u16)> {
        let (regs, argc) = self.reg_operands();
        regs.iter().find_map(|&(role, base)| match role {
            RegRole::Window | RegRole::SuperWindow => Some((base, argc)),
            RegRole::SpreadWindow | RegRole::SuperSpreadWindow => Some((base, 1)),
            _ => None,
        })
    }

    /// One past the highest register the instruction names (operands,
    /// their windows and iterator state, implicit registers): it fits in a
    /// frame of `nregs` registers iff this is `<= nregs`. As u32, since an
    /// unverified window may reach past u16.
    pub fn reg_extent(&self) -> u32 {
        let (regs, argc) = self.reg_operands();
        let op = self.opcode();
        regs.iter()
            .map(|&(role, r)| role.span(r, argc).end)
            .chain(op.implicit_reads().iter().map(|&r| r as u32 + 1))
            .chain(op.implicit_writes().iter().map(|&r| r as u32 + 1))
            .max()
            .unwrap_or(0)
    }
}
