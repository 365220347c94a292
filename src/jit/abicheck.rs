//! Static ABI checker for emitted machine code (regalloc2 checker style).
//!
//! What it checks, for a function with entry offset E and a set of
//! indirect-jump targets T (e.g. a pc dispatch table):
//! 1. Stack alignment: along every path from E, RSP is tracked exactly as
//!    an offset from the entry RSP (which is 8 mod 16, the return address
//!    just pushed) through push/pop, `sub/add rsp, imm`, `lea rsp, [rsp+d]`,
//!    `mov rbp, rsp` / `mov rsp, rbp`, and `and rsp, -2^k` (which makes the
//!    offset unknown but the alignment known). At every CALL, RSP must be
//!    known to be 0 mod 16.
//! 2. Callee-saved registers (rbx, rbp, r12-r15): at every RET each holds
//!    its entry value, i.e. it was never written, or was pushed while it
//!    held its entry value and popped back from that same slot; and RSP is
//!    back at its entry value.
//! 3. Paths merge consistently: two paths reaching one instruction with
//!    different known RSP offsets (or different saved slots) is an error,
//!    since one of them must be wrong. Whether a register still holds its
//!    entry value is merged as a meet (intact only if intact on both
//!    paths), so a register written on one path only is "not intact" after
//!    the merge, which is all rule 2 needs.
//!
//! Paths end at RET, UD2 and INT3. An indirect JMP continues at every
//! target in T with the state at the JMP; an indirect JMP with no targets
//! given, or a jump outside the code, is an error.
//!
//! It never executes anything: it reads bytes, so it can run on every
//! function a JIT emits, in tests and fuzzing.

use iced_x86::{
    Decoder, DecoderOptions, Instruction, InstructionInfoFactory, Mnemonic, OpKind, Register,
};
// FxHash: this runs at every compile in tests and fuzzing, and SipHash
// was a third of its time.
use crate::runtime::fxhash::FxHashMap as HashMap;
use std::collections::VecDeque;

const CALLEE_SAVED: [Register; 6] = [
    Register::RBX,
    Register::RBP,
    Register::R12,
    Register::R13,
    Register::R14,
    Register::R15,
];

#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    /// Bytes below the entry RSP (the return address slot is at 0); None
    /// once RSP was aligned by `and`.
    depth: Option<i64>,
    /// RSP mod 16, always known on a valid path.
    mod16: i64,
    /// Depth saved in rbp by `mov rbp, rsp`, to restore with `mov rsp, rbp`.
    rbp_depth: Option<i64>,
    /// For each callee-saved register: holds its entry value?
    intact: [bool; 6],
    /// Stack slots (by depth) holding a callee-saved register's entry value.
    saved: Saved,
}

/// A small set of (depth, callee-saved index) kept inline: states are
/// copied at every instruction, and a heap vector made the checker spend
/// most of its time in malloc (it runs for every compiled function in
/// tests and fuzzing). Pushes past the capacity are dropped, which only
/// makes the check stricter (a register restored from such a slot counts
/// as clobbered).
#[derive(Clone, Copy, Debug, Default)]
struct Saved {
    len: u8,
    items: [(i64, u8); 8],
}

impl Saved {
    fn push(&mut self, x: (i64, usize)) {
        if (self.len as usize) < self.items.len() {
            self.items[self.len as usize] = (x.0, x.1 as u8);
            self.len += 1;
        }
    }
    fn live(&self) -> &[(i64, u8)] {
        &self.items[..self.len as usize]
    }
    fn contains(&self, x: &(i64, usize)) -> bool {
        self.live().contains(&(x.0, x.1 as u8))
    }
    fn retain(&mut self, keep: impl Fn(&(i64, u8)) -> bool) {
        let mut n = 0;
        for i in 0..self.len as usize {
            if keep(&self.items[i]) {
                self.items[n] = self.items[i];
                n += 1;
            }
        }
        self.len = n as u8;
    }
}

impl PartialEq for Saved {
    fn eq(&self, o: &Saved) -> bool {
        self.live() == o.live()
    }
}

impl Eq for Saved {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AbiViolation {
    /// Code offset of the offending instruction.
    pub offset: u64,
    pub reason: String,
}

impl std::fmt::Display for AbiViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ABI violation at +{:#x}: {}", self.offset, self.reason)
    }
}

fn cs_index(r: Register) -> Option<usize> {
    CALLEE_SAVED.iter().position(|&c| c == r.full_register())
}

/// What a successful check covered (so callers can tell it was not vacuous).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub instructions: usize,
    pub calls: usize,
    pub returns: usize,
}

/// Checks `code` (decoded at address 0) from `entry`, with `indirect`
/// the possible targets of indirect jumps.
pub fn check(code: &[u8], entry: u64, indirect: &[u64]) -> Result<Coverage, AbiViolation> {
    check_from(&decode(code), entry, indirect)
}

/// The code's instructions by offset (decoded once, checked from any entry).
pub struct Decoded {
    /// Valid instructions in address order.
    insns: Vec<Instruction>,
    /// Per code byte: 1 + the index of the instruction starting there (0:
    /// none). Direct indexing: hash lookups per instruction were the
    /// checker's cost (it runs for every compiled function in tests).
    at: Vec<u32>,
    /// Jump targets: the only places where paths can merge besides entries.
    targets: Vec<bool>,
}

impl Decoded {
    fn get(&self, addr: u64) -> Option<Instruction> {
        let i = *self.at.get(addr as usize)?;
        (i != 0).then(|| self.insns[i as usize - 1])
    }
}

/// Decodes `code` (at address 0) for [`check_from`].
pub fn decode(code: &[u8]) -> Decoded {
    let mut insns = Vec::with_capacity(code.len() / 4);
    let mut at = vec![0u32; code.len() + 1];
    let mut targets = vec![false; code.len() + 1];
    let mut dec = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    while dec.can_decode() {
        let i = dec.decode();
        if i.is_invalid() {
            // Data (tables, constants) may follow code; only reachable
            // invalid bytes are an error, reported when reached.
            continue;
        }
        insns.push(i);
        at[i.ip() as usize] = insns.len() as u32;
    }
    for i in &insns {
        if matches!(
            i.flow_control(),
            iced_x86::FlowControl::ConditionalBranch | iced_x86::FlowControl::UnconditionalBranch
        ) {
            if let Some(t) = targets.get_mut(i.near_branch_target() as usize) {
                *t = true;
            }
        }
    }
    Decoded { insns, at, targets }
}

/// [`check`] over already decoded code.
pub fn check_from(code: &Decoded, entry: u64, indirect: &[u64]) -> Result<Coverage, AbiViolation> {
    let mut cov = Coverage::default();
    let err = |offset: u64, reason: String| AbiViolation { offset, reason };
    let start = State {
        depth: Some(0),
        mod16: 8,
        rbp_depth: None,
        intact: [true; 6],
        saved: Saved::default(),
    };
    let mut seen: HashMap<u64, State> =
        HashMap::with_capacity_and_hasher(code.insns.len() / 4, Default::default());
    let mut work: VecDeque<(u64, State)> = VecDeque::new();
    let mut info = InstructionInfoFactory::new();
    // Where paths can meet: jump targets, indirect targets, the entry.
    let mut joins = code.targets.clone();
    for &t in indirect.iter().chain([&entry]) {
        if let Some(j) = joins.get_mut(t as usize) {
            *j = true;
        }
    }
    // States are recorded (and merged) only where paths can meet: entries
    // and jump targets. An instruction reached by falling through is
    // walked straight on from its predecessor, with that predecessor's
    // revisit flag (`inherited`), updating the one state in place (moving
    // a state per instruction was most of the checker's time).
    let mut first = Some((entry, start));
    'paths: loop {
        let (mut at, mut s) = match first.take() {
            Some(x) => x,
            None => match work.pop_front() {
                Some(x) => x,
                None => break,
            },
        };
        let mut inherited = false;
        loop {
            let join = joins.get(at as usize).copied().unwrap_or(true);
            // Coverage counts each instruction once, however often it is checked.
            let revisit;
            if !join {
                if !inherited {
                    cov.instructions += 1;
                }
                revisit = inherited;
            } else if let Some(prev) = seen.get(&at) {
                let same_frame = prev.depth == s.depth
                    && prev.mod16 == s.mod16
                    && prev.rbp_depth == s.rbp_depth
                    && prev.saved == s.saved;
                if !same_frame {
                    return Err(err(
                        at,
                        format!("paths merge with different stack states: {prev:?} vs {s:?}"),
                    ));
                }
                let mut met = prev.clone();
                for (m, x) in met.intact.iter_mut().zip(s.intact) {
                    *m &= x;
                }
                if met == *prev {
                    continue 'paths;
                }
                // Fewer registers intact than before: go over this path again.
                revisit = true;
                s = met;
            } else {
                cov.instructions += 1;
                revisit = false;
            }
            if join {
                seen.insert(at, s.clone());
            }
            let Some(ins) = code.get(at) else {
                return Err(err(
                    at,
                    "control reaches bytes that are not an instruction".into(),
                ));
            };
            let next = at + ins.len() as u64;
            // Unless the path ends, it goes on at `next` by default.
            inherited = revisit;
            let adjust = |s: &mut State, delta: i64| {
                // delta > 0: RSP moves down (push / sub).
                if let Some(d) = s.depth.as_mut() {
                    *d += delta;
                }
                s.mod16 = (s.mod16 - delta).rem_euclid(16);
            };
            match ins.mnemonic() {
                Mnemonic::Ret => {
                    if s.depth != Some(0) {
                        return Err(err(
                            at,
                            format!("RET with RSP not restored (depth {:?})", s.depth),
                        ));
                    }
                    for (i, ok) in s.intact.iter().enumerate() {
                        if !ok {
                            return Err(err(
                                at,
                                format!("RET with callee-saved {:?} not restored", CALLEE_SAVED[i]),
                            ));
                        }
                    }
                    cov.returns += usize::from(!revisit);
                    continue 'paths;
                }
                Mnemonic::Ud2 | Mnemonic::Int3 => continue 'paths,
                Mnemonic::Call => {
                    if s.mod16 != 0 {
                        return Err(err(at, format!("CALL with RSP = {} mod 16", s.mod16)));
                    }
                    cov.calls += usize::from(!revisit);
                    // The callee preserves RSP and callee-saved registers.
                    at = next;
                    continue;
                }
                Mnemonic::Push => {
                    adjust(&mut s, 8);
                    if ins.op0_kind() == OpKind::Register {
                        if let Some(ci) = cs_index(ins.op0_register()) {
                            if s.intact[ci] {
                                if let Some(d) = s.depth {
                                    s.saved.push((d, ci));
                                }
                            }
                        }
                    }
                    at = next;
                    continue;
                }
                Mnemonic::Pop => {
                    let depth_before = s.depth;
                    adjust(&mut s, -8);
                    if ins.op0_kind() == OpKind::Register {
                        if let Some(ci) = cs_index(ins.op0_register()) {
                            let restored = depth_before.is_some_and(|d| s.saved.contains(&(d, ci)));
                            s.intact[ci] = restored;
                        }
                    }
                    if let Some(d) = depth_before {
                        s.saved.retain(|&(sd, _)| sd != d);
                    }
                    at = next;
                    continue;
                }
                _ => {}
            }
            // RSP arithmetic.
            let writes_rsp = ins.op_count() > 0
                && ins.op0_kind() == OpKind::Register
                && ins.op0_register() == Register::RSP;
            if writes_rsp {
                match (ins.mnemonic(), ins.op1_kind()) {
                    (Mnemonic::Sub, k) if is_imm(k) => adjust(&mut s, ins.immediate(1) as i64),
                    (Mnemonic::Add, k) if is_imm(k) => adjust(&mut s, -(ins.immediate(1) as i64)),
                    (Mnemonic::And, k) if is_imm(k) => {
                        let mask = ins.immediate(1) as i64;
                        if mask > -16 || mask & 15 != 0 {
                            return Err(err(
                                at,
                                "AND RSP with a mask that does not align to 16".into(),
                            ));
                        }
                        s.depth = None;
                        s.mod16 = 0;
                    }
                    (Mnemonic::Mov, OpKind::Register) if ins.op1_register() == Register::RBP => {
                        let Some(d) = s.rbp_depth else {
                            return Err(err(at, "MOV RSP, RBP without a saved frame".into()));
                        };
                        s.depth = Some(d);
                        s.mod16 = (8 - d).rem_euclid(16);
                    }
                    // `mov rsp, [mem]`: the checked mode's longjmp back to its
                    // trampoline (see `jit::baseline::checked`); this frame is
                    // abandoned, so the path ends here.
                    (Mnemonic::Mov, OpKind::Memory) => continue 'paths,
                    (Mnemonic::Lea, OpKind::Memory)
                        if ins.memory_base() == Register::RSP
                            && ins.memory_index() == Register::None =>
                    {
                        adjust(&mut s, -(ins.memory_displacement64() as i64));
                    }
                    _ => {
                        return Err(err(
                            at,
                            format!("RSP changed in a way the checker cannot follow: {ins}"),
                        ))
                    }
                }
            } else {
                // Any other write to a callee-saved register clobbers it (only
                // worth decoding while one is intact or rbp holds a depth: in
                // JIT code past the prologue every one holds a pinned value).
                let watch = s.intact.iter().any(|&b| b) || s.rbp_depth.is_some();
                let used = if watch {
                    info.info(&ins).used_registers()
                } else {
                    &[]
                };
                for r in used {
                    let written = matches!(
                        r.access(),
                        iced_x86::OpAccess::Write
                            | iced_x86::OpAccess::ReadWrite
                            | iced_x86::OpAccess::CondWrite
                            | iced_x86::OpAccess::ReadCondWrite
                    );
                    if written {
                        if let Some(ci) = cs_index(r.register()) {
                            s.intact[ci] = false;
                            if r.register().full_register() == Register::RBP {
                                s.rbp_depth = None;
                            }
                        }
                    }
                }
                if ins.mnemonic() == Mnemonic::Mov
                    && ins.op0_kind() == OpKind::Register
                    && ins.op0_register() == Register::RBP
                    && ins.op1_kind() == OpKind::Register
                    && ins.op1_register() == Register::RSP
                {
                    s.rbp_depth = s.depth;
                }
            }
            // Control flow.
            match ins.flow_control() {
                iced_x86::FlowControl::UnconditionalBranch => {
                    work.push_back((ins.near_branch_target(), s));
                    continue 'paths;
                }
                iced_x86::FlowControl::ConditionalBranch => {
                    work.push_back((ins.near_branch_target(), s.clone()));
                    at = next;
                }
                iced_x86::FlowControl::IndirectBranch => {
                    if indirect.is_empty() {
                        return Err(err(at, "indirect jump with no known targets".into()));
                    }
                    for &t in indirect {
                        work.push_back((t, s.clone()));
                    }
                    continue 'paths;
                }
                iced_x86::FlowControl::IndirectCall => unreachable!("calls handled above"),
                iced_x86::FlowControl::Return => unreachable!("returns handled above"),
                _ => at = next,
            }
        }
    }
    Ok(cov)
}

fn is_imm(k: OpKind) -> bool {
    matches!(
        k,
        OpKind::Immediate8
            | OpKind::Immediate8to32
            | OpKind::Immediate8to64
            | OpKind::Immediate32
            | OpKind::Immediate32to64
    )
}
