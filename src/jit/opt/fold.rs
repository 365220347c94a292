//! Constant folding, with the engine's one semantics (`runtime::ops`):
//! an operation whose operands are constants becomes a constant. A guarded
//! int32 operation folds only when `ops::arith_int` says the result is an
//! exact int32 (else it stays, and deopts at run time as it must).

use super::ir::*;
use crate::runtime::ops::{arith_int, arith_numbers, BinOp};
use std::collections::HashMap;

pub fn run(f: &mut Func) {
    let mut k: HashMap<V, Op> = HashMap::new();
    for b in &mut f.blocks {
        for ins in &mut b.insts {
            let c = |i: usize| k.get(&ins.args[i]).copied();
            let i32_of = |o: Option<Op>| match o {
                Some(Op::ConstI32(x)) => Some(x),
                _ => None,
            };
            let f64_of = |o: Option<Op>| match o {
                Some(Op::ConstF64(x)) => Some(f64::from_bits(x)),
                _ => None,
            };
            let int_bin = |op: BinOp| -> Option<Op> {
                let v = arith_int(op, i32_of(c(0))?, i32_of(c(1))?)?;
                Some(Op::ConstI32(v.as_int()))
            };
            let f_bin = |op: Option<BinOp>| -> Option<Op> {
                let (a, b) = (f64_of(c(0))?, f64_of(c(1))?);
                let r = match op {
                    Some(op) => arith_numbers(op, a, b),
                    None => a + b, // number + number (ops::add's numeric case)
                };
                Some(Op::ConstF64(r.to_bits()))
            };
            let folded = match ins.op {
                Op::AddI32 | Op::AddI32Wrap => i32_of(c(0))
                    .zip(i32_of(c(1)))
                    .and_then(|(a, b)| a.checked_add(b))
                    .map(Op::ConstI32),
                Op::SubI32 | Op::SubI32Wrap => int_bin(BinOp::Sub),
                Op::MulI32 => int_bin(BinOp::Mul),
                Op::ModI32 => int_bin(BinOp::Mod),
                Op::AndI32 => int_bin(BinOp::BitAnd),
                Op::OrI32 => int_bin(BinOp::BitOr),
                Op::XorI32 => int_bin(BinOp::BitXor),
                Op::ShlI32 => int_bin(BinOp::Shl),
                Op::SarI32 => int_bin(BinOp::Shr),
                Op::ShrI32 => int_bin(BinOp::UShr),
                Op::AddF64 => f_bin(None),
                Op::SubF64 => f_bin(Some(BinOp::Sub)),
                Op::MulF64 => f_bin(Some(BinOp::Mul)),
                Op::DivF64 => f_bin(Some(BinOp::Div)),
                Op::I32ToF64 => i32_of(c(0)).map(|x| Op::ConstF64((x as f64).to_bits())),
                Op::CmpI32(cc) => i32_of(c(0)).zip(i32_of(c(1))).map(|(a, b)| {
                    Op::ConstBool(match cc {
                        Cc::Eq => a == b,
                        Cc::Ne => a != b,
                        Cc::Lt => a < b,
                        Cc::Le => a <= b,
                        Cc::Gt => a > b,
                        Cc::Ge => a >= b,
                    })
                }),
                Op::NotBool => match c(0) {
                    Some(Op::ConstBool(x)) => Some(Op::ConstBool(!x)),
                    _ => None,
                },
                _ => None,
            };
            if let Some(op) = folded {
                ins.op = op;
                ins.args.clear();
                ins.fs = None;
            }
            if let (Some(r), true) = (ins.res, ins.args.is_empty()) {
                if matches!(
                    ins.op,
                    Op::ConstI32(_) | Op::ConstF64(_) | Op::ConstBool(_) | Op::ConstTagged(_)
                ) {
                    k.insert(r, ins.op);
                }
            }
        }
    }
}
