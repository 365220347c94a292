//! The bytecode verifier.
//!
//! What it checks, for a prototype P and recursively for its children:
//! 1. `2 + nparams <= nregs <= MAX_REGS`, and P has at least one instruction.
//! 2. For every instruction, each operand is in range for its kind:
//!    reg < nregs, konst < consts.len(), fb < nfeedback,
//!    func < children.len(), jump targets in 0..code.len().
//! 3. Every register an instruction names fits, as the opcode table says
//!    (`Insn::reg_extent`): a call's window `base .. base + 2 + argc`,
//!    a spread call's `base .. base + 3` (its arguments are spread at run
//!    time, past the frame), `arguments`' parameter registers,
//!    for-of's `iter`, `iter + 1`, for-in's also `iter + 2`, and implicit
//!    registers (`SuperCallForward` reads the rest array in r2).
//! 4. Name operands (globals, property names, TDZ names) are string constants.
//! 5. The last instruction does not fall through past the end.
//! 6. Handlers: start <= end <= target < len, exc < nregs (a handler at or
//!    before its region's end could loop by throwing, spending no fuel).
//! 7. Every backward jump is a `Loop` (which spends fuel), and `Loop` only
//!    jumps backwards: so any verified program stops under `--fuel`.
//!
//! Jump targets are instruction indices, so "the middle of an instruction"
//! cannot be expressed. It never panics: every failure is an `Err` naming
//! the function, pc and reason.

use super::{jump_target, Const, FuncProto, Insn, OperandKind};

pub const MAX_REGS: u16 = 16_000;
/// Nesting depth of prototypes the verifier accepts (keeps recursion bounded).
pub const MAX_NESTING: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    pub function: String,
    pub pc: Option<usize>,
    pub reason: String,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pc {
            Some(pc) => write!(
                f,
                "invalid bytecode in {} at pc {}: {}",
                self.function, pc, self.reason
            ),
            None => write!(f, "invalid bytecode in {}: {}", self.function, self.reason),
        }
    }
}

pub fn verify(p: &FuncProto) -> Result<(), VerifyError> {
    verify_nested(p, 0)
}

// One arm per rule with its own error reads better than match guards here.
#[allow(clippy::collapsible_match)]
fn verify_nested(p: &FuncProto, depth: usize) -> Result<(), VerifyError> {
    let err = |pc: Option<usize>, reason: String| VerifyError {
        function: if p.name.is_empty() {
            "<anonymous>".into()
        } else {
            p.name.clone()
        },
        pc,
        reason,
    };
    if depth > MAX_NESTING {
        return Err(err(None, "functions nested too deeply".into()));
    }
    if p.nregs > MAX_REGS || (p.nparams as u32) + 2 > p.nregs as u32 {
        return Err(err(
            None,
            format!("bad register count {} for {} params", p.nregs, p.nparams),
        ));
    }
    if p.feedback.len() != p.nfeedback as usize {
        return Err(err(None, "feedback vector size mismatch".into()));
    }
    if p.has_rest && p.nparams == 0 {
        return Err(err(None, "rest parameter without a parameter slot".into()));
    }
    let len = p.code.len();
    if len == 0 {
        return Err(err(None, "empty code".into()));
    }
    let nregs = p.nregs as i64;
    for (pc, insn) in p.code.iter().enumerate() {
        let e = |reason: String| err(Some(pc), reason);
        for (kind, v) in insn.operands() {
            let ok = match kind {
                OperandKind::Reg => v >= 0 && v < nregs,
                OperandKind::Konst => v >= 0 && (v as usize) < p.consts.len(),
                OperandKind::Fb => v >= 0 && v < p.nfeedback as i64,
                OperandKind::Func => v >= 0 && (v as usize) < p.children.len(),
                OperandKind::Jump => {
                    let t = jump_target(pc, v as i32);
                    let backward_ok = t > pc as i64 || matches!(insn, Insn::Loop { .. });
                    t >= 0 && (t as usize) < len && backward_ok
                }
                OperandKind::Imm | OperandKind::Count | OperandKind::Depth => true,
            };
            if !ok {
                return Err(e(format!(
                    "{} operand {v} out of range for {:?}",
                    insn.name(),
                    kind
                )));
            }
        }
        // Windows, iterator state and implicit registers (from the opcode
        // table) must fit in the frame.
        if insn.reg_extent() > nregs as u32 {
            return Err(e(match insn.window() {
                Some((base, argc)) => {
                    format!("call window r{base}+{argc} exceeds {nregs} registers")
                }
                None => format!(
                    "{} needs {} registers (iterator state or implicit registers), the frame has {nregs}",
                    insn.name(),
                    insn.reg_extent()
                ),
            }));
        }
        match *insn {
            Insn::Loop { off } => {
                if off >= 0 {
                    return Err(e("loop back edge must jump backwards".into()));
                }
            }
            Insn::GetGlobal { name, .. }
            | Insn::GetGlobalOrUndef { name, .. }
            | Insn::SetGlobal { name, .. }
            | Insn::CheckTdz { name, .. }
            | Insn::ThrowConstAssign { name }
            | Insn::GetProp { name, .. }
            | Insn::SetProp { name, .. }
            | Insn::DelProp { name, .. }
            | Insn::RequireObject { msg: name, .. } => {
                if !matches!(p.consts[name as usize], Const::Str(_)) {
                    return Err(e("name operand is not a string constant".into()));
                }
            }
            Insn::PushCtx { n } => {
                if n > MAX_REGS {
                    return Err(e("too many context slots".into()));
                }
            }
            _ => {}
        }
    }
    if p.code[len - 1].falls_through() {
        return Err(err(
            Some(len - 1),
            "control falls off the end of the code".into(),
        ));
    }
    for h in &p.handlers {
        // A handler at or before its region's end could loop by throwing,
        // spending no fuel: handlers come after the code they protect.
        if h.start > h.end
            || h.end as usize > len
            || h.target as usize >= len
            || h.target < h.end
            || h.exc >= p.nregs
        {
            return Err(err(None, format!("bad handler {h:?}")));
        }
    }
    for c in &p.children {
        verify_nested(c, depth + 1)?;
    }
    Ok(())
}
