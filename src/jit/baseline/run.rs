//! Test drivers for the baseline tier: run a script with every frame in
//! baseline code, through the interpreter's own loop with `Tier::Baseline`
//! (so frames, calls, returns and unwinding are the interpreter's code),
//! and a small compile cache for tests that want the code itself.

use super::{compile, BaselineCode, CompileError};
use crate::bytecode::FuncProto;
use crate::jit::x64::CodeSpace;
use crate::runtime::{ErrorKind, JsResult, Value, Vm, STACK_VALUES};
use crate::tier::{JitState, Tier};
use std::collections::HashMap;
use std::rc::Rc;

/// Compiled code by prototype address, and the space it lives in.
pub struct BaselineCache {
    pub space: CodeSpace,
    capacity: usize,
    codes: HashMap<*const FuncProto, Rc<BaselineCode>>,
    /// Prototypes that failed to compile, with why.
    pub failures: Vec<(String, CompileError)>,
}

impl BaselineCache {
    pub fn new(capacity: usize) -> BaselineCache {
        BaselineCache {
            space: CodeSpace::new(capacity),
            capacity,
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

/// `Vm::run_script` with every frame (the script, its callees, and JS run
/// from natives) in baseline code. Compile failures (which leave those
/// functions interpreted) are reported in `cache.failures`.
pub fn run_script_baseline(
    vm: &mut Vm,
    proto: Rc<FuncProto>,
    cache: &mut BaselineCache,
) -> JsResult<Value> {
    vm.opts.tier = Tier::Baseline;
    if vm.jit.is_none() {
        let o = &vm.opts;
        vm.jit = Some(Box::new(JitState::new(
            cache.capacity,
            o.trace_tier,
            o.print_code,
            o.perf_map,
        )));
    }
    let r = vm.run_script(proto);
    if let Some(j) = vm.jit.as_ref() {
        cache.failures.extend(j.failures.iter().cloned());
    }
    r
}

/// Pushes the script's entry frame as `Vm::run_script` would, without
/// running it (for tests that enter baseline code by hand).
pub fn push_script_frame(vm: &mut Vm, proto: Rc<FuncProto>) -> JsResult<()> {
    vm.scripts.push(proto.clone());
    let f = vm.new_closure(&proto, Value::UNDEFINED)?;
    vm.handles.push(f);
    let this = vm.new_plain_object();
    let f = vm.handles.pop().unwrap();
    let this = this?;
    let base = vm.sp;
    if base + 2 + 16 >= STACK_VALUES {
        return Err(vm.throw_error(ErrorKind::RangeError, "Maximum call stack size exceeded"));
    }
    vm.stack[base] = f;
    vm.stack[base + 1] = this;
    vm.sp = base + 2;
    let r = vm.push_frame(base, 0, None, true, 0);
    if r.is_err() {
        vm.sp = base;
    }
    r
}
