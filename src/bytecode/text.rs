//! The readable text form of bytecode: what `--print-bytecode` shows and
//! what corpus files are written in. `parse(print(p))` prints identically
//! to `p` (the round trip is tested).
//!
//! ```text
//! function "add" kind=normal params=2 rest=0 regs=5 length=2 feedback=1 {
//!   const k0 = "x"
//!   handler 0..3 -> 4 r3
//!   pos 0 1:10
//!   0000: add r4, r2, r3, fb0
//!   0001: return r4
//! }
//! ```
//! Jump operands are written as absolute targets `@N`; nested functions
//! follow the code, in order.

use super::{jump_target, Const, FuncKind, FuncProto, Handler, Insn, Opcode, OperandKind};
use std::fmt::Write;
use std::rc::Rc;

pub fn print(p: &FuncProto) -> String {
    let mut out = String::new();
    print_into(p, 0, &mut out);
    out
}

fn quote(units: &[u16]) -> String {
    let mut s = String::from("\"");
    for &u in units {
        match u {
            0x22 => s.push_str("\\\""),
            0x5c => s.push_str("\\\\"),
            0x20..=0x7e => s.push(u as u8 as char),
            _ => {
                let _ = write!(s, "\\u{u:04x}");
            }
        }
    }
    s.push('"');
    s
}

fn print_into(p: &FuncProto, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent);
    let name: Vec<u16> = p.name.encode_utf16().collect();
    let _ = writeln!(
        out,
        "{pad}function {} kind={} params={} rest={} regs={} length={} feedback={} {{",
        quote(&name),
        p.kind.name(),
        p.nparams,
        p.has_rest as u8,
        p.nregs,
        p.length,
        p.nfeedback
    );
    for (i, c) in p.consts.iter().enumerate() {
        match c {
            Const::Num(n) => {
                let _ = writeln!(out, "{pad}  const k{i} = {n:?}");
            }
            Const::Str(s) => {
                let _ = writeln!(out, "{pad}  const k{i} = {}", quote(s));
            }
        }
    }
    for h in &p.handlers {
        let _ = writeln!(
            out,
            "{pad}  handler {}..{} -> {} r{}",
            h.start, h.end, h.target, h.exc
        );
    }
    for &(pc, line, col) in &p.positions {
        let _ = writeln!(out, "{pad}  pos {pc} {line}:{col}");
    }
    for (pc, name) in &p.callee_names {
        let n: Vec<u16> = name.encode_utf16().collect();
        let _ = writeln!(out, "{pad}  callee {pc} {}", quote(&n));
    }
    for (pc, insn) in p.code.iter().enumerate() {
        let _ = writeln!(out, "{pad}  {pc:04}: {}", format_insn(pc, insn));
    }
    for c in &p.children {
        print_into(c, indent + 1, out);
    }
    let _ = writeln!(out, "{pad}}}");
}

/// One instruction in text form (jumps as absolute `@target`).
pub fn format_insn(pc: usize, insn: &Insn) -> String {
    let mut s = insn.name().to_string();
    for (i, (kind, v)) in insn.operands().into_iter().enumerate() {
        s.push_str(if i == 0 { " " } else { ", " });
        let _ = match kind {
            OperandKind::Reg => write!(s, "r{v}"),
            OperandKind::Konst => write!(s, "k{v}"),
            OperandKind::Fb => write!(s, "fb{v}"),
            OperandKind::Func => write!(s, "f{v}"),
            OperandKind::Jump => write!(s, "@{}", jump_target(pc, v as i32)),
            OperandKind::Imm => write!(s, "#{v}"),
            OperandKind::Count | OperandKind::Depth => write!(s, "{v}"),
        };
    }
    s
}

/// Parses the text form. Errors name the line.
pub fn parse(src: &str) -> Result<FuncProto, String> {
    let lines: Vec<&str> = src.lines().collect();
    let mut pos = 0;
    while pos < lines.len() && lines[pos].trim().is_empty() {
        pos += 1;
    }
    let p = parse_function(&lines, &mut pos, 0)?;
    while pos < lines.len() {
        if !lines[pos].trim().is_empty() {
            return Err(format!(
                "line {}: trailing text after the function",
                pos + 1
            ));
        }
        pos += 1;
    }
    Ok(p)
}

fn unquote(s: &str) -> Result<(Vec<u16>, &str), String> {
    let s = s.strip_prefix('"').ok_or("expected a string")?;
    let mut out = Vec::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &s[i + 1..])),
            '\\' => match chars.next() {
                Some((_, '"')) => out.push(0x22),
                Some((_, '\\')) => out.push(0x5c),
                Some((j, 'u')) => {
                    let hex = s.get(j + 1..j + 5).ok_or("short \\u escape")?;
                    out.push(u16::from_str_radix(hex, 16).map_err(|_| "bad \\u escape")?);
                    for _ in 0..4 {
                        chars.next();
                    }
                }
                _ => return Err("bad escape".into()),
            },
            c => {
                let mut b = [0u16; 2];
                out.extend_from_slice(c.encode_utf16(&mut b));
            }
        }
    }
    Err("unterminated string".into())
}

fn field<'a>(words: &[&'a str], key: &str) -> Result<&'a str, String> {
    words
        .iter()
        .find_map(|w| w.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
        .ok_or_else(|| format!("missing {key}="))
}

fn num<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("bad number {s:?}"))
}

fn parse_function(lines: &[&str], pos: &mut usize, depth: usize) -> Result<FuncProto, String> {
    if depth > super::verify::MAX_NESTING {
        return Err("functions nested too deeply".into());
    }
    let lno = *pos + 1;
    let head = lines.get(*pos).ok_or("expected a function")?.trim();
    let e = |m: String| format!("line {lno}: {m}");
    let rest = head
        .strip_prefix("function ")
        .ok_or_else(|| e("expected `function`".into()))?;
    let (name, rest) = unquote(rest).map_err(e)?;
    let rest = rest
        .trim()
        .strip_suffix('{')
        .ok_or_else(|| e("expected `{`".into()))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let kind = FuncKind::from_name(field(&words, "kind").map_err(e)?)
        .ok_or_else(|| e("bad kind".into()))?;
    let nparams: u16 = num(field(&words, "params").map_err(e)?).map_err(e)?;
    let has_rest = field(&words, "rest").map_err(e)? == "1";
    let nregs: u16 = num(field(&words, "regs").map_err(e)?).map_err(e)?;
    let length: u16 = num(field(&words, "length").map_err(e)?).map_err(e)?;
    let nfeedback: u16 = num(field(&words, "feedback").map_err(e)?).map_err(e)?;
    *pos += 1;

    let mut consts = Vec::new();
    let mut handlers = Vec::new();
    let mut positions = Vec::new();
    let mut callee_names = Vec::new();
    let mut code: Vec<(usize, Opcode, Vec<i64>)> = Vec::new();
    let mut children = Vec::new();
    loop {
        let lno = *pos + 1;
        let line = lines.get(*pos).ok_or("unterminated function")?.trim();
        let e = |m: String| format!("line {lno}: {m}");
        if line == "}" {
            *pos += 1;
            break;
        }
        if line.starts_with("function ") {
            children.push(Rc::new(parse_function(lines, pos, depth + 1)?));
            continue;
        }
        *pos += 1;
        if line.is_empty() || line.starts_with(';') {
            continue;
        }
        if let Some(r) = line.strip_prefix("const k") {
            let (idx, val) = r.split_once(" = ").ok_or_else(|| e("bad const".into()))?;
            if num::<usize>(idx).map_err(e)? != consts.len() {
                return Err(e("constants must be numbered in order".into()));
            }
            if val.starts_with('"') {
                let (u, tail) = unquote(val).map_err(e)?;
                if !tail.trim().is_empty() {
                    return Err(e("text after string".into()));
                }
                consts.push(Const::Str(u.into()));
            } else {
                consts.push(Const::Num(num(val).map_err(e)?));
            }
        } else if let Some(r) = line.strip_prefix("handler ") {
            let (range, rest) = r
                .split_once(" -> ")
                .ok_or_else(|| e("bad handler".into()))?;
            let (s, en) = range
                .split_once("..")
                .ok_or_else(|| e("bad handler range".into()))?;
            let (t, reg) = rest
                .split_once(" r")
                .ok_or_else(|| e("bad handler target".into()))?;
            handlers.push(Handler {
                start: num(s).map_err(e)?,
                end: num(en).map_err(e)?,
                target: num(t).map_err(e)?,
                exc: num(reg).map_err(e)?,
            });
        } else if let Some(r) = line.strip_prefix("callee ") {
            let (pc, text) = r.split_once(' ').ok_or_else(|| e("bad callee".into()))?;
            let (u, _) = unquote(text).map_err(e)?;
            callee_names.push((num::<u32>(pc).map_err(e)?, String::from_utf16_lossy(&u)));
        } else if let Some(r) = line.strip_prefix("pos ") {
            let (pc, lc) = r.split_once(' ').ok_or_else(|| e("bad pos".into()))?;
            let (l, c) = lc.split_once(':').ok_or_else(|| e("bad pos".into()))?;
            positions.push((num(pc).map_err(e)?, num(l).map_err(e)?, num(c).map_err(e)?));
        } else {
            let (pcs, insn) = line
                .split_once(": ")
                .ok_or_else(|| e(format!("cannot read {line:?}")))?;
            let pc: usize = num(pcs).map_err(e)?;
            if pc != code.len() {
                return Err(e("instructions must be numbered in order".into()));
            }
            let (name, ops) = insn.split_once(' ').unwrap_or((insn, ""));
            let op = Opcode::from_name(name).ok_or_else(|| e(format!("unknown opcode {name}")))?;
            let kinds = op.operand_kinds();
            let toks: Vec<&str> = ops
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            if toks.len() != kinds.len() {
                return Err(e(format!("{name} takes {} operands", kinds.len())));
            }
            let mut vals = Vec::new();
            for (t, k) in toks.iter().zip(kinds) {
                let prefix = match k {
                    OperandKind::Reg => "r",
                    OperandKind::Konst => "k",
                    OperandKind::Fb => "fb",
                    OperandKind::Func => "f",
                    OperandKind::Jump => "@",
                    OperandKind::Imm => "#",
                    OperandKind::Count | OperandKind::Depth => "",
                };
                let body = t
                    .strip_prefix(prefix)
                    .ok_or_else(|| e(format!("operand {t} should start with {prefix}")))?;
                vals.push(num::<i64>(body).map_err(e)?);
            }
            code.push((pc, op, vals));
        }
    }
    let mut insns = Vec::with_capacity(code.len());
    for (pc, op, mut vals) in code {
        for (v, k) in vals.iter_mut().zip(op.operand_kinds()) {
            if *k == OperandKind::Jump {
                *v -= pc as i64 + 1;
            }
        }
        insns.push(
            Insn::from_operands(op, &vals)
                .ok_or_else(|| format!("instruction {pc}: operand out of range"))?,
        );
    }
    let mut p = FuncProto::new(
        String::from_utf16_lossy(&name),
        kind,
        nparams,
        has_rest,
        nregs,
        length,
        insns,
        consts,
        children,
        handlers,
        nfeedback,
        positions,
    );
    p.callee_names = callee_names;
    Ok(p)
}
