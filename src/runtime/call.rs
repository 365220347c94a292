//! Function objects and the calling convention shared by every tier:
//! closures and natives, calls from Rust (`call`, `construct`), and the
//! frame push that JS-to-JS calls make (the interpreter's `Call` arm, the
//! run loop handling a JIT exit, and the checks baseline direct-call
//! entries restate in machine code).
//!
//! Invariants:
//! - A frame push checks, in order, depth (`Options::max_depth`), value
//!   stack room and fuel, and writes nothing when one fails (so a JIT entry
//!   that refuses yields exactly the interpreter's error).
//! - A call window (callee, this, args) sits at the top of the caller's
//!   live registers, so the callee's frame may start at the window.
//! - Calls from Rust nest the run loop (`Vm::run_loop`, the interpreter's
//!   `Vm::run`, installed by `Vm::new` in `interp`) and are bounded by
//!   `MAX_NATIVE_DEPTH`.

use crate::bytecode::{FuncKind, FuncProto};
use crate::runtime::atoms::{wk, PropKey};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::shape::{self, WRITABLE};
use crate::runtime::{
    fixed, oflags, Args, ErrorKind, Frame, Intrinsic, JsResult, Throw, Value, Vm, STACK_VALUES,
};

/// How deeply Rust code may re-enter the interpreter (each level costs Rust
/// stack; the engine runs on a thread with a large stack).
pub const MAX_NATIVE_DEPTH: usize = 2_000;

fn stack_overflow(vm: &mut Vm) -> Throw {
    vm.throw_error(ErrorKind::RangeError, "Maximum call stack size exceeded")
}

impl Vm {
    // ----- function objects -----

    /// The shape every function object starts with: `length` in slot 0 and
    /// `name` in slot 1 (both configurable only), after `n_fixed` fixed words.
    pub fn function_shape(&mut self, n_fixed: u8) -> crate::runtime::shape::ShapeId {
        let root = self.shapes.root(n_fixed, 3);
        let (s1, _) = self
            .shapes
            .add(root, PropKey::Atom(wk::length), shape::CONFIGURABLE);
        let (s2, _) = self
            .shapes
            .add(s1, PropKey::Atom(wk::name), shape::CONFIGURABLE);
        s2
    }

    /// A closure of `p` over context `env`. The closure keeps a raw pointer
    /// to `p`: prototypes live as long as the VM (`Vm::scripts` owns every
    /// script's tree), which is what makes later dereferences sound.
    pub fn new_closure(&mut self, p: &FuncProto, env: Value) -> JsResult<Value> {
        let proto: *const FuncProto = p;
        let name_atom = self.atoms.intern_str(&p.name);
        let mut keep_env = [env];
        self.handles.push(keep_env[0]);
        let name = self.atom_string(name_atom);
        keep_env[0] = self.handles.pop().unwrap();
        let (env, name) = (keep_env[0], name?);
        // Read after the allocation above, which may have moved it.
        let fproto = self.intrinsic(Intrinsic::FunctionPrototype);
        let mut flags = 0;
        if p.kind.is_class_constructor() {
            flags |= oflags::CLASS_CONSTRUCTOR;
        }
        if p.kind == FuncKind::DerivedConstructor {
            flags |= oflags::DERIVED;
        }
        let mut keep = [env, fproto, name];
        let c = self.alloc_rooted(
            Kind::Function,
            crate::runtime::object::OBJECT_RAW_WORDS,
            fixed::FUNCTION as usize + 3,
            flags,
            &mut keep,
        )?;
        c.set_raw(0, self.function_shape(fixed::FUNCTION).0 as u64);
        c.set_raw(1, proto as u64);
        c.set(fixed::PROTO, keep[1]);
        c.set(fixed::FN_ENV, keep[0]);
        c.set(fixed::FN_HOME, Value::UNDEFINED);
        c.set(fixed::FN_FIELDS, Value::UNDEFINED);
        c.set(fixed::FUNCTION as usize, Value::int(p.length as i32));
        c.set(fixed::FUNCTION as usize + 1, keep[2]);
        let f = c.value();
        if p.kind == FuncKind::Normal {
            // Plain functions are constructors with a fresh prototype object.
            self.handles.push(f);
            let r = (|| {
                let po = self.new_plain_object()?;
                self.handles.push(po);
                let f = self.handles[self.handles.len() - 2];
                self.define_own(po, PropKey::Atom(wk::constructor), f, shape::METHOD_ATTRS)?;
                let po = self.handles.pop().unwrap();
                let f = *self.handles.last().unwrap();
                self.define_own(f, PropKey::Atom(wk::prototype), po, WRITABLE)
            })();
            let f = self.handles.pop().unwrap();
            r?;
            return Ok(f);
        }
        Ok(f)
    }

    /// A native function object.
    pub fn new_native(
        &mut self,
        f: crate::runtime::NativeFn,
        name: &str,
        length: u32,
        ctor: bool,
    ) -> JsResult<Value> {
        let name = self.new_str(name)?;
        // Read after the allocation above, which may have moved it.
        let fproto = self.intrinsic(Intrinsic::FunctionPrototype);
        let mut keep = [fproto, name];
        let flags = if ctor { 0 } else { oflags::CLASS_CONSTRUCTOR };
        let c = self.alloc_rooted(
            Kind::Native,
            crate::runtime::object::OBJECT_RAW_WORDS,
            fixed::NATIVE as usize + 3,
            flags,
            &mut keep,
        )?;
        c.set_raw(0, self.function_shape(fixed::NATIVE).0 as u64);
        c.set_raw(1, f as usize as u64);
        c.set(fixed::PROTO, keep[0]);
        c.set(fixed::NATIVE as usize, Value::int(length as i32));
        c.set(fixed::NATIVE as usize + 1, keep[1]);
        Ok(c.value())
    }

    pub fn native_is_constructor(&self, f: Value) -> bool {
        Cell::from_value(f).flags() & oflags::CLASS_CONSTRUCTOR == 0
    }

    pub fn is_constructor(&self, f: Value) -> bool {
        match self.kind_of(f) {
            Some(Kind::Function) => unsafe { &*self.func_proto(f) }.kind.is_constructor(),
            Some(Kind::Native) => self.native_is_constructor(f),
            Some(Kind::Bound) => self.is_constructor(Cell::from_value(f).get(fixed::BOUND_TARGET)),
            _ => false,
        }
    }

    #[inline]
    pub fn func_proto(&self, f: Value) -> *const FuncProto {
        Cell::from_value(f).raw(1) as *const FuncProto
    }

    // ----- calls from Rust -----

    /// Calls `f` with `this` and `args` (which are copied onto the value
    /// stack before anything can allocate).
    pub fn call(&mut self, f: Value, this: Value, args: &[Value]) -> JsResult<Value> {
        let base = self.sp;
        if base + 2 + args.len() + 16 >= STACK_VALUES {
            return Err(stack_overflow(self));
        }
        self.stack[base] = f;
        self.stack[base + 1] = this;
        self.stack[base + 2..base + 2 + args.len()].copy_from_slice(args);
        self.sp = base + 2 + args.len();
        let r = self.call_at(base, args.len(), None);
        self.sp = base;
        r
    }

    /// `new f(...args)` with the given new.target.
    pub fn construct(&mut self, f: Value, args: &[Value], new_target: Value) -> JsResult<Value> {
        let base = self.sp;
        if base + 2 + args.len() + 16 >= STACK_VALUES {
            return Err(stack_overflow(self));
        }
        self.stack[base] = f;
        self.stack[base + 1] = Value::EMPTY;
        self.stack[base + 2..base + 2 + args.len()].copy_from_slice(args);
        self.sp = base + 2 + args.len();
        let r = self.call_at(base, args.len(), Some(new_target));
        self.sp = base;
        r
    }

    /// Calls the window at `base` to completion (nesting a run loop for JS
    /// functions). `new_target` is `Some` for construct calls.
    pub fn call_at(
        &mut self,
        base: usize,
        argc: usize,
        new_target: Option<Value>,
    ) -> JsResult<Value> {
        let f = self.stack[base];
        match self.kind_of(f) {
            Some(Kind::Function) => {
                if self.native_depth >= MAX_NATIVE_DEPTH {
                    return Err(stack_overflow(self));
                }
                self.native_depth += 1;
                let r = match self.push_frame(base, argc, new_target, true, 0) {
                    Ok(()) => (self.run_loop)(self),
                    Err(t) => Err(t),
                };
                self.native_depth -= 1;
                r
            }
            Some(Kind::Native) => self.call_native(base, argc, new_target),
            Some(Kind::Bound) => {
                let c = Cell::from_value(f);
                let target = c.get(fixed::BOUND_TARGET);
                let bthis = c.get(fixed::BOUND_THIS);
                let bargs = c.get(fixed::BOUND_ARGS);
                let mut args: Vec<Value> = Vec::new();
                if bargs.is_cell() {
                    let b = Cell::from_value(bargs);
                    args.extend((0..b.nvals()).map(|i| b.get(i)));
                }
                args.extend_from_slice(&self.stack[base + 2..base + 2 + argc]);
                match new_target {
                    None => self.call(target, bthis, &args),
                    Some(nt) => {
                        let nt = if nt == f { target } else { nt };
                        self.construct(target, &args, nt)
                    }
                }
            }
            _ => {
                let shown = crate::runtime::format::display_for_error(self, f);
                let msg = if new_target.is_some() {
                    format!("{shown} is not a constructor")
                } else {
                    format!("{shown} is not a function")
                };
                Err(self.type_error(&msg))
            }
        }
    }

    fn call_native(
        &mut self,
        base: usize,
        argc: usize,
        new_target: Option<Value>,
    ) -> JsResult<Value> {
        let f = self.stack[base];
        if new_target.is_some() && !self.native_is_constructor(f) {
            let shown = crate::runtime::format::display_for_error(self, f);
            return Err(self.type_error(&format!("{shown} is not a constructor")));
        }
        let func: crate::runtime::NativeFn =
            unsafe { std::mem::transmute(Cell::from_value(f).raw(1) as usize) };
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(stack_overflow(self));
        }
        let saved_sp = self.sp;
        self.sp = self.sp.max(base + 2 + argc);
        if let Some(nt) = new_target {
            // Constructors get new.target in the (unused) `this` slot, a root.
            self.stack[base + 1] = nt;
        }
        self.native_depth += 1;
        let r = func(
            self,
            Args {
                base,
                argc,
                construct: new_target.is_some(),
            },
        );
        self.native_depth -= 1;
        self.sp = saved_sp;
        r
    }

    /// Pushes a frame for the JS function in the window at `base`.
    /// (`inline`: the interpreter's call arm is in another codegen unit.)
    #[inline]
    pub(crate) fn push_frame(
        &mut self,
        base: usize,
        argc: usize,
        new_target: Option<Value>,
        entry: bool,
        ret_dst: u32,
    ) -> JsResult<()> {
        // The common case: a plain call of a function without a rest
        // parameter allocates nothing, so it needs no rooting.
        if new_target.is_none() {
            let p = unsafe { &*self.func_proto(self.stack[base]) };
            if !p.has_rest && !p.kind.is_class_constructor() {
                return self.push_frame_plain(base, argc, p, entry, ret_dst);
            }
        }
        // new.target is not on the stack: keep it rooted while the frame is
        // set up (the rest array and `this` allocate).
        self.handles.push(new_target.unwrap_or(Value::UNDEFINED));
        let r = self.push_frame_rooted(base, argc, new_target.is_some(), entry, ret_dst);
        self.handles.pop();
        r
    }

    /// The frame of a plain call that optimized code inlined, pushed when
    /// the inlined callee deoptimizes: `push_frame_plain`'s frame, whose
    /// checks passed and whose fuel was spent when the inlined call began,
    /// and whose registers the deopt wrote (all `p.nregs` of them); it
    /// resumes at `pc`.
    pub fn push_inlined_frame(
        &mut self,
        base: usize,
        argc: usize,
        p: &FuncProto,
        ret_dst: u32,
        pc: usize,
    ) {
        debug_assert!(self.frames.len() < self.opts.max_depth);
        p.jit.count_call();
        self.push_plain_record(base, argc, p, false, ret_dst, pc);
    }

    /// `push_frame` for a call (not construct) of a function without a rest
    /// parameter: nothing here allocates.
    #[inline(always)]
    fn push_frame_plain(
        &mut self,
        base: usize,
        argc: usize,
        p: &FuncProto,
        entry: bool,
        ret_dst: u32,
    ) -> JsResult<()> {
        let nregs = p.nregs as usize;
        if self.frames.len() >= self.opts.max_depth || base + nregs + 2 >= STACK_VALUES {
            return Err(stack_overflow(self));
        }
        if self.fuel <= 1 {
            self.fuel = 0;
            return Err(Throw::OutOfFuel);
        }
        self.fuel -= 1;
        p.jit.count_call();
        let np = p.nparams as usize;
        // Missing arguments and locals are undefined; extra arguments past
        // the parameters become locals (undefined) too.
        let first_undef = base + 2 + argc.min(np);
        self.stack[first_undef..base + nregs].fill(Value::UNDEFINED);
        self.push_plain_record(base, argc, p, entry, ret_dst, 0);
        Ok(())
    }

    /// The `Frame` of a plain call whose registers are in place: the stack
    /// top covers them (never below the caller's), the context is the
    /// callee's.
    #[inline(always)]
    fn push_plain_record(
        &mut self,
        base: usize,
        argc: usize,
        p: &FuncProto,
        entry: bool,
        ret_dst: u32,
        pc: usize,
    ) {
        let caller_sp = self.sp;
        let frame_sp = self.sp.max(base + p.nregs as usize);
        self.sp = frame_sp;
        let env = Cell::from_value(self.stack[base]).get(fixed::FN_ENV);
        self.frames.push(Frame {
            proto: p,
            fp: base,
            pc,
            ctx: env,
            new_target: Value::UNDEFINED,
            argc: argc as u32,
            ret_dst,
            sp: frame_sp,
            caller_sp,
            entry,
            construct: false,
        });
    }

    /// `push_frame` with new.target on top of `handles`.
    fn push_frame_rooted(
        &mut self,
        base: usize,
        argc: usize,
        construct: bool,
        entry: bool,
        ret_dst: u32,
    ) -> JsResult<()> {
        let f = self.stack[base];
        let proto = self.func_proto(f);
        let p = unsafe { &*proto };
        if construct && !p.kind.is_constructor() {
            let shown = crate::runtime::format::display_for_error(self, f);
            return Err(self.type_error(&format!("{shown} is not a constructor")));
        }
        if !construct && p.kind.is_class_constructor() {
            return Err(self.type_error(&format!(
                "Class constructor {} cannot be invoked without 'new'",
                p.name
            )));
        }
        if self.frames.len() >= self.opts.max_depth || base + p.nregs as usize + 2 >= STACK_VALUES {
            return Err(stack_overflow(self));
        }
        if self.fuel <= 1 {
            self.fuel = 0;
            return Err(Throw::OutOfFuel);
        }
        self.fuel -= 1;
        p.jit.count_call();
        let np = p.nparams as usize;
        let nregs = p.nregs as usize;
        // Arguments beyond the window's end are undefined; extra arguments
        // past the parameters go to the rest array (if any), then the
        // registers they occupied become ordinary locals. Everything below
        // the new sp is initialised before anything can allocate.
        for i in base + 2 + argc.max(np)..base + nregs {
            self.stack[i] = Value::UNDEFINED;
        }
        for i in argc..np {
            self.stack[base + 2 + i] = Value::UNDEFINED;
        }
        let caller_sp = self.sp;
        let frame_sp = self.sp.max(base + nregs);
        self.sp = frame_sp.max(base + 2 + argc);
        if p.has_rest {
            let first = np - 1;
            let extra: Vec<Value> = if argc > first {
                self.stack[base + 2 + first..base + 2 + argc].to_vec()
            } else {
                Vec::new()
            };
            let arr = self.new_array_from(&extra)?;
            self.stack[base + 2 + first] = arr;
        }
        for i in base + 2 + np..base + 2 + argc.min(nregs - 2) {
            self.stack[i] = Value::UNDEFINED;
        }
        self.sp = frame_sp;
        if construct {
            if p.kind == FuncKind::DerivedConstructor {
                self.stack[base + 1] = Value::EMPTY;
            } else {
                let nt = *self.handles.last().unwrap();
                let this = self.ordinary_create_from_constructor(nt)?;
                self.stack[base + 1] = this;
            }
        }
        let nt = *self.handles.last().unwrap();
        // Read after the allocation above (the callee is on the stack, a root).
        let env = Cell::from_value(self.stack[base]).get(fixed::FN_ENV);
        self.frames.push(Frame {
            proto,
            fp: base,
            pc: 0,
            ctx: env,
            new_target: nt,
            argc: argc as u32,
            ret_dst,
            sp: frame_sp,
            caller_sp,
            entry,
            construct,
        });
        if construct && p.kind == FuncKind::ClassConstructor {
            // Base class: instance fields are initialised before the body.
            let callee = self.stack[base];
            let this = self.stack[base + 1];
            if let Err(t) = self.run_field_init(callee, this) {
                let f = self.frames.pop().unwrap();
                self.sp = f.caller_sp;
                return Err(t);
            }
        }
        Ok(())
    }

    /// A new object whose prototype is `new_target.prototype` (or
    /// Object.prototype when that is not an object).
    pub fn ordinary_create_from_constructor(&mut self, new_target: Value) -> JsResult<Value> {
        let mut proto = self.get(new_target, PropKey::Atom(wk::prototype))?;
        if !self.is_object(proto) {
            proto = self.intrinsic(Intrinsic::ObjectPrototype);
        }
        self.new_object(proto)
    }
}
