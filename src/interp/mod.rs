//! The reference interpreter: the semantics every tier is checked against.
//!
//! Invariants:
//! - JS-to-JS calls do not recurse on the Rust stack: a call pushes a
//!   `Frame` and the loop continues in the callee. Rust re-entry (natives
//!   calling JS, getters, constructors run from `super()`) nests `run` and is
//!   bounded by `MAX_NATIVE_DEPTH`.
//! - A call window (callee, this, args) sits at the top of the caller's live
//!   registers (the compiler guarantees nothing live is above it), so the
//!   callee's frame may start at the window and overlap dead temporaries.
//! - `frame.pc` is the index of the next instruction; the faulting or
//!   calling instruction is `pc - 1`, which is what handler lookup uses.
//! - Fuel is spent at every function entry and loop back edge, the same
//!   program points in every tier.
//! - Type feedback: arithmetic sites record operand kinds, property sites
//!   the monomorphic (shape, slot), call sites the callee prototype.

use crate::bytecode::{feedback as fbk, Const, FuncKind, FuncProto, Insn};
use crate::runtime::atoms::{array_index, wk, Atom, PropKey};
use crate::runtime::code::{CodeExit, CodeKind};
use crate::runtime::heap::{Cell, Kind};
use crate::runtime::ops::{self, BinOp, CmpOp};
use crate::runtime::shape::{self, ACCESSOR, WRITABLE};
use crate::runtime::{
    fixed, oflags, Args, ErrorKind, Frame, Intrinsic, JsResult, Throw, Value, Vm, STACK_VALUES,
};
use std::rc::Rc;

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
                    Ok(()) => self.run(),
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

    /// `push_frame` for a call (not construct) of a function without a rest
    /// parameter: nothing here allocates.
    #[inline]
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
        p.jit.call_count.set(p.jit.call_count.get().wrapping_add(1));
        let np = p.nparams as usize;
        // Missing arguments and locals are undefined; extra arguments past
        // the parameters become locals (undefined) too.
        let first_undef = base + 2 + argc.min(np);
        self.stack[first_undef..base + nregs].fill(Value::UNDEFINED);
        let caller_sp = self.sp;
        let frame_sp = self.sp.max(base + nregs);
        self.sp = frame_sp;
        let env = Cell::from_value(self.stack[base]).get(fixed::FN_ENV);
        self.frames.push(Frame {
            proto: p,
            fp: base,
            pc: 0,
            ctx: env,
            new_target: Value::UNDEFINED,
            argc: argc as u32,
            ret_dst,
            sp: frame_sp,
            caller_sp,
            entry,
            construct: false,
        });
        Ok(())
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
        p.jit.call_count.set(p.jit.call_count.get().wrapping_add(1));
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

    pub(crate) fn run_field_init(&mut self, callee: Value, this: Value) -> JsResult<()> {
        let init = Cell::from_value(callee).get(fixed::FN_FIELDS);
        if self.is_callable(init) {
            self.call(init, this, &[])?;
        }
        Ok(())
    }

    // ----- helpers used by the loop -----

    /// The atom and (if index-like) index of string constant `k` of `p`.
    #[inline]
    pub(crate) fn const_atom(&mut self, p: &FuncProto, k: u16) -> (Atom, Option<u32>) {
        let cell = &p.const_atoms[k as usize];
        let v = cell.get();
        if v != 0 {
            let idx = (v >> 32) as u32;
            return (
                Atom((v as u32) - 1),
                if idx == 0 { None } else { Some(idx - 1) },
            );
        }
        let Const::Str(s) = &p.consts[k as usize] else {
            unreachable!("verifier: name operands are strings")
        };
        let a = self.atoms.intern(s);
        let idx = array_index(s);
        cell.set((a.0 as u64 + 1) | (idx.map_or(0, |i| i as u64 + 1) << 32));
        (a, idx)
    }

    #[inline]
    pub(crate) fn const_key(&mut self, p: &FuncProto, k: u16) -> PropKey {
        match self.const_atom(p, k) {
            (_, Some(i)) => PropKey::Index(i),
            (a, None) => PropKey::Atom(a),
        }
    }

    pub(crate) fn const_name(&mut self, p: &FuncProto, k: u16) -> String {
        let (a, _) = self.const_atom(p, k);
        self.atoms.to_string(a)
    }

    pub(crate) fn ctx_at(&self, depth: u16) -> Cell {
        let mut c = Cell::from_value(self.frames.last().unwrap().ctx);
        for _ in 0..depth {
            c = Cell::from_value(c.get(0));
        }
        c
    }

    pub(crate) fn new_env(&mut self, parent: Value, n: usize) -> JsResult<Value> {
        let mut keep = [parent];
        let c = self.alloc_rooted(Kind::Env, 0, 1 + n, 0, &mut keep)?;
        c.set(0, keep[0]);
        for i in 0..n {
            c.set(1 + i, Value::EMPTY);
        }
        Ok(c.value())
    }

    pub(crate) fn get_global(&mut self, key: PropKey) -> JsResult<Option<Value>> {
        let g = self.intrinsic(Intrinsic::Global);
        if self.find_property(g, key).is_none() {
            return Ok(None);
        }
        self.get(g, key).map(Some)
    }

    /// GetValue for `obj[key]` with a value key.
    pub fn get_elem(&mut self, obj: Value, key: Value) -> JsResult<Value> {
        if key.is_int() && key.as_int() >= 0 {
            if self.is_array(obj) {
                if let Some(v) = self.array_get_fast(obj, key.as_int() as u32) {
                    return Ok(v);
                }
            }
            return self.get_value(obj, PropKey::Index(key.as_int() as u32));
        }
        if obj.is_nullish() {
            let k = crate::runtime::format::display_primitive(self, key);
            let what = if obj.is_null() { "null" } else { "undefined" };
            return Err(
                self.type_error(&format!("Cannot read properties of {what} (reading '{k}')"))
            );
        }
        self.handles.push(obj);
        let k = ops::to_property_key(self, key);
        let obj = self.handles.pop().unwrap();
        self.get_value(obj, k?)
    }

    pub fn set_elem(&mut self, obj: Value, key: Value, v: Value) -> JsResult<()> {
        if key.is_int() && key.as_int() >= 0 {
            return self.set_value(obj, PropKey::Index(key.as_int() as u32), v);
        }
        if obj.is_nullish() {
            let k = crate::runtime::format::display_primitive(self, key);
            let what = if obj.is_null() { "null" } else { "undefined" };
            return Err(
                self.type_error(&format!("Cannot set properties of {what} (setting '{k}')"))
            );
        }
        self.handles.push(obj);
        self.handles.push(v);
        let k = ops::to_property_key(self, key);
        let v = self.handles.pop().unwrap();
        let obj = self.handles.pop().unwrap();
        self.set_value(obj, k?, v)
    }

    pub(crate) fn delete(&mut self, obj: Value, key: PropKey) -> JsResult<Value> {
        if !self.is_object(obj) {
            if obj.is_nullish() {
                let k = self.atoms.key_to_string(key);
                let what = if obj.is_null() { "null" } else { "undefined" };
                return Err(self.type_error(&format!(
                    "Cannot convert undefined or null to object (deleting '{k}' of {what})"
                )));
            }
            return Ok(Value::TRUE);
        }
        if self.delete_property(obj, key)? {
            Ok(Value::TRUE)
        } else {
            let k = self.atoms.key_to_string(key);
            let shown = crate::runtime::format::object_tag(self, obj);
            Err(self.type_error(&format!("Cannot delete property '{k}' of {shown}")))
        }
    }

    /// Enumerable string keys of `obj` and its prototypes (for-in order).
    pub(crate) fn for_in_keys(&mut self, obj: Value) -> JsResult<Value> {
        let mut keys: Vec<PropKey> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        if self.is_string(obj) {
            for i in 0..self.string_len(obj) {
                keys.push(PropKey::Index(i as u32));
            }
        } else if self.is_object(obj) {
            let mut o = obj;
            while o.is_cell() {
                for (k, attrs) in self.own_keys(o) {
                    if seen.insert(k) && attrs & shape::ENUMERABLE != 0 {
                        keys.push(k);
                    }
                }
                o = self.proto_of(o);
            }
        }
        let arr = self.new_array(0)?;
        self.handles.push(arr);
        for k in keys {
            let s = match self.key_string(k) {
                Ok(s) => s,
                Err(t) => {
                    self.handles.pop();
                    return Err(t);
                }
            };
            let arr = *self.handles.last().unwrap();
            if let Err(t) = self.array_push(arr, s) {
                self.handles.pop();
                return Err(t);
            }
        }
        Ok(self.handles.pop().unwrap())
    }

    pub(crate) fn class_define(&mut self, ctor: Value, parent: Value) -> JsResult<Value> {
        let (proto_parent, ctor_parent) = if parent.is_empty() {
            (
                self.intrinsic(Intrinsic::ObjectPrototype),
                self.intrinsic(Intrinsic::FunctionPrototype),
            )
        } else if parent.is_null() {
            (Value::NULL, self.intrinsic(Intrinsic::FunctionPrototype))
        } else if self.is_constructor(parent) {
            self.handles.push(ctor);
            self.handles.push(parent);
            let pp = self.get(parent, PropKey::Atom(wk::prototype));
            let parent = self.handles.pop().unwrap();
            self.handles.pop();
            let pp = pp?;
            if !self.is_object(pp) && !pp.is_null() {
                let shown = crate::runtime::format::display_for_error(self, pp);
                return Err(self.type_error(&format!(
                    "Class extends value does not have valid prototype property {shown}"
                )));
            }
            (pp, parent)
        } else {
            let shown = crate::runtime::format::display_for_error(self, parent);
            return Err(self.type_error(&format!(
                "Class extends value {shown} is not a constructor or null"
            )));
        };
        self.handles.push(ctor);
        self.handles.push(ctor_parent);
        let r = (|| {
            let proto = self.new_object(proto_parent)?;
            self.handles.push(proto);
            let ctor = self.handles[self.handles.len() - 3];
            self.define_own(
                proto,
                PropKey::Atom(wk::constructor),
                ctor,
                shape::METHOD_ATTRS,
            )?;
            let proto = self.handles.pop().unwrap();
            let ctor = self.handles[self.handles.len() - 2];
            self.define_own(ctor, PropKey::Atom(wk::prototype), proto, 0)?;
            Ok(())
        })();
        let ctor_parent = self.handles.pop().unwrap();
        let ctor = self.handles.pop().unwrap();
        r?;
        Cell::from_value(ctor).set(fixed::PROTO, ctor_parent);
        Ok(ctor)
    }

    /// `super[key] = src` in the frame at `fp`: [[Set]] on the home
    /// object's prototype with `this` as the receiver. A primitive `this`
    /// cannot receive the property (strict mode: TypeError, as V8 says it).
    pub(crate) fn set_super(&mut self, fp: usize, key: u16, src: u16) -> JsResult<()> {
        let k = ops::to_property_key(self, self.stack[fp + key as usize])?;
        let this = self.stack[fp + 1];
        if !self.is_object(this) {
            let name = self.atoms.key_to_string(k);
            let shown = crate::runtime::format::display_primitive(self, this);
            let tn = ops::type_name(self, this);
            return Err(self.type_error(&format!(
                "Cannot assign to read only property '{name}' of {tn} '{shown}'"
            )));
        }
        let home = Cell::from_value(self.stack[fp]).get(fixed::FN_HOME);
        let v = self.stack[fp + src as usize];
        if self.is_object(home) && self.proto_of(home).is_cell() {
            let sp = self.proto_of(home);
            self.set_on_object(sp, k, v, this)
        } else {
            self.set_value(this, k, v)
        }
    }

    /// Attaches the instance-field initialiser: its `super` is the
    /// class's prototype's prototype, like the instance methods'.
    pub(crate) fn set_field_init(&mut self, ctor: Value, init: Value) {
        Cell::from_value(ctor).set(fixed::FN_FIELDS, init);
        let home = match self.get_own(ctor, PropKey::Atom(wk::prototype)) {
            Some(crate::runtime::object::Own::Data(p, _)) if self.is_object(p) => p,
            _ => ctor,
        };
        self.set_home(init, home);
    }

    /// Sets a closure's home object (`super`); anything but a function
    /// closure and an object home is ignored (hand-made bytecode).
    pub(crate) fn set_home(&self, f: Value, home: Value) {
        if self.kind_of(f) == Some(Kind::Function) && self.is_object(home) {
            Cell::from_value(f).set(fixed::FN_HOME, home);
        }
    }

    // ----- the loop -----

    /// Finds a handler for `t` starting at the top frame, popping frames
    /// that have none. `Ok` means execution continues in the top frame at
    /// its (updated) pc; `Err` means the entry frame was left.
    pub(crate) fn unwind(&mut self, t: Throw) -> Result<(), Throw> {
        if t == Throw::Error && self.throw_position.is_none() {
            let f = self.frames.last().unwrap();
            self.throw_position = unsafe { &*f.proto }.position(f.pc.saturating_sub(1));
        }
        loop {
            let fi = self.frames.len() - 1;
            let (proto, fp, pc) = {
                let f = &self.frames[fi];
                (f.proto, f.fp, f.pc)
            };
            let p = unsafe { &*proto };
            if t == Throw::Error {
                let at = pc.saturating_sub(1) as u32;
                if let Some(h) = p.handlers.iter().find(|h| h.start <= at && at < h.end) {
                    self.stack[fp + h.exc as usize] = self.exception;
                    self.exception = Value::UNDEFINED;
                    self.throw_position = None;
                    self.frames[fi].pc = h.target as usize;
                    self.sp = self.frames[fi].sp;
                    return Ok(());
                }
            }
            let f = self.frames.pop().unwrap();
            if f.entry {
                self.sp = f.caller_sp;
                return Err(t);
            }
            self.sp = self.frames.last().unwrap().sp;
        }
    }

    pub(crate) fn not_callable(&mut self, p: &FuncProto, pc: usize, f: Value, what: &str) -> Throw {
        let shown = match p.callee_name(pc) {
            Some(n) => n.to_string(),
            None => crate::runtime::format::display_for_error(self, f),
        };
        self.type_error(&format!("{shown} is not a {what}"))
    }

    /// Runs this frame in its compiled code of `kind` until the code's
    /// next exit, and handles the exit with the interpreter's own frame
    /// code. `Ok(Some(v))`: the entry frame returned `v`; `Ok(None)`:
    /// continue with the top frame.
    fn run_compiled_step(
        &mut self,
        enter: fn(&mut Vm, &FuncProto, CodeKind, usize, usize) -> CodeExit,
        p: &FuncProto,
        kind: CodeKind,
        fp: usize,
        pc: usize,
    ) -> JsResult<Option<Value>> {
        match enter(self, p, kind, fp, pc) {
            CodeExit::Return(v) => {
                // The construct rules are applied; pop as the `Return` arm does.
                let f = self.frames.pop().unwrap();
                if f.entry {
                    self.sp = f.caller_sp;
                    return Ok(Some(v));
                }
                let c = self.frames.last().unwrap();
                self.stack[c.fp + f.ret_dst as usize] = v;
                self.sp = c.sp;
                Ok(None)
            }
            CodeExit::Call {
                dst,
                base,
                argc,
                construct,
                ..
            } => {
                // The frame that exited may be one this frame called directly.
                let window = self.frames.last().unwrap().fp + base as usize;
                let nt = construct.then(|| self.stack[window]);
                let argc = match argc {
                    Some(n) => n as usize,
                    None => match self.spread_window(window) {
                        Ok(n) => n,
                        Err(t) => {
                            self.unwind(t)?;
                            return Ok(None);
                        }
                    },
                };
                if let Err(t) = self.push_frame(window, argc, nt, false, dst as u32) {
                    self.unwind(t)?;
                }
                Ok(None)
            }
            CodeExit::Throw { throw, .. } => {
                self.unwind(throw)?;
                // Fault: a frame running compiled code resumes one past its
                // handler's target.
                if crate::faults::Fault::HandlerOffsetWrong.injected() {
                    let f = self.frames.last_mut().unwrap();
                    let p = unsafe { &*f.proto };
                    if p.jit.kind.get() != CodeKind::Interpreted && f.pc + 1 < p.code.len() {
                        f.pc += 1;
                    }
                }
                Ok(None)
            }
        }
    }

    /// Runs from the top frame until the entry frame returns (or throws).
    pub fn run(&mut self) -> JsResult<Value> {
        // The next frame step enters at a hot loop header (OSR).
        let mut osr = false;
        'frames: loop {
            let osr_entry = std::mem::replace(&mut osr, false);
            let fi = self.frames.len() - 1;
            let (proto_ptr, fp, mut pc) = {
                let f = &self.frames[fi];
                (f.proto, f.fp, f.pc)
            };
            let p: &FuncProto = unsafe { &*proto_ptr };
            // Tier check at every frame step: entry, resumption after a
            // call, a handler, or OSR from a loop back edge.
            if let Some(t) = self.tiering {
                let mut kind = p.jit.kind.get();
                if kind == CodeKind::Interpreted
                    && p.jit.may_tier_up.get()
                    && (p.jit.call_count.get() >= t.threshold
                        || p.jit.loop_count.get() >= t.threshold)
                {
                    kind = (t.decide)(self, p);
                }
                if kind != CodeKind::Interpreted {
                    // Fault: on OSR entry the lowest local is not loaded.
                    if osr_entry && crate::faults::Fault::OsrRegisterNotLoaded.injected() {
                        let r = 2 + p.nparams as usize;
                        if r < p.nregs as usize {
                            self.stack[fp + r] = Value::UNDEFINED;
                        }
                    }
                    match self.run_compiled_step(t.enter, p, kind, fp, pc) {
                        Ok(None) => continue 'frames,
                        Ok(Some(v)) => return Ok(v),
                        Err(t) => return Err(t),
                    }
                }
            }
            let code = &p.code[..];
            // The value stack never reallocates, and the verifier bounds
            // every register operand by nregs, which fits below STACK_VALUES.
            let regs: *mut Value = unsafe { self.stack.as_mut_ptr().add(fp) };
            macro_rules! r {
                ($i:expr) => {
                    unsafe { *regs.add($i as usize) }
                };
            }
            macro_rules! w {
                ($i:expr, $v:expr) => {{
                    let v = $v;
                    unsafe { *regs.add($i as usize) = v }
                }};
            }
            // On error: record the pc and go find a handler.
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(t) => {
                            self.frames[fi].pc = pc;
                            match self.unwind(t) {
                                Ok(()) => continue 'frames,
                                Err(t) => return Err(t),
                            }
                        }
                    }
                };
            }
            macro_rules! fb_or {
                ($fb:expr, $bits:expr) => {{
                    let c = &p.feedback[$fb as usize];
                    c.set(c.get() | $bits);
                }};
            }
            macro_rules! kinds {
                ($a:expr, $b:expr) => {{
                    let k = |v: Value| {
                        if v.is_int() {
                            fbk::SAW_INT
                        } else if v.is_number() {
                            fbk::SAW_DOUBLE
                        } else if self.is_string(v) {
                            fbk::SAW_STRING
                        } else {
                            fbk::SAW_OTHER
                        }
                    };
                    k($a) | k($b)
                }};
            }
            macro_rules! binop {
                ($dst:expr, $a:expr, $b:expr, $fb:expr, $op:expr) => {{
                    let (x, y) = (r!($a), r!($b));
                    if x.is_int() && y.is_int() {
                        if let Some(v) = ops::arith_int($op, x.as_int(), y.as_int()) {
                            fb_or!($fb, fbk::SAW_INT);
                            w!($dst, v);
                            continue;
                        }
                        fb_or!($fb, fbk::SAW_INT | fbk::SAW_OVERFLOW);
                    } else {
                        fb_or!($fb, kinds!(x, y));
                    }
                    w!($dst, tri!(ops::arith(self, $op, x, y)))
                }};
            }
            macro_rules! cmp {
                ($dst:expr, $a:expr, $b:expr, $fb:expr, $op:expr, $rop:tt) => {{
                    let (x, y) = (r!($a), r!($b));
                    if x.is_int() && y.is_int() {
                        fb_or!($fb, fbk::SAW_INT);
                        w!($dst, Value::bool(x.as_int() $rop y.as_int()));
                        continue;
                    }
                    fb_or!($fb, kinds!(x, y));
                    w!($dst, Value::bool(tri!(ops::compare(self, $op, x, y))))
                }};
            }
            macro_rules! jump {
                ($off:expr) => {
                    pc = (pc as i64 + $off as i64) as usize
                };
            }
            loop {
                // The verifier guarantees pc stays in range: jumps target
                // instructions and the last one never falls through.
                let insn = unsafe { *code.get_unchecked(pc) };
                pc += 1;
                match insn {
                    Insn::Mov { dst, src } => w!(dst, r!(src)),
                    Insn::LdConst { dst, k } => {
                        let v = match &p.consts[k as usize] {
                            Const::Num(n) => Value::number(*n),
                            Const::Str(_) => {
                                let (a, _) = self.const_atom(p, k);
                                tri!(self.atom_string(a))
                            }
                        };
                        w!(dst, v)
                    }
                    Insn::LdInt { dst, imm } => w!(dst, Value::int(imm)),
                    Insn::LdUndef { dst } => w!(dst, Value::UNDEFINED),
                    Insn::LdNull { dst } => w!(dst, Value::NULL),
                    Insn::LdTrue { dst } => w!(dst, Value::TRUE),
                    Insn::LdFalse { dst } => w!(dst, Value::FALSE),
                    Insn::LdEmpty { dst } => w!(dst, Value::EMPTY),

                    Insn::Add { dst, a, b, fb } => {
                        let (x, y) = (r!(a), r!(b));
                        if x.is_int() && y.is_int() {
                            if let Some(s) = x.as_int().checked_add(y.as_int()) {
                                fb_or!(fb, fbk::SAW_INT);
                                w!(dst, Value::int(s));
                                continue;
                            }
                            fb_or!(fb, fbk::SAW_INT | fbk::SAW_OVERFLOW);
                        } else {
                            fb_or!(fb, kinds!(x, y));
                        }
                        w!(dst, tri!(ops::add(self, x, y)))
                    }
                    Insn::Sub { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Sub),
                    Insn::Mul { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Mul),
                    Insn::Div { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Div),
                    Insn::Mod { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Mod),
                    Insn::Exp { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Exp),
                    Insn::BitAnd { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::BitAnd),
                    Insn::BitOr { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::BitOr),
                    Insn::BitXor { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::BitXor),
                    Insn::Shl { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Shl),
                    Insn::Shr { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::Shr),
                    Insn::UShr { dst, a, b, fb } => binop!(dst, a, b, fb, BinOp::UShr),

                    Insn::Eq { dst, a, b, fb } => {
                        let (x, y) = (r!(a), r!(b));
                        fb_or!(fb, kinds!(x, y));
                        w!(dst, Value::bool(tri!(ops::loose_equals(self, x, y))))
                    }
                    Insn::Ne { dst, a, b, fb } => {
                        let (x, y) = (r!(a), r!(b));
                        fb_or!(fb, kinds!(x, y));
                        w!(dst, Value::bool(!tri!(ops::loose_equals(self, x, y))))
                    }
                    Insn::StrictEq { dst, a, b, fb } => {
                        let (x, y) = (r!(a), r!(b));
                        fb_or!(fb, kinds!(x, y));
                        w!(dst, Value::bool(ops::strict_equals(self, x, y)))
                    }
                    Insn::StrictNe { dst, a, b, fb } => {
                        let (x, y) = (r!(a), r!(b));
                        fb_or!(fb, kinds!(x, y));
                        w!(dst, Value::bool(!ops::strict_equals(self, x, y)))
                    }
                    Insn::Lt { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Lt, <),
                    Insn::Le { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Le, <=),
                    Insn::Gt { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Gt, >),
                    Insn::Ge { dst, a, b, fb } => cmp!(dst, a, b, fb, CmpOp::Ge, >=),
                    Insn::InstanceOf { dst, a, b, fb } => {
                        fb_or!(fb, fbk::SAW_OTHER);
                        w!(dst, Value::bool(tri!(ops::instance_of(self, r!(a), r!(b)))))
                    }
                    Insn::In { dst, a, b } => {
                        w!(dst, Value::bool(tri!(ops::has_in(self, r!(a), r!(b)))))
                    }

                    Insn::Neg { dst, src, fb } => {
                        let x = r!(src);
                        if x.is_int() && x.as_int() != 0 && x.as_int() != i32::MIN {
                            fb_or!(fb, fbk::SAW_INT);
                            w!(dst, Value::int(-x.as_int()));
                        } else {
                            fb_or!(fb, kinds!(x, x));
                            let n = tri!(ops::to_number(self, x));
                            w!(dst, Value::number(-n))
                        }
                    }
                    Insn::ToNumber { dst, src } => {
                        let x = r!(src);
                        if !x.is_number() {
                            let n = tri!(ops::to_number(self, x));
                            w!(dst, Value::number(n))
                        } else {
                            w!(dst, x)
                        }
                    }
                    Insn::BitNot { dst, src, fb } => {
                        let x = r!(src);
                        fb_or!(fb, kinds!(x, x));
                        let n = tri!(ops::to_int32(self, x));
                        w!(dst, Value::int(!n))
                    }
                    Insn::Not { dst, src } => w!(dst, Value::bool(!ops::to_boolean(self, r!(src)))),
                    Insn::Inc { dst, src, fb } => {
                        let x = r!(src);
                        if x.is_int() && x.as_int() != i32::MAX {
                            fb_or!(fb, fbk::SAW_INT);
                            w!(dst, Value::int(x.as_int() + 1));
                        } else {
                            fb_or!(fb, kinds!(x, x));
                            let n = tri!(ops::to_number(self, x));
                            w!(dst, Value::number(n + 1.0))
                        }
                    }
                    Insn::Dec { dst, src, fb } => {
                        let x = r!(src);
                        if x.is_int() && x.as_int() != i32::MIN {
                            fb_or!(fb, fbk::SAW_INT);
                            w!(dst, Value::int(x.as_int() - 1));
                        } else {
                            fb_or!(fb, kinds!(x, x));
                            let n = tri!(ops::to_number(self, x));
                            w!(dst, Value::number(n - 1.0))
                        }
                    }
                    Insn::TypeOf { dst, src } => {
                        let t = ops::type_of(self, r!(src));
                        let a = self.atoms.intern_str(t);
                        w!(dst, tri!(self.atom_string(a)))
                    }
                    Insn::ToString { dst, src } => w!(dst, tri!(ops::to_string(self, r!(src)))),

                    Insn::Jmp { off } => jump!(off),
                    Insn::JmpTrue { src, off } => {
                        let v = r!(src);
                        let t = if v.is_bool() {
                            v.as_bool()
                        } else {
                            ops::to_boolean(self, v)
                        };
                        if t {
                            jump!(off)
                        }
                    }
                    Insn::JmpFalse { src, off } => {
                        let v = r!(src);
                        let t = if v.is_bool() {
                            v.as_bool()
                        } else {
                            ops::to_boolean(self, v)
                        };
                        if !t {
                            jump!(off)
                        }
                    }
                    Insn::JmpNullish { src, off } => {
                        if r!(src).is_nullish() {
                            jump!(off)
                        }
                    }
                    Insn::JmpNotNullish { src, off } => {
                        if !r!(src).is_nullish() {
                            jump!(off)
                        }
                    }
                    Insn::JmpUndef { src, off } => {
                        if r!(src).is_undefined() {
                            jump!(off)
                        }
                    }
                    Insn::Loop { off } => {
                        if self.fuel <= 1 {
                            self.fuel = 0;
                            tri!(Err(Throw::OutOfFuel));
                        }
                        self.fuel -= 1;
                        let n = p.jit.loop_count.get().wrapping_add(1);
                        p.jit.loop_count.set(n);
                        jump!(off);
                        // OSR: a hot loop leaves for baseline code at its header.
                        if self.tiering.is_some_and(|t| n == t.threshold) {
                            self.frames[fi].pc = pc;
                            osr = true;
                            continue 'frames;
                        }
                    }

                    Insn::GetGlobal { dst, name, fb } => {
                        let _ = fb;
                        let key = self.const_key(p, name);
                        match tri!(self.get_global(key)) {
                            Some(v) => w!(dst, v),
                            None => {
                                let n = self.const_name(p, name);
                                tri!(Err(self.throw_error(
                                    ErrorKind::ReferenceError,
                                    &format!("{n} is not defined")
                                )))
                            }
                        }
                    }
                    Insn::GetGlobalOrUndef { dst, name } => {
                        let key = self.const_key(p, name);
                        let v = tri!(self.get_global(key));
                        w!(dst, v.unwrap_or(Value::UNDEFINED))
                    }
                    Insn::SetGlobal { name, src, fb } => {
                        let _ = fb;
                        let key = self.const_key(p, name);
                        let g = self.intrinsic(Intrinsic::Global);
                        if self.find_property(g, key).is_none() {
                            let n = self.const_name(p, name);
                            tri!(Err(self.throw_error(
                                ErrorKind::ReferenceError,
                                &format!("{n} is not defined")
                            )))
                        }
                        tri!(self.set_value(g, key, r!(src)))
                    }
                    Insn::CheckTdz { src, name } => {
                        if r!(src).is_empty() {
                            let n = self.const_name(p, name);
                            // `this` is a hole in a derived constructor before super().
                            let msg = if n == "this" {
                                "Must call super constructor in derived class before accessing 'this' or returning from derived constructor".to_string()
                            } else {
                                format!("Cannot access '{n}' before initialization")
                            };
                            tri!(Err(self.throw_error(ErrorKind::ReferenceError, &msg)))
                        }
                    }
                    Insn::ThrowConstAssign { name } => {
                        let _ = name;
                        tri!(Err(self.type_error("Assignment to constant variable.")))
                    }

                    Insn::PushCtx { n } => {
                        let parent = self.frames[fi].ctx;
                        let env = tri!(self.new_env(parent, n as usize));
                        self.frames[fi].ctx = env;
                    }
                    Insn::PopCtx {} => {
                        let c = Cell::from_value(self.frames[fi].ctx);
                        self.frames[fi].ctx = c.get(0);
                    }
                    Insn::CopyCtx {} => {
                        let old = self.frames[fi].ctx;
                        let n = Cell::from_value(old).nvals() - 1;
                        let parent = Cell::from_value(old).get(0);
                        let env = tri!(self.new_env(parent, n));
                        let old = Cell::from_value(self.frames[fi].ctx);
                        for i in 1..=n {
                            Cell::from_value(env).set(i, old.get(i));
                        }
                        self.frames[fi].ctx = env;
                    }
                    Insn::LdCtx { dst, depth, slot } => {
                        let c = self.ctx_at(depth);
                        w!(dst, c.get(1 + slot as usize))
                    }
                    Insn::StCtx { depth, slot, src } => {
                        let c = self.ctx_at(depth);
                        c.set(1 + slot as usize, r!(src))
                    }
                    Insn::GetCtx { dst } => w!(dst, self.frames[fi].ctx),
                    Insn::SetCtx { src } => self.frames[fi].ctx = r!(src),

                    Insn::GetProp { dst, obj, name, fb } => {
                        let o = r!(obj);
                        let cell = &p.feedback[fb as usize];
                        let cached = cell.get();
                        if o.is_cell() && cached != 0 && cached != fbk::MEGA {
                            let c = Cell::from_value(o);
                            if c.kind().is_object() && (cached >> 32) == c.raw(0) + 1 {
                                w!(dst, self.get_slot(c, cached as u32));
                                continue;
                            }
                        }
                        let key = self.const_key(p, name);
                        if self.is_object(o) {
                            let c = Cell::from_value(o);
                            let sid = Vm::shape_of(c);
                            if let Some((slot, attrs)) = self.shapes.lookup(sid, key) {
                                if attrs & ACCESSOR == 0 && !self.shapes.get(sid).dictionary {
                                    let e = ((sid.0 as u64 + 1) << 32) | slot as u64;
                                    cell.set(if cached == 0 || cached == e {
                                        e
                                    } else {
                                        fbk::MEGA
                                    });
                                }
                            }
                        }
                        w!(dst, tri!(self.get_value(o, key)))
                    }
                    Insn::SetProp { obj, name, src, fb } => {
                        let o = r!(obj);
                        let cell = &p.feedback[fb as usize];
                        let cached = cell.get();
                        if o.is_cell() && cached != 0 && cached != fbk::MEGA {
                            let c = Cell::from_value(o);
                            if c.kind().is_object() && (cached >> 32) == c.raw(0) + 1 {
                                self.set_slot(c, cached as u32, r!(src));
                                continue;
                            }
                        }
                        let key = self.const_key(p, name);
                        if self.is_object(o) {
                            let c = Cell::from_value(o);
                            let sid = Vm::shape_of(c);
                            if let Some((slot, attrs)) = self.shapes.lookup(sid, key) {
                                if attrs & (ACCESSOR | WRITABLE) == WRITABLE
                                    && !self.shapes.get(sid).dictionary
                                {
                                    let e = ((sid.0 as u64 + 1) << 32) | slot as u64;
                                    cell.set(if cached == 0 || cached == e {
                                        e
                                    } else {
                                        fbk::MEGA
                                    });
                                }
                            }
                        }
                        tri!(self.set_value(o, key, r!(src)))
                    }
                    Insn::GetElem { dst, obj, key, fb } => {
                        let (o, k) = (r!(obj), r!(key));
                        if k.is_int() && o.is_cell() && k.as_int() >= 0 && self.is_array(o) {
                            if let Some(v) = self.array_get_fast(o, k.as_int() as u32) {
                                fb_or!(fb, fbk::SAW_INT);
                                w!(dst, v);
                                continue;
                            }
                        }
                        fb_or!(fb, fbk::SAW_OTHER);
                        w!(dst, tri!(self.get_elem(o, k)))
                    }
                    Insn::SetElem { obj, key, src, fb } => {
                        let (o, k, v) = (r!(obj), r!(key), r!(src));
                        if k.is_int() && o.is_cell() && k.as_int() >= 0 && self.is_array(o) {
                            let c = Cell::from_value(o);
                            let i = k.as_int() as usize;
                            let el = c.get(fixed::ELEMENTS);
                            if c.flags() & crate::runtime::object::FROZEN_ELEMENTS == 0
                                && i < c.raw(1) as usize
                                && el.is_cell()
                                && i < Cell::from_value(el).nvals()
                                && !Cell::from_value(el).get(i).is_empty()
                            {
                                fb_or!(fb, fbk::SAW_INT);
                                Cell::from_value(el).set(i, v);
                                continue;
                            }
                        }
                        fb_or!(fb, fbk::SAW_OTHER);
                        tri!(self.set_elem(o, k, v))
                    }
                    Insn::DelProp { dst, obj, name } => {
                        let key = self.const_key(p, name);
                        w!(dst, tri!(self.delete(r!(obj), key)))
                    }
                    Insn::DelElem { dst, obj, key } => {
                        // Re-read obj after the conversion: it may have moved.
                        let k = tri!(ops::to_property_key(self, r!(key)));
                        w!(dst, tri!(self.delete(r!(obj), k)))
                    }
                    Insn::GetSuper { dst, key } => {
                        let k = tri!(ops::to_property_key(self, r!(key)));
                        // Read after the conversion, which may allocate.
                        let home = Cell::from_value(r!(0)).get(fixed::FN_HOME);
                        let v = if self.is_object(home) {
                            let sp = self.proto_of(home);
                            if sp.is_cell() {
                                tri!(self.get_with_receiver(sp, k, r!(1)))
                            } else {
                                Value::UNDEFINED
                            }
                        } else {
                            Value::UNDEFINED
                        };
                        w!(dst, v)
                    }

                    Insn::SetSuper { key, src } => tri!(self.set_super(fp, key, src)),
                    Insn::NewObject { dst } => w!(dst, tri!(self.new_plain_object())),
                    Insn::SetProto { obj, src } => {
                        let v = r!(src);
                        if self.is_object(v) || v.is_null() {
                            Cell::from_value(r!(obj)).set(fixed::PROTO, v);
                        }
                    }
                    Insn::NewArray { dst, n } => w!(dst, tri!(self.new_array(n as usize))),
                    Insn::ArrayPush { arr, src } => tri!(self.array_push(r!(arr), r!(src))),
                    Insn::CreateArguments { dst } => {
                        let argc = self.frames[fi].argc as usize;
                        let a = self.create_arguments(fp, p.nparams as usize, p.has_rest, argc);
                        w!(dst, tri!(a))
                    }
                    Insn::ArrayExtend { arr, src } => {
                        tri!(self.array_extend(r!(arr), r!(src), p.callee_name(pc - 1)))
                    }
                    Insn::CopyProps { obj, src, excl } => {
                        tri!(self.copy_data_properties(r!(obj), r!(src), r!(excl)))
                    }
                    Insn::RequireObject { src, msg } => {
                        if r!(src).is_nullish() {
                            tri!(self.require_object(r!(src), &p.const_string(msg)))
                        }
                    }
                    Insn::ArrayHole { arr } => {
                        let a = r!(arr);
                        let len = self.array_len(a);
                        Cell::from_value(a).set_raw(1, len as u64 + 1);
                    }
                    Insn::DefineField { obj, key, src } => {
                        let k = tri!(ops::to_property_key(self, r!(key)));
                        tri!(self.define_own(r!(obj), k, r!(src), shape::DEFAULT_ATTRS))
                    }
                    Insn::DefineMethod {
                        obj,
                        key,
                        src,
                        enumerable,
                    } => {
                        let k = tri!(ops::to_property_key(self, r!(key)));
                        let attrs = if enumerable != 0 {
                            shape::DEFAULT_ATTRS
                        } else {
                            shape::METHOD_ATTRS
                        };
                        self.set_home(r!(src), r!(obj));
                        tri!(self.define_own(r!(obj), k, r!(src), attrs))
                    }
                    Insn::DefineAccessor {
                        obj,
                        key,
                        getter,
                        setter,
                        enumerable,
                    } => {
                        let k = tri!(ops::to_property_key(self, r!(key)));
                        let attrs = if enumerable != 0 {
                            shape::ENUMERABLE | shape::CONFIGURABLE
                        } else {
                            shape::CONFIGURABLE
                        };
                        self.set_home(r!(getter), r!(obj));
                        self.set_home(r!(setter), r!(obj));
                        tri!(self.define_accessor(r!(obj), k, r!(getter), r!(setter), attrs))
                    }

                    Insn::Closure { dst, func } => {
                        let child: &FuncProto = &p.children[func as usize];
                        let env = self.frames[fi].ctx;
                        let f = tri!(self.new_closure(child, env));
                        // Arrows see `super` through the enclosing method's home object.
                        if child.kind == FuncKind::Arrow
                            && self.kind_of(r!(0)) == Some(Kind::Function)
                        {
                            Cell::from_value(f)
                                .set(fixed::FN_HOME, Cell::from_value(r!(0)).get(fixed::FN_HOME));
                        }
                        w!(dst, f)
                    }
                    insn @ (Insn::Call { dst, base, fb, .. }
                    | Insn::CallSpread { dst, base, fb }) => {
                        let f = r!(base);
                        let kind = self.kind_of(f);
                        let argc = match insn {
                            Insn::Call { argc, .. } => argc as usize,
                            _ if matches!(kind, Some(Kind::Function | Kind::Native | Kind::Bound)) => {
                                tri!(self.spread_window(fp + base as usize))
                            }
                            _ => 0,
                        };
                        match kind {
                            Some(Kind::Function) => {
                                let cp = self.func_proto(f);
                                let cell = &p.feedback[fb as usize];
                                let c = cell.get();
                                if c != cp as u64 {
                                    cell.set(if c == 0 { cp as u64 } else { fbk::MEGA });
                                }
                                self.frames[fi].pc = pc;
                                tri!(self.push_frame(
                                    fp + base as usize,
                                    argc,
                                    None,
                                    false,
                                    dst as u32
                                ));
                                continue 'frames;
                            }
                            Some(Kind::Native | Kind::Bound) => {
                                self.frames[fi].pc = pc;
                                w!(
                                    dst,
                                    tri!(self.call_at(fp + base as usize, argc, None))
                                )
                            }
                            _ => tri!(Err(self.not_callable(p, pc - 1, f, "function"))),
                        }
                    }
                    insn @ (Insn::New { dst, base, .. } | Insn::NewSpread { dst, base, .. }) => {
                        let f = r!(base);
                        if !self.is_constructor(f) {
                            tri!(Err(self.not_callable(p, pc - 1, f, "constructor")))
                        }
                        let argc = match insn {
                            Insn::New { argc, .. } => argc as usize,
                            _ => tri!(self.spread_window(fp + base as usize)),
                        };
                        self.frames[fi].pc = pc;
                        if self.kind_of(f) == Some(Kind::Function) {
                            tri!(self.push_frame(
                                fp + base as usize,
                                argc,
                                Some(f),
                                false,
                                dst as u32
                            ));
                            continue 'frames;
                        }
                        w!(
                            dst,
                            tri!(self.call_at(fp + base as usize, argc, Some(f)))
                        )
                    }
                    insn @ (Insn::SuperCall { dst, base, .. }
                    | Insn::SuperCallSpread { dst, base }) => {
                        let parent = self.proto_of(r!(0));
                        if !self.is_constructor(parent) {
                            tri!(Err(self.type_error(
                                "Super constructor null of anonymous class is not a constructor"
                            )))
                        }
                        let argc = match insn {
                            Insn::SuperCall { argc, .. } => argc as usize,
                            _ => tri!(self.spread_window(fp + base as usize)),
                        };
                        let nt = self.frames[fi].new_target;
                        w!(base, parent);
                        w!(base + 1, Value::EMPTY);
                        self.frames[fi].pc = pc;
                        let v = tri!(self.call_at(fp + base as usize, argc, Some(nt)));
                        if !r!(1).is_empty() {
                            tri!(Err(self.throw_error(
                                ErrorKind::ReferenceError,
                                "Super constructor may only be called once"
                            )))
                        }
                        w!(1, v);
                        w!(dst, v)
                    }
                    Insn::SuperCallForward { dst } => {
                        let parent = self.proto_of(r!(0));
                        if !self.is_constructor(parent) {
                            tri!(Err(self.type_error(
                                "Super constructor null of anonymous class is not a constructor"
                            )))
                        }
                        let nt = self.frames[fi].new_target;
                        let args_arr = r!(2);
                        let n = self.array_len(args_arr);
                        let args: Vec<Value> = (0..n)
                            .map(|i| self.array_get_fast(args_arr, i).unwrap_or(Value::UNDEFINED))
                            .collect();
                        self.frames[fi].pc = pc;
                        let v = tri!(self.construct(parent, &args, nt));
                        w!(1, v);
                        w!(dst, v)
                    }
                    Insn::InitFields {} => {
                        self.frames[fi].pc = pc;
                        tri!(self.run_field_init(r!(0), r!(1)))
                    }
                    Insn::Return { src } => {
                        let mut v = r!(src);
                        let f = &self.frames[fi];
                        if f.construct && !self.is_object(v) {
                            let this = r!(1);
                            if !v.is_undefined() && p.kind == FuncKind::DerivedConstructor {
                                tri!(Err(self.type_error(
                                    "Derived constructors may only return object or undefined"
                                )))
                            }
                            if this.is_empty() {
                                tri!(Err(self.throw_error(
                                    ErrorKind::ReferenceError,
                                    "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"
                                )))
                            }
                            v = this;
                        }
                        let f = self.frames.pop().unwrap();
                        if f.entry {
                            self.sp = f.caller_sp;
                            return Ok(v);
                        }
                        let c = self.frames.last().unwrap();
                        self.stack[c.fp + f.ret_dst as usize] = v;
                        self.sp = c.sp;
                        continue 'frames;
                    }
                    Insn::Class { dst, ctor, parent } => {
                        w!(dst, tri!(self.class_define(r!(ctor), r!(parent))))
                    }
                    Insn::SetFunctionName { func, key } => {
                        let k = tri!(ops::to_property_key(self, r!(key)));
                        let name = tri!(self.key_string(k));
                        tri!(self.define_own(
                            r!(func),
                            PropKey::Atom(wk::name),
                            name,
                            shape::CONFIGURABLE
                        ))
                    }
                    Insn::SetFieldInit { ctor, init } => self.set_field_init(r!(ctor), r!(init)),
                    Insn::SetHome { func, home } => self.set_home(r!(func), r!(home)),

                    Insn::Throw { src } => {
                        let v = r!(src);
                        tri!(Err(self.throw_value(v)))
                    }
                    Insn::ForOfStart { iter, src } => {
                        let (a, b) = tri!(self.iter_start(r!(src), p.callee_name(pc - 1)));
                        w!(iter, a);
                        w!(iter + 1, b)
                    }
                    Insn::ForOfNext { dst, iter, off } => match tri!(self.for_of_next(fp + iter as usize)) {
                        Some(v) => w!(dst, v),
                        None => jump!(off),
                    },
                    Insn::ForInStart { iter, src } => {
                        let obj = r!(src);
                        let keys = tri!(self.for_in_keys(obj));
                        w!(iter, keys);
                        w!(iter + 1, Value::int(0));
                        w!(iter + 2, r!(src))
                    }
                    Insn::ForInNext { dst, iter, off } => loop {
                        let keys = r!(iter);
                        let i = r!(iter + 1).as_int() as u32;
                        if i >= self.array_len(keys) {
                            jump!(off);
                            break;
                        }
                        w!(iter + 1, Value::int(i as i32 + 1));
                        let k = self.array_get_fast(keys, i).unwrap_or(Value::UNDEFINED);
                        // Keys deleted during the loop are skipped (as V8 does).
                        let obj = r!(iter + 2);
                        if self.is_object(obj) {
                            let pk = tri!(ops::to_property_key(self, k));
                            if !self.has_property(r!(iter + 2), pk) {
                                continue;
                            }
                        }
                        w!(
                            dst,
                            self.array_get_fast(r!(iter), i).unwrap_or(Value::UNDEFINED)
                        );
                        break;
                    },
                    Insn::Nop {} => {}
                }
            }
        }
    }

    /// Runs a compiled script (verified first) and returns its completion.
    pub fn run_script(&mut self, proto: Rc<FuncProto>) -> JsResult<Value> {
        self.scripts.push(proto.clone());
        let f = self.new_closure(&proto, Value::UNDEFINED)?;
        self.handles.push(f);
        // node runs a file as a CommonJS module: top-level `this` is
        // `module.exports`, an empty object.
        let this = self.new_plain_object();
        let f = self.handles.pop().unwrap();
        self.call(f, this?, &[])
    }
}
