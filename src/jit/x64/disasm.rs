//! Human-readable listings of emitted code (iced-x86's Intel formatter).
//!
//! Invariants: one instruction per line as `offset  hex-bytes  text`; label
//! lines (`name:`) then annotation lines (`; ...`) appear before the
//! instruction at their offset; branch targets and RIP-relative operands that
//! are labels print by name; data ranges print as `db` lines of up to 8 bytes.
//! Decoding only reads `bytes`; it never executes or writes anything.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, SymbolResolver, SymbolResult,
};

use super::label::Annotation;

struct Labels(HashMap<u64, String>);

impl SymbolResolver for Labels {
    fn symbol(
        &mut self,
        _instruction: &Instruction,
        _operand: u32,
        _instruction_operand: Option<u32>,
        address: u64,
        _address_size: u32,
    ) -> Option<SymbolResult<'_>> {
        self.0
            .get(&address)
            .map(|n| SymbolResult::with_str(address, n.as_str()))
    }
}

/// Formats `bytes` (placed at address `base`) with label names, annotations
/// and data ranges.
pub fn disassemble(
    bytes: &[u8],
    base: u64,
    labels: &[Option<(super::encode::LabelName, u32)>],
    annotations: &[(u32, Annotation)],
    data: &[Range<u32>],
) -> String {
    let mut by_off: HashMap<u32, Vec<String>> = HashMap::new();
    let mut syms = HashMap::new();
    for (name, off) in labels.iter().flatten() {
        let name = name.to_string();
        by_off.entry(*off).or_default().push(name.clone());
        syms.entry(base + *off as u64).or_insert(name);
    }
    let mut fmt = IntelFormatter::with_options(Some(Box::new(Labels(syms))), None);
    fmt.options_mut().set_first_operand_char_index(8);
    let mut out = String::new();
    let mut notes = annotations.iter().peekable();
    let mut inst = Instruction::default();
    let mut text = String::new();
    let mut off = 0u32;
    while (off as usize) < bytes.len() {
        // Data runs to the end of its range; code is decoded one instruction
        // at a time, never across the start of a data range.
        let (len, is_data) = match data.iter().find(|r| r.contains(&off)) {
            Some(r) => ((r.end - off).min(8), true),
            None => {
                let end = data
                    .iter()
                    .map(|r| r.start)
                    .filter(|&s| s > off)
                    .min()
                    .unwrap_or(bytes.len() as u32);
                let mut dec = Decoder::with_ip(
                    64,
                    &bytes[off as usize..end as usize],
                    base + off as u64,
                    DecoderOptions::NONE,
                );
                dec.decode_out(&mut inst);
                (inst.len() as u32, false)
            }
        };
        if let Some(names) = by_off.get(&off) {
            for n in names {
                let _ = writeln!(out, "{n}:");
            }
        }
        // Annotations recorded inside this item's bytes print before it too.
        while let Some((o, a)) = notes.peek() {
            if *o >= off + len {
                break;
            }
            let _ = writeln!(out, "                ; {a}");
            notes.next();
        }
        let chunk = &bytes[off as usize..(off + len) as usize];
        let hex: String = chunk.iter().map(|b| format!("{b:02x}")).collect();
        text.clear();
        if is_data {
            // MASM-style hex like the formatter's: a leading 0 before a letter.
            let items: Vec<String> = chunk
                .iter()
                .map(|&b| {
                    let z = if b >= 0xA0 { "0" } else { "" };
                    format!("{z}{b:02X}h")
                })
                .collect();
            text = format!("db      {}", items.join(","));
        } else {
            fmt.format(&inst, &mut text);
        }
        let _ = writeln!(out, "  {off:06x}  {hex:<24}  {text}");
        off += len;
    }
    if let Some(names) = by_off.get(&(bytes.len() as u32)) {
        for n in names {
            let _ = writeln!(out, "{n}:");
        }
    }
    for (_, a) in notes {
        let _ = writeln!(out, "                ; {a}");
    }
    out
}
