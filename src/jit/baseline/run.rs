//! A run loop that executes every JS frame in baseline code: the proposed
//! integration (`run_baseline`), and what the tests drive programs with.
//!
//! It is the interpreter's `Vm::run` with the instruction loop replaced by
//! `BaselineCode::enter`: the same frame pushes, the same return protocol,
//! the same unwinding. `Vm::push_frame`, `Vm::unwind` and their helpers are
//! private to `interp`, so this module carries copies (`push_frame`,
//! `unwind` below). When the lead folds baseline entry into `Vm::run`, these
//! copies go away: `run` calls the interpreter's own versions.
//!
//! Natives that call back into JS (`Vm::call`) nest the *interpreter*'s
//! loop; a combined loop would dispatch those frames to baseline code too.

use super::{compile, BaselineCode, CompileError, ExitStatus};
use crate::bytecode::{FuncKind, FuncProto};
use crate::jit::x64::CodeSpace;
use crate::runtime::heap::Cell;
use crate::runtime::{fixed, ErrorKind, Frame, JsResult, Throw, Value, Vm, STACK_VALUES};
use std::collections::HashMap;
use std::rc::Rc;

/// Compiled code by prototype address, and the space it lives in.
pub struct BaselineCache {
    pub space: CodeSpace,
    codes: HashMap<*const FuncProto, Rc<BaselineCode>>,
    /// Prototypes that failed to compile, with why.
    pub failures: Vec<(String, CompileError)>,
}

impl BaselineCache {
    pub fn new(capacity: usize) -> BaselineCache {
        BaselineCache {
            space: CodeSpace::new(capacity),
            codes: HashMap::new(),
            failures: Vec::new(),
        }
    }

    /// The code for `p`, compiling it on first use.
    pub fn get(&mut self, p: &FuncProto) -> Result<Rc<BaselineCode>, CompileError> {
        let key = p as *const FuncProto;
        if let Some(c) = self.codes.get(&key) {
            return Ok(c.clone());
        }
        match compile(p, &mut self.space) {
            Ok(c) => {
                let c = Rc::new(c);
                self.codes.insert(key, c.clone());
                Ok(c)
            }
            Err(e) => {
                self.failures.push((p.name.clone(), e.clone()));
                Err(e)
            }
        }
    }
}

fn stack_overflow(vm: &mut Vm) -> Throw {
    vm.throw_error(ErrorKind::RangeError, "Maximum call stack size exceeded")
}

/// Runs the top frame (an entry frame) and everything it calls in baseline
/// code until the entry frame returns or throws: `Vm::run` for tier 1.
/// A prototype that fails to compile makes this return the compile error
/// as a panic-free `Err(Throw::Error)` with a JS Error pending (the test
/// driver's choice; the real loop would interpret that frame instead).
pub fn run_baseline(vm: &mut Vm, cache: &mut BaselineCache) -> JsResult<Value> {
    'frames: loop {
        let (proto, fp, pc) = {
            let f = vm.frames.last().unwrap();
            (f.proto, f.fp, f.pc)
        };
        let p = unsafe { &*proto };
        let code = match cache.get(p) {
            Ok(c) => c,
            Err(e) => {
                let msg = format!("baseline compile failed: {e}");
                return Err(vm.throw_error(ErrorKind::Error, &msg));
            }
        };
        let regs: *mut Value = unsafe { vm.stack.as_mut_ptr().add(fp) };
        let exit = unsafe { code.enter(vm, regs, pc as u32) };
        match exit {
            ExitStatus::Return(v) => {
                // The interpreter's `Return` arm, after the construct rules.
                let f = vm.frames.pop().unwrap();
                if f.entry {
                    vm.sp = f.caller_sp;
                    return Ok(v);
                }
                let c = vm.frames.last().unwrap();
                vm.stack[c.fp + f.ret_dst as usize] = v;
                vm.sp = c.sp;
            }
            ExitStatus::Call {
                dst,
                base,
                argc,
                construct,
                ..
            } => {
                let window = fp + base as usize;
                let nt = construct.then(|| vm.stack[window]);
                if let Err(t) = push_frame(vm, window, argc as usize, nt, false, dst as u32) {
                    unwind(vm, t)?;
                }
            }
            ExitStatus::Throw { throw, .. } => unwind(vm, throw)?,
        }
        continue 'frames;
    }
}

/// `Vm::run_script` with the script and its callees in baseline code.
pub fn run_script_baseline(
    vm: &mut Vm,
    proto: Rc<FuncProto>,
    cache: &mut BaselineCache,
) -> JsResult<Value> {
    let base = vm.sp;
    let r = match push_script_frame(vm, proto) {
        Ok(()) => run_baseline(vm, cache),
        Err(t) => Err(t),
    };
    vm.sp = base;
    r
}

/// Pushes the entry frame of a script as `Vm::run_script` would (the
/// closure, `this` = an empty object), without running it. The frame's
/// registers start at `vm.frames.last().fp`.
pub fn push_script_frame(vm: &mut Vm, proto: Rc<FuncProto>) -> JsResult<()> {
    vm.scripts.push(proto.clone());
    let f = vm.new_closure(&proto, Value::UNDEFINED)?;
    vm.handles.push(f);
    let this = vm.new_plain_object();
    let f = vm.handles.pop().unwrap();
    let this = this?;
    // `Vm::call` + `call_at` for a JS function.
    let base = vm.sp;
    if base + 2 + 16 >= STACK_VALUES {
        return Err(stack_overflow(vm));
    }
    vm.stack[base] = f;
    vm.stack[base + 1] = this;
    vm.sp = base + 2;
    let r = push_frame(vm, base, 0, None, true, 0);
    if r.is_err() {
        vm.sp = base;
    }
    r
}

/// Copy of `Vm::unwind` (private in interp): find a handler for `t` from
/// the top frame, popping frames without one. `Ok` = continue in the top
/// frame at its (updated) pc; `Err` = the entry frame was left.
fn unwind(vm: &mut Vm, t: Throw) -> Result<(), Throw> {
    if t == Throw::Error && vm.throw_position.is_none() {
        let f = vm.frames.last().unwrap();
        vm.throw_position = unsafe { &*f.proto }.position(f.pc.saturating_sub(1));
    }
    loop {
        let fi = vm.frames.len() - 1;
        let (proto, fp, pc) = {
            let f = &vm.frames[fi];
            (f.proto, f.fp, f.pc)
        };
        let p = unsafe { &*proto };
        if t == Throw::Error {
            let at = pc.saturating_sub(1) as u32;
            if let Some(h) = p.handlers.iter().find(|h| h.start <= at && at < h.end) {
                vm.stack[fp + h.exc as usize] = vm.exception;
                vm.exception = Value::UNDEFINED;
                vm.throw_position = None;
                vm.frames[fi].pc = h.target as usize;
                vm.sp = vm.frames[fi].sp;
                return Ok(());
            }
        }
        let f = vm.frames.pop().unwrap();
        if f.entry {
            vm.sp = f.caller_sp;
            return Err(t);
        }
        vm.sp = vm.frames.last().unwrap().sp;
    }
}

/// Copy of `Vm::push_frame` (private in interp), both the plain and the
/// rooted paths folded together.
fn push_frame(
    vm: &mut Vm,
    base: usize,
    argc: usize,
    new_target: Option<Value>,
    entry: bool,
    ret_dst: u32,
) -> JsResult<()> {
    vm.handles.push(new_target.unwrap_or(Value::UNDEFINED));
    let r = push_frame_rooted(vm, base, argc, new_target.is_some(), entry, ret_dst);
    vm.handles.pop();
    r
}

fn push_frame_rooted(
    vm: &mut Vm,
    base: usize,
    argc: usize,
    construct: bool,
    entry: bool,
    ret_dst: u32,
) -> JsResult<()> {
    let f = vm.stack[base];
    let proto = vm.func_proto(f);
    let p = unsafe { &*proto };
    if construct && !p.kind.is_constructor() {
        let shown = crate::runtime::format::display_for_error(vm, f);
        return Err(vm.type_error(&format!("{shown} is not a constructor")));
    }
    if !construct && p.kind.is_class_constructor() {
        return Err(vm.type_error(&format!(
            "Class constructor {} cannot be invoked without 'new'",
            p.name
        )));
    }
    if vm.frames.len() >= vm.opts.max_depth || base + p.nregs as usize + 2 >= STACK_VALUES {
        return Err(stack_overflow(vm));
    }
    if vm.fuel <= 1 {
        vm.fuel = 0;
        return Err(Throw::OutOfFuel);
    }
    vm.fuel -= 1;
    p.call_count.set(p.call_count.get().wrapping_add(1));
    let np = p.nparams as usize;
    let nregs = p.nregs as usize;
    for i in base + 2 + argc.max(np)..base + nregs {
        vm.stack[i] = Value::UNDEFINED;
    }
    for i in argc..np {
        vm.stack[base + 2 + i] = Value::UNDEFINED;
    }
    let caller_sp = vm.sp;
    let frame_sp = vm.sp.max(base + nregs);
    vm.sp = frame_sp.max(base + 2 + argc);
    if p.has_rest {
        let first = np - 1;
        let extra: Vec<Value> = if argc > first {
            vm.stack[base + 2 + first..base + 2 + argc].to_vec()
        } else {
            Vec::new()
        };
        let arr = vm.new_array_from(&extra)?;
        vm.stack[base + 2 + first] = arr;
    }
    for i in base + 2 + np..base + 2 + argc.min(nregs - 2) {
        vm.stack[i] = Value::UNDEFINED;
    }
    vm.sp = frame_sp;
    if construct {
        if p.kind == FuncKind::DerivedConstructor {
            vm.stack[base + 1] = Value::EMPTY;
        } else {
            let nt = *vm.handles.last().unwrap();
            let this = vm.ordinary_create_from_constructor(nt)?;
            vm.stack[base + 1] = this;
        }
    }
    let nt = *vm.handles.last().unwrap();
    let env = Cell::from_value(vm.stack[base]).get(fixed::FN_ENV);
    vm.frames.push(Frame {
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
        let callee = vm.stack[base];
        let this = vm.stack[base + 1];
        let init = Cell::from_value(callee).get(fixed::FN_FIELDS);
        if vm.is_callable(init) {
            if let Err(t) = vm.call(init, this, &[]) {
                let f = vm.frames.pop().unwrap();
                vm.sp = f.caller_sp;
                return Err(t);
            }
        }
    }
    Ok(())
}
