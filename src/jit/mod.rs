//! Native code generation: the x86-64 assembler and executable memory
//! (`x64`), the static ABI checker, and the JIT tiers (`baseline`; the
//! optimizing tier will live beside it).
//!
//! Layering: `jit` sits above `runtime` and `bytecode` and beside
//! `interp`, never reaching into it; it runs the interpreter's frames and
//! hands every frame change back to the run loop (see `jit::baseline`).
//! Its per-VM state, [`JitState`], is attached to the VM by the tier
//! layer (`tier::attach`) and reached with [`state`].

pub mod abicheck;
pub mod baseline;
pub mod opt;
pub mod x64;

use baseline::{BaselineCode, CompileError};
use std::rc::Rc;

use crate::runtime::Vm;

/// The JIT's per-VM state: the code space and every compiled function.
pub struct JitState {
    pub space: x64::CodeSpace,
    /// Owns every compiled function (records point at their code).
    pub codes: Vec<Rc<BaselineCode>>,
    pub trace: bool,
    pub print_code: bool,
    /// Lines for /tmp/perf-PID.map: (address, size, name).
    pub perf_map: Option<Vec<(usize, usize, String)>>,
    /// Functions that stayed in the interpreter because compiling failed.
    pub failures: Vec<(String, CompileError)>,
    /// Calls that JIT code made by exiting to the run loop (the first
    /// call at each site, natives' callers, refused direct entries...);
    /// the rest were direct machine calls.
    pub call_exits: u64,
    /// Checked ABI mode: the trampoline and its resume offset (made at the
    /// first compile).
    pub trampoline: Option<(x64::ExecCode, u32)>,
    /// Recompiles after too many deopts, per prototype address.
    pub reopts: std::collections::HashMap<usize, u32>,
    /// Per function (its proto's address): the pcs whose speculation
    /// deoptimized it too often; its reoptimizations do not speculate
    /// there (`OptOptions::no_spec`).
    pub no_spec: std::collections::HashMap<usize, Vec<u32>>,
    /// Per function: how often its optimization was postponed because
    /// callees it would inline were still interpreted (`tier::decide`).
    pub postponed: std::collections::HashMap<usize, u32>,
}

impl JitState {
    pub fn new(capacity: usize, trace: bool, print_code: bool, perf_map: bool) -> JitState {
        JitState {
            space: x64::CodeSpace::new(capacity),
            codes: Vec::new(),
            trace,
            print_code,
            perf_map: perf_map.then(Vec::new),
            failures: Vec::new(),
            call_exits: 0,
            trampoline: None,
            reopts: Default::default(),
            no_spec: Default::default(),
            postponed: Default::default(),
        }
    }
}

/// The JIT state attached to `vm`, if any.
pub fn state(vm: &mut Vm) -> Option<&mut JitState> {
    vm.jit.as_mut().and_then(|j| j.downcast_mut::<JitState>())
}

/// The JIT state attached to `vm`, if any (shared).
pub fn state_ref(vm: &Vm) -> Option<&JitState> {
    vm.jit.as_ref().and_then(|j| j.downcast_ref::<JitState>())
}

/// "function NAME +0xOFF (bytecode pc N)" for an address in JIT code.
pub fn describe_code_address(vm: &Vm, addr: u64) -> String {
    let Some(j) = state_ref(vm) else {
        return format!("{addr:#x}");
    };
    for c in &j.codes {
        let start = c.code.ptr() as u64;
        if addr >= start && addr < start + c.code.len() as u64 {
            let off = (addr - start) as u32;
            let pc = c.pc_at(off).map_or("?".to_string(), |p| p.to_string());
            return format!("function {:?} +{off:#x} (bytecode pc {pc})", c.proto_name());
        }
    }
    format!("{addr:#x} (not in JIT code)")
}
