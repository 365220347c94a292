//! The opcode table: the one list every other part derives from (the enum,
//! names, operand kinds, the disassembler, the text parser, the verifier's
//! operand checks, and the interpreter's and baseline JIT's dispatch through
//! exhaustive matches).
//!
//! Operand kinds (what the verifier bounds-checks):
//! - `reg`   u16  frame register (r0 = callee, r1 = this, then params, locals)
//! - `konst` u16  index into the function's constant pool
//! - `imm`   i32  immediate integer
//! - `jump`  i32  relative target: pc + 1 + offset
//! - `fb`    u16  feedback slot index
//! - `func`  u16  index into the function's nested prototypes
//! - `count` u16  a small count (arguments, context slots)
//! - `depth` u16  context chain depth
//!
//! Calls use a register window: callee in `base`, `this` in `base + 1`,
//! arguments in `base + 2 ..`. The window must fit in the frame.

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

macro_rules! operand_type {
    (reg) => {
        u16
    };
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
    (depth) => {
        u16
    };
}

macro_rules! operand_kind {
    (reg) => {
        OperandKind::Reg
    };
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
    (depth) => {
        OperandKind::Depth
    };
}

macro_rules! define_opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident $text:literal { $($field:ident : $kind:ident),* } )*) => {
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
    Mov "mov" { dst: reg, src: reg }
    /// dst = constant pool entry
    LdConst "ldconst" { dst: reg, k: konst }
    LdInt "ldint" { dst: reg, imm: imm }
    LdUndef "ldundef" { dst: reg }
    LdNull "ldnull" { dst: reg }
    LdTrue "ldtrue" { dst: reg }
    LdFalse "ldfalse" { dst: reg }
    /// The hole value: uninitialised let/const (TDZ).
    LdEmpty "ldempty" { dst: reg }

    Add "add" { dst: reg, a: reg, b: reg, fb: fb }
    Sub "sub" { dst: reg, a: reg, b: reg, fb: fb }
    Mul "mul" { dst: reg, a: reg, b: reg, fb: fb }
    Div "div" { dst: reg, a: reg, b: reg, fb: fb }
    Mod "mod" { dst: reg, a: reg, b: reg, fb: fb }
    Exp "exp" { dst: reg, a: reg, b: reg, fb: fb }
    BitAnd "bitand" { dst: reg, a: reg, b: reg, fb: fb }
    BitOr "bitor" { dst: reg, a: reg, b: reg, fb: fb }
    BitXor "bitxor" { dst: reg, a: reg, b: reg, fb: fb }
    Shl "shl" { dst: reg, a: reg, b: reg, fb: fb }
    Shr "shr" { dst: reg, a: reg, b: reg, fb: fb }
    UShr "ushr" { dst: reg, a: reg, b: reg, fb: fb }

    Eq "eq" { dst: reg, a: reg, b: reg, fb: fb }
    Ne "ne" { dst: reg, a: reg, b: reg, fb: fb }
    StrictEq "stricteq" { dst: reg, a: reg, b: reg, fb: fb }
    StrictNe "strictne" { dst: reg, a: reg, b: reg, fb: fb }
    Lt "lt" { dst: reg, a: reg, b: reg, fb: fb }
    Le "le" { dst: reg, a: reg, b: reg, fb: fb }
    Gt "gt" { dst: reg, a: reg, b: reg, fb: fb }
    Ge "ge" { dst: reg, a: reg, b: reg, fb: fb }
    InstanceOf "instanceof" { dst: reg, a: reg, b: reg, fb: fb }
    /// dst = (a in b)
    In "in" { dst: reg, a: reg, b: reg }

    Neg "neg" { dst: reg, src: reg, fb: fb }
    /// ToNumeric (unary plus, and the old value of postfix ++/--).
    ToNumber "tonumber" { dst: reg, src: reg }
    BitNot "bitnot" { dst: reg, src: reg, fb: fb }
    Not "not" { dst: reg, src: reg }
    Inc "inc" { dst: reg, src: reg, fb: fb }
    Dec "dec" { dst: reg, src: reg, fb: fb }
    TypeOf "typeof" { dst: reg, src: reg }
    /// ToString (template literal substitutions).
    ToString "tostring" { dst: reg, src: reg }

    Jmp "jmp" { off: jump }
    JmpTrue "jmptrue" { src: reg, off: jump }
    JmpFalse "jmpfalse" { src: reg, off: jump }
    JmpNullish "jmpnullish" { src: reg, off: jump }
    JmpNotNullish "jmpnotnullish" { src: reg, off: jump }
    JmpUndef "jmpundef" { src: reg, off: jump }
    /// Loop back edge: a safepoint that spends fuel and counts for OSR.
    Loop "loop" { off: jump }

    /// Read a global (builtins and the global object); ReferenceError if absent.
    GetGlobal "getglobal" { dst: reg, name: konst, fb: fb }
    /// `typeof name` for an undeclared name: undefined instead of an error.
    GetGlobalOrUndef "getglobalorundef" { dst: reg, name: konst }
    /// Strict-mode assignment to a global: ReferenceError if absent.
    SetGlobal "setglobal" { name: konst, src: reg, fb: fb }
    /// ReferenceError "Cannot access 'name' before initialization" if src is the hole.
    CheckTdz "checktdz" { src: reg, name: konst }
    ThrowConstAssign "throwconstassign" { name: konst }

    /// Push a new closure context with `n` slots (all holes).
    PushCtx "pushctx" { n: count }
    PopCtx "popctx" { }
    /// Replace the current context with a copy (per-iteration `let` bindings).
    CopyCtx "copyctx" { }
    LdCtx "ldctx" { dst: reg, depth: depth, slot: count }
    StCtx "stctx" { depth: depth, slot: count, src: reg }
    GetCtx "getctx" { dst: reg }
    SetCtx "setctx" { src: reg }

    GetProp "getprop" { dst: reg, obj: reg, name: konst, fb: fb }
    SetProp "setprop" { obj: reg, name: konst, src: reg, fb: fb }
    GetElem "getelem" { dst: reg, obj: reg, key: reg, fb: fb }
    SetElem "setelem" { obj: reg, key: reg, src: reg, fb: fb }
    DelProp "delprop" { dst: reg, obj: reg, name: konst }
    DelElem "delelem" { dst: reg, obj: reg, key: reg }
    /// super[key] with this as the receiver (home object from the callee).
    GetSuper "getsuper" { dst: reg, key: reg }
    /// super[key] = src: [[Set]] on the home object's prototype, receiver this.
    SetSuper "setsuper" { key: reg, src: reg }

    NewObject "newobject" { dst: reg }
    /// `__proto__: src` in an object literal (objects and null only).
    SetProto "setproto" { obj: reg, src: reg }
    NewArray "newarray" { dst: reg, n: count }
    ArrayPush "arraypush" { arr: reg, src: reg }
    ArrayHole "arrayhole" { arr: reg }
    /// Define an enumerable data property (object literals, class fields).
    DefineField "definefield" { obj: reg, key: reg, src: reg }
    /// Define a non-enumerable method (classes); sets the home object.
    DefineMethod "definemethod" { obj: reg, key: reg, src: reg, enumerable: count }
    /// Define an accessor; `getter`/`setter` may be undefined.
    DefineAccessor "defineaccessor" { obj: reg, key: reg, getter: reg, setter: reg, enumerable: count }

    /// dst = new closure of nested prototype `func` over the current context.
    Closure "closure" { dst: reg, func: func }
    Call "call" { dst: reg, base: reg, argc: count, fb: fb }
    New "new" { dst: reg, base: reg, argc: count, fb: fb }
    /// super(...args) in a derived constructor: args at base + 2 ...
    SuperCall "supercall" { dst: reg, base: reg, argc: count }
    /// The implicit `super(...args)` of a default derived constructor:
    /// forwards this frame's arguments.
    SuperCallForward "supercallforward" { dst: reg }
    Return "return" { src: reg }
    /// dst = class constructor `ctor` with prototype chain from `parent`
    /// (the hole when there is no `extends`).
    Class "class" { dst: reg, ctor: reg, parent: reg }
    /// Name an anonymous function after a computed key (`name` property).
    SetFunctionName "setfunctionname" { func: reg, key: reg }
    /// Attach the instance-field initialiser `init` to constructor `ctor`.
    SetFieldInit "setfieldinit" { ctor: reg, init: reg }
    /// Make `home` the home object of closure `func` (`super` inside a
    /// class's static field initialisers: the class itself).
    SetHome "sethome" { func: reg, home: reg }
    /// Run this function's class field initialiser on `this` (used by
    /// derived constructors right after super()).
    InitFields "initfields" { }

    Throw "throw" { src: reg }
    /// iter = {src, index 0} in iter and iter + 1; TypeError if not iterable.
    ForOfStart "forofstart" { iter: reg, src: reg }
    /// dst = next value, or jump when done.
    ForOfNext "forofnext" { dst: reg, iter: reg, off: jump }
    /// iter = enumerable keys of src, index in iter + 1, the object in iter + 2.
    ForInStart "forinstart" { iter: reg, src: reg }
    ForInNext "forinnext" { dst: reg, iter: reg, off: jump }
    /// Object destructuring's RequireObjectCoercible: a TypeError when src
    /// is null or undefined, message from the string constant `msg` (`%t`,
    /// `%v`: see `Vm::require_object`).
    RequireObject "requireobject" { src: reg, msg: konst }
    /// Define on obj every own enumerable property of src except the keys in
    /// the array `excl` (undefined: none): object spread and rest properties.
    CopyProps "copyprops" { obj: reg, src: reg, excl: reg }
    /// Append every value src iterates to the array arr (spread).
    ArrayExtend "arrayextend" { arr: reg, src: reg }
    /// Call with `this` in base + 1 and the arguments in the array at
    /// base + 2 (spread arguments); the window grows past the frame.
    CallSpread "callspread" { dst: reg, base: reg, fb: fb }
    /// `new` with the arguments in the array at base + 2.
    NewSpread "newspread" { dst: reg, base: reg, fb: fb }
    /// super(...) with the arguments in the array at base + 2.
    SuperCallSpread "supercallspread" { dst: reg, base: reg }
    /// dst = a new unmapped `arguments` object: this frame's arguments as
    /// passed (parameter registers before any were assigned, then the
    /// rest array's elements).
    CreateArguments "createarguments" { dst: reg }
    Nop "nop" { }
}

impl Insn {
    /// Whether execution may continue to pc + 1.
    pub fn falls_through(&self) -> bool {
        !matches!(
            self,
            Insn::Jmp { .. } | Insn::Loop { .. } | Insn::Return { .. } | Insn::Throw { .. }
        )
    }
}
