//! Arbitrary bytecode prototypes, for the verifier's and the text form's
//! property tests and fuzz targets. `arbitrary_proto` makes anything at all
//! (mostly invalid); the verifier must refuse it cleanly or accept it.

use super::{Const, FuncKind, FuncProto, Handler, Insn};
use arbitrary::{Result, Unstructured};
use std::rc::Rc;

const KINDS: [FuncKind; 9] = [
    FuncKind::Script,
    FuncKind::Normal,
    FuncKind::Arrow,
    FuncKind::Method,
    FuncKind::Getter,
    FuncKind::Setter,
    FuncKind::ClassConstructor,
    FuncKind::DerivedConstructor,
    FuncKind::FieldInit,
];

/// An unconstrained prototype (nested to at most `depth` levels).
pub fn arbitrary_proto(u: &mut Unstructured, depth: usize) -> Result<FuncProto> {
    let kind = *u.choose(&KINDS)?;
    let nparams = u.int_in_range(0..=6u16)?;
    // Mostly plausible register counts, sometimes nonsense.
    let nregs = if u.ratio(1, 8)? {
        u.arbitrary()?
    } else {
        u.int_in_range(0..=40u16)?
    };
    let nconsts = u.int_in_range(0..=6usize)?;
    let mut consts = Vec::new();
    for _ in 0..nconsts {
        if u.arbitrary()? {
            consts.push(Const::Num(u.arbitrary()?));
        } else {
            let s: String = u.arbitrary()?;
            consts.push(Const::Str(s.encode_utf16().collect::<Vec<u16>>().into()));
        }
    }
    let ncode = u.int_in_range(0..=40usize)?;
    let mut code = Vec::new();
    for _ in 0..ncode {
        code.push(u.arbitrary::<Insn>()?);
    }
    let mut handlers = Vec::new();
    for _ in 0..u.int_in_range(0..=2usize)? {
        handlers.push(Handler {
            start: u.int_in_range(0..=45u32)?,
            end: u.int_in_range(0..=45u32)?,
            target: u.int_in_range(0..=45u32)?,
            exc: u.int_in_range(0..=45u16)?,
        });
    }
    let mut children = Vec::new();
    if depth > 0 {
        for _ in 0..u.int_in_range(0..=2usize)? {
            children.push(Rc::new(arbitrary_proto(u, depth - 1)?));
        }
    }
    let nfeedback = u.int_in_range(0..=8u16)?;
    let has_rest = u.ratio(1, 4)?;
    Ok(FuncProto::new(
        String::new(),
        kind,
        nparams,
        has_rest,
        nregs,
        u.int_in_range(0..=3u16)?,
        code,
        consts,
        children,
        handlers,
        nfeedback,
        Vec::new(),
    ))
}
