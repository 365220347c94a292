//! Test drivers for the baseline tier: a small compile cache for tests
//! that want the code itself, and the script frame push for tests that
//! enter baseline code by hand (`tier::run_script_baseline` runs a whole
//! script in baseline code through the interpreter's own loop).

use super::{compile, BaselineCode, CompileError};
use crate::bytecode::FuncProto;
use crate::jit::x64::CodeSpace;
use crate::runtime::{ErrorKind, JsResult, Value, Vm, STACK_VALUES};
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

    /// The code space budget this cache was made with.
    pub fn capacity(&self) -> usize {
        self.capacity
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
