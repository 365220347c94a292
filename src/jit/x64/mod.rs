//! Jolt's x86-64 assembler and executable memory.
//!
//! - `regs`: registers (`Gpr`, `Xmm`, `Ymm`), `Size`, `IndexReg` (never rsp), `Scale`, `Cond`.
//! - `operand`: `Mem` (base+index*scale+disp, RIP+label), `Rm`, `XRm`, `YRm`.
//! - `encode`: `Assembler` (picks the shortest encoding) and `Code` (finished bytes).
//! - `label`: `Label`, `Annotation`, `AsmError`, absolute relocations.
//! - `codemem`: `CodeSpace` and `ExecCode` (W^X pages, freed on drop).
//! - `disasm`: Intel-syntax listings with labels and annotations.
//! - `roundtrip`: an `Inst` description of every form and a decode-and-compare
//!   `check` shared by the exhaustive tests, proptests and the fuzz target.
//!
//! iced-x86 is used only to decode and format, never to encode.
//!
//! ```
//! use jolt::jit::x64::{AluOp, Assembler, CodeSpace, Cond, Gpr::*, Size::*, UnaryOp};
//!
//! // sum(n) = n + (n-1) + ... + 1
//! let mut a = Assembler::new();
//! let (top, done) = (a.new_named_label("top"), a.new_named_label("done"));
//! a.alu_rm_r(AluOp::Xor, S32, Rax, Rax);
//! a.test_rm_r(S64, Rdi, Rdi);
//! a.jcc(Cond::Le, done); // forward: rel32, patched by finish
//! a.bind(top);
//! a.alu_rm_r(AluOp::Add, S64, Rax, Rdi);
//! a.unary(UnaryOp::Dec, S64, Rdi);
//! a.jcc(Cond::Ne, top); // backward: rel8
//! a.bind(done);
//! a.ret();
//! let mut space = CodeSpace::new(1 << 20);
//! let code = a.finalize(&mut space).expect("labels bound, space left");
//! let sum: extern "C" fn(i64) -> i64 = unsafe { code.entry() };
//! assert_eq!(sum(10), 55);
//! assert!(code.disassemble().contains("jne     short top"));
//! ```

pub mod codemem;
pub mod disasm;
pub mod encode;
pub mod label;
pub mod operand;
pub mod regs;
pub mod roundtrip;

pub use codemem::{CodeSpace, CodeSpaceError, ExecCode, FinalizeError};
pub use encode::{
    AluOp, Assembler, AvxMov, AvxOp, Code, LabelName, ShiftOp, SseOp, SseStoreOp, UnaryOp,
};
pub use label::{AbsReloc, Annotation, AsmError, Label};
pub use operand::{Mem, Rm, XRm, YRm};
pub use regs::{Cond, Gpr, IndexReg, Scale, Size, Xmm, Ymm};
