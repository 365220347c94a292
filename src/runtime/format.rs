//! Showing values to people: `console.log` (node's `util.inspect` with its
//! defaults: depth 2, breakLength 80, compact 3, array grouping) and the
//! value descriptions inside V8's error messages.
//!
//! Invariant: formatting never calls JavaScript (no getters, no toString),
//! so it cannot allocate on the JS heap or throw; it reads the heap only.

use super::atoms::{wk, PropKey};
use super::heap::{Cell, Kind};
use super::object::Own;
use super::shape::ENUMERABLE;
use super::{fixed, numconv, Intrinsic, Value, Vm};

/// String(v) for a primitive, without calling JS (objects get a tag).
pub fn display_primitive(vm: &Vm, v: Value) -> String {
    if v.is_number() {
        numconv::number_to_string(v.as_number())
    } else if vm.is_string(v) {
        vm.string_to_rust(v)
    } else if v.is_undefined() {
        "undefined".into()
    } else if v.is_null() {
        "null".into()
    } else if v.is_bool() {
        if v.as_bool() { "true" } else { "false" }.into()
    } else if vm.is_array(v) {
        "[object Array]".into()
    } else {
        "[object Object]".into()
    }
}

/// The constructor name V8 shows for an object (`#<Foo>`), if any.
fn constructor_name(vm: &Vm, obj: Value) -> Option<String> {
    let mut o = obj;
    // Walk the prototype chain looking for an own `constructor` data property.
    for _ in 0..64 {
        if !o.is_cell() {
            return None;
        }
        if let Some(Own::Data(c, _)) = vm.get_own(o, PropKey::Atom(wk::constructor)) {
            // Like node: only a constructor the object is an instance of
            // names it (so `F.prototype` is a plain `{}`).
            if vm.is_callable(c) && is_instance(vm, obj, c) {
                if let Some(Own::Data(n, _)) = vm.get_own(c, PropKey::Atom(wk::name)) {
                    if vm.is_string(n) && vm.string_len(n) > 0 {
                        return Some(vm.string_to_rust(n));
                    }
                }
            }
        }
        o = vm.proto_of(o);
    }
    None
}

/// `obj instanceof c` without running JavaScript (no getters).
fn is_instance(vm: &Vm, obj: Value, c: Value) -> bool {
    let Some(Own::Data(proto, _)) = vm.get_own(c, PropKey::Atom(wk::prototype)) else {
        return false;
    };
    let mut o = vm.proto_of(obj);
    for _ in 0..10_000 {
        if !o.is_cell() {
            return false;
        }
        if o == proto {
            return true;
        }
        o = vm.proto_of(o);
    }
    false
}

/// `#<Object>` / `[object Array]`, as in V8's property error messages.
pub fn object_tag(vm: &Vm, obj: Value) -> String {
    if vm.is_array(obj) {
        return "[object Array]".into();
    }
    if !vm.is_object(obj) {
        return display_primitive(vm, obj);
    }
    format!(
        "#<{}>",
        constructor_name(vm, obj).unwrap_or_else(|| "Object".into())
    )
}

/// How V8 shows a value in "X is not a function" and similar messages.
pub fn display_for_error(vm: &Vm, v: Value) -> String {
    if vm.is_string(v) {
        return format!("\"{}\"", vm.string_to_rust(v));
    }
    if vm.is_callable(v) {
        let name = function_name(vm, v);
        return if name.is_empty() {
            "function (anonymous)".into()
        } else {
            name
        };
    }
    if vm.is_object(v) {
        return object_tag(vm, v);
    }
    display_primitive(vm, v)
}

pub fn function_name(vm: &Vm, f: Value) -> String {
    match vm.get_own(f, PropKey::Atom(wk::name)) {
        Some(Own::Data(n, _)) if vm.is_string(n) => vm.string_to_rust(n),
        _ => String::new(),
    }
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    // node's keyStrRegExp: ^[a-zA-Z_][a-zA-Z_0-9]*$
    matches!(cs.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A string literal as util.inspect quotes it.
pub fn quote_js_string(s: &[u16]) -> String {
    let has_single = s.contains(&(b'\'' as u16));
    let has_double = s.contains(&(b'"' as u16));
    let has_back = s.contains(&(b'`' as u16));
    let q = if !has_single {
        '\''
    } else if !has_double {
        '"'
    } else if !has_back {
        '`'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for ch in char::decode_utf16(s.iter().copied()) {
        match ch {
            Ok('\n') => out.push_str("\\n"),
            Ok('\t') => out.push_str("\\t"),
            Ok('\r') => out.push_str("\\r"),
            Ok('\u{8}') => out.push_str("\\b"),
            Ok('\u{c}') => out.push_str("\\f"),
            Ok('\u{b}') => out.push_str("\\v"),
            Ok('\\') => out.push_str("\\\\"),
            Ok(c) if c == q => {
                out.push('\\');
                out.push(c);
            }
            Ok(c) if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            Ok(c) => out.push(c),
            Err(e) => out.push_str(&format!("\\u{:04X}", e.unpaired_surrogate())),
        }
    }
    out.push(q);
    out
}

struct Ctx {
    indentation: usize,
    /// Depth of the most recently formatted object (node's currentDepth).
    current_depth: usize,
    seen: Vec<Value>,
}

const BREAK_LENGTH: usize = 80;
const MAX_DEPTH: usize = 2;
const COMPACT: usize = 3;
const MAX_ARRAY: usize = 100;

/// console.log's rendering of one argument.
pub fn inspect(vm: &Vm, v: Value) -> String {
    let mut ctx = Ctx {
        indentation: 0,
        current_depth: 0,
        seen: Vec::new(),
    };
    format_value(vm, &mut ctx, v, 0, false)
}

fn format_primitive(vm: &Vm, v: Value, nested: bool) -> String {
    if v.is_number() {
        let d = v.as_number();
        if d == 0.0 && d.is_sign_negative() {
            return "-0".into();
        }
        return numconv::number_to_string(d);
    }
    if vm.is_string(v) {
        let u = vm.string_units(v);
        return if nested {
            quote_js_string(&u)
        } else {
            super::strutil::utf16_to_string_lossy(&u)
        };
    }
    display_primitive(vm, v)
}

fn format_value(vm: &Vm, ctx: &mut Ctx, v: Value, depth: usize, nested: bool) -> String {
    if !vm.is_object(v) {
        return format_primitive(vm, v, nested || depth > 0);
    }
    if ctx.seen.contains(&v) {
        return "[Circular *1]".into();
    }
    if vm.is_callable(v) {
        return format_function(vm, v);
    }
    if Cell::from_value(v).kind() == Kind::Primitive {
        // Boxed primitives: `[Number: 1]`, `[String: 'ab']`, `[Boolean: false]`
        // (own properties on a wrapper are not shown).
        let p = Cell::from_value(v).get(fixed::PRIMITIVE);
        let tag = if p.is_number() {
            "Number"
        } else if vm.is_string(p) {
            "String"
        } else {
            "Boolean"
        };
        return format!("[{tag}: {}]", format_primitive(vm, p, true));
    }
    if matches!(
        Cell::from_value(v).kind(),
        Kind::Map | Kind::Set | Kind::CollectionIterator
    ) {
        return format_collection(vm, ctx, v, depth);
    }
    if vm.is_typed_array(v) {
        return format_typed_array(vm, ctx, v, depth);
    }
    let is_array = vm.is_array(v);
    let empty = if is_array {
        vm.array_len(v) == 0
    } else {
        vm.own_keys(v).iter().all(|(_, a)| a & ENUMERABLE == 0)
    };
    if empty {
        // node returns `{}` / `[]` / `Foo {}` early, without counting depth.
        let kind = Cell::from_value(v).kind();
        if kind != Kind::Error {
            let ctor = constructor_name(vm, v);
            let braces = if is_array { "[]" } else { "{}" };
            return match ctor.as_deref() {
                _ if kind == Kind::Arguments => "[Arguments] {}".to_string(),
                Some("Object") | Some("Array") => braces.to_string(),
                Some(c) if is_array => format!("{c}(0) {braces}"),
                Some(c) => format!("{c} {braces}"),
                None if is_array => format!("[Array(0): null prototype] {braces}"),
                None => format!("[Object: null prototype] {braces}"),
            };
        }
    }
    if depth > MAX_DEPTH {
        return if is_array {
            "[Array]".into()
        } else {
            format!(
                "[{}]",
                constructor_name(vm, v).unwrap_or_else(|| "Object".into())
            )
        };
    }
    ctx.seen.push(v);
    ctx.current_depth = depth;
    let mut output: Vec<String> = Vec::new();
    let kind = Cell::from_value(v).kind();
    let proto = vm.proto_of(v);
    let ctor = constructor_name(vm, v);
    let mut prefix = String::new();
    if kind == Kind::Error {
        // Errors print their stack in node; Jolt has no stack traces, so
        // show "Name: message" (node's first stack line).
        ctx.seen.pop();
        return error_summary(vm, v);
    }

    if is_array {
        let len = vm.array_len(v) as usize;
        let mut holes = 0usize;
        let mut shown = 0usize;
        let mut i = 0usize;
        while i < len && shown < MAX_ARRAY {
            match vm.get_own(v, PropKey::Index(i as u32)) {
                Some(Own::Data(x, _)) => {
                    if holes > 0 {
                        output.push(empty_items(holes));
                        shown += 1;
                        holes = 0;
                    }
                    ctx.indentation += 2;
                    output.push(format_value(vm, ctx, x, depth + 1, true));
                    ctx.indentation -= 2;
                    shown += 1;
                }
                Some(Own::Accessor(..)) => {
                    output.push("[Getter/Setter]".into());
                    shown += 1;
                }
                None => holes += 1,
            }
            i += 1;
        }
        if holes > 0 {
            output.push(empty_items(holes));
        }
        if i < len {
            let rest = len - i;
            output.push(format!(
                "... {} more item{}",
                rest,
                if rest == 1 { "" } else { "s" }
            ));
        }
        if ctor.as_deref() != Some("Array") {
            prefix = match ctor {
                Some(c) => format!("{c}({len})"),
                None => format!("[Array({len}): null prototype]"),
            };
        }
    } else if kind == Kind::Arguments {
        prefix = "[Arguments]".into();
    } else if !proto.is_cell() {
        prefix = "[Object: null prototype]".into();
    } else if let Some(c) = &ctor {
        if c != "Object" {
            prefix = c.clone();
        }
    }
    for (k, attrs) in vm.own_keys(v) {
        if attrs & ENUMERABLE == 0 || (is_array && matches!(k, PropKey::Index(_))) {
            continue;
        }
        let name = vm.atoms.key_to_string(k);
        let key = if is_identifier(&name) {
            name
        } else {
            quote_js_string(&vm.atoms.key_to_units(k))
        };
        let val = match vm.get_own(v, k) {
            Some(Own::Data(x, _)) => {
                ctx.indentation += 2;
                let s = format_value(vm, ctx, x, depth + 1, true);
                ctx.indentation -= 2;
                s
            }
            Some(Own::Accessor(g, s, _)) => match (g.is_undefined(), s.is_undefined()) {
                (false, false) => "[Getter/Setter]".into(),
                (false, true) => "[Getter]".into(),
                _ => "[Setter]".into(),
            },
            None => continue,
        };
        output.push(format!("{key}: {val}"));
    }
    ctx.seen.pop();
    let braces = if is_array { ("[", "]") } else { ("{", "}") };
    if output.is_empty() {
        let empty = format!("{}{}", braces.0, braces.1);
        return if prefix.is_empty() {
            empty
        } else {
            format!("{prefix} {empty}")
        };
    }
    reduce_to_single_string(vm, ctx, output, &prefix, braces, is_array, depth, v)
}

/// Maps, Sets and their iterators as node shows them: `Map(2) { 'a' => 1 }`,
/// `Set(1) { 1 }`, `[Map Entries] { [ 'a', 1 ] }` (an iterator shows what
/// is left, without consuming it); own enumerable properties follow.
fn format_collection(vm: &Vm, ctx: &mut Ctx, v: Value, depth: usize) -> String {
    use super::collections::{Mode, ITER_INDEX, ITER_MODE, ITER_TABLE, MODE_SET};
    let c = Cell::from_value(v);
    let kind = c.kind();
    let (table, start, mode, is_set) = match kind {
        Kind::CollectionIterator => {
            let m = c.get(ITER_MODE).as_int();
            let is_set = m & MODE_SET != 0;
            // Set "entries" are [v, v]; keys and values are the same.
            let mode = match Mode::from_int(m) {
                Mode::Entries => Mode::Entries,
                _ if is_set => Mode::Keys,
                other => other,
            };
            (
                c.get(ITER_TABLE),
                c.get(ITER_INDEX).as_int().max(0) as usize,
                mode,
                is_set,
            )
        }
        Kind::Map => (vm.table_of(v), 0, Mode::Entries, false),
        _ => (vm.table_of(v), 0, Mode::Keys, true),
    };
    let type_name = if is_set { "Set" } else { "Map" };
    let prefix = match kind {
        Kind::CollectionIterator => {
            let what = if mode == Mode::Entries {
                "Entries"
            } else {
                "Iterator"
            };
            format!("[{type_name} {what}]")
        }
        _ => {
            let size = vm.collection_size(v);
            match constructor_name(vm, v) {
                Some(n) if n == type_name => format!("{type_name}({size})"),
                Some(n) => format!("{n}({size}) [{type_name}]"),
                None => format!("[{type_name}({size}): null prototype]"),
            }
        }
    };
    if depth > MAX_DEPTH {
        return format!("[{type_name}]");
    }
    ctx.seen.push(v);
    ctx.current_depth = depth;
    let mut output: Vec<String> = Vec::new();
    let mut total = 0usize;
    if !table.is_undefined() {
        let (mut t, mut i) = (table, start);
        loop {
            let (t2, found) = vm.table_next(t, i);
            t = t2;
            let Some((e, next)) = found else { break };
            i = next;
            total += 1;
            if output.len() >= MAX_ARRAY {
                continue;
            }
            let (k, val) = vm.table_entry(t, e);
            ctx.indentation += 2;
            let s = match (kind, mode) {
                (Kind::Map, _) => {
                    let ks = format_value(vm, ctx, k, depth + 1, true);
                    let vs = format_value(vm, ctx, val, depth + 1, true);
                    format!("{ks} => {vs}")
                }
                (Kind::CollectionIterator, Mode::Entries) => {
                    let ks = format_value(vm, ctx, k, depth + 2, true);
                    let vs = format_value(vm, ctx, val, depth + 2, true);
                    format!("[ {ks}, {vs} ]")
                }
                (_, Mode::Values) => format_value(vm, ctx, val, depth + 1, true),
                _ => format_value(vm, ctx, k, depth + 1, true),
            };
            ctx.indentation -= 2;
            output.push(s);
        }
    }
    if total > output.len() {
        let rest = total - output.len();
        output.push(format!(
            "... {} more item{}",
            rest,
            if rest == 1 { "" } else { "s" }
        ));
    }
    if kind != Kind::CollectionIterator {
        for (k, attrs) in vm.own_keys(v) {
            if attrs & ENUMERABLE == 0 {
                continue;
            }
            let name = vm.atoms.key_to_string(k);
            let key = if is_identifier(&name) {
                name
            } else {
                quote_js_string(&vm.atoms.key_to_units(k))
            };
            let val = match vm.get_own(v, k) {
                Some(Own::Data(x, _)) => {
                    ctx.indentation += 2;
                    let s = format_value(vm, ctx, x, depth + 1, true);
                    ctx.indentation -= 2;
                    s
                }
                Some(Own::Accessor(..)) => "[Getter/Setter]".into(),
                None => continue,
            };
            output.push(format!("{key}: {val}"));
        }
    }
    ctx.seen.pop();
    if output.is_empty() {
        return format!("{prefix} {{}}");
    }
    reduce_to_single_string(vm, ctx, output, &prefix, ("{", "}"), false, depth, v)
}

/// `Float64Array(3) [ 1, 2.5, NaN ]`, grouped like a number array.
fn format_typed_array(vm: &Vm, ctx: &mut Ctx, v: Value, depth: usize) -> String {
    let len = vm.ta_len(v) as usize;
    let name = if Cell::from_value(v).kind() == Kind::Int32Array {
        "Int32Array"
    } else {
        "Float64Array"
    };
    let prefix = match constructor_name(vm, v) {
        Some(n) if n == name => format!("{name}({len})"),
        Some(n) => format!("{n}({len}) [{name}]"),
        None => format!("[{name}({len}): null prototype]"),
    };
    if len == 0 {
        return format!("{prefix} []");
    }
    if depth > MAX_DEPTH {
        return format!("[{name}]");
    }
    ctx.current_depth = depth;
    let shown = len.min(MAX_ARRAY);
    let mut output: Vec<String> = (0..shown)
        .map(|i| format_primitive(vm, vm.ta_get(v, i as u32), true))
        .collect();
    if len > shown {
        let rest = len - shown;
        output.push(format!(
            "... {} more item{}",
            rest,
            if rest == 1 { "" } else { "s" }
        ));
    }
    reduce_to_single_string(vm, ctx, output, &prefix, ("[", "]"), true, depth, v)
}

fn empty_items(n: usize) -> String {
    format!("<{} empty item{}>", n, if n == 1 { "" } else { "s" })
}

fn error_summary(vm: &Vm, e: Value) -> String {
    let name = match vm.find_property(e, PropKey::Atom(wk::name)) {
        Some(Own::Data(n, _)) if vm.is_string(n) => vm.string_to_rust(n),
        _ => "Error".into(),
    };
    let msg = match vm.find_property(e, PropKey::Atom(wk::message)) {
        Some(Own::Data(m, _)) if vm.is_string(m) => vm.string_to_rust(m),
        _ => String::new(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

fn format_function(vm: &Vm, f: Value) -> String {
    let name = function_name(vm, f);
    let is_class = Cell::from_value(f).kind() == Kind::Function
        && Cell::from_value(f).flags() & super::oflags::CLASS_CONSTRUCTOR != 0;
    if is_class {
        let mut s = if name.is_empty() {
            "[class (anonymous)".to_string()
        } else {
            format!("[class {name}")
        };
        let parent = vm.proto_of(f);
        if parent != vm.intrinsic(Intrinsic::FunctionPrototype) && vm.is_callable(parent) {
            let pn = function_name(vm, parent);
            s.push_str(&format!(" extends {pn}"));
        }
        s.push(']');
        return s;
    }
    if name.is_empty() {
        "[Function (anonymous)]".into()
    } else {
        format!("[Function: {name}]")
    }
}

#[allow(clippy::too_many_arguments)]
fn reduce_to_single_string(
    vm: &Vm,
    ctx: &mut Ctx,
    mut output: Vec<String>,
    prefix: &str,
    braces: (&str, &str),
    is_array: bool,
    depth: usize,
    value: Value,
) -> String {
    let entries = output.len();
    if is_array && entries > 6 {
        output = group_array_elements(vm, ctx, output, value);
    }
    if ctx.current_depth - depth < COMPACT && entries == output.len() {
        let start = output.len() + ctx.indentation + braces.0.len() + prefix.len() + 10;
        if is_below_break_length(&output, start) {
            let joined = output.join(", ");
            if !joined.contains('\n') {
                let pre = if prefix.is_empty() {
                    String::new()
                } else {
                    format!("{prefix} ")
                };
                return format!("{pre}{} {joined} {}", braces.0, braces.1);
            }
        }
    }
    let ind = format!("\n{}", " ".repeat(ctx.indentation));
    let pre = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    format!(
        "{pre}{}{ind}  {}{ind}{}",
        braces.0,
        output.join(&format!(",{ind}  ")),
        braces.1
    )
}

fn is_below_break_length(output: &[String], start: usize) -> bool {
    let mut total = output.len() + start;
    if total + output.len() > BREAK_LENGTH {
        return false;
    }
    for o in output {
        total += o.chars().count();
        if total > BREAK_LENGTH {
            return false;
        }
    }
    true
}

fn group_array_elements(vm: &Vm, ctx: &Ctx, output: Vec<String>, value: Value) -> Vec<String> {
    let mut total_length = 0usize;
    let mut max_length = 0usize;
    let mut output_length = output.len();
    if output.last().is_some_and(|s| s.starts_with("... ")) {
        output_length -= 1;
    }
    let separator_space = 2;
    let data_len: Vec<usize> = output.iter().map(|s| s.chars().count()).collect();
    for &len in &data_len[..output_length] {
        total_length += len + separator_space;
        max_length = max_length.max(len);
    }
    let actual_max = max_length + separator_space;
    if actual_max * 3 + ctx.indentation < BREAK_LENGTH
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
    {
        let average_bias =
            ((actual_max as f64) - (total_length as f64) / (output.len() as f64)).sqrt();
        let biased_max = ((actual_max as f64) - 3.0 - average_bias).max(1.0);
        let columns = [
            ((2.5 * biased_max * output_length as f64).sqrt() / biased_max).round() as usize,
            (BREAK_LENGTH - ctx.indentation) / actual_max,
            COMPACT * 4,
            15,
        ]
        .into_iter()
        .min()
        .unwrap();
        if columns <= 1 {
            return output;
        }
        let mut max_line_length = Vec::new();
        for i in 0..columns {
            let mut line_length = 0;
            let mut j = i;
            // node's dataLen has no entry for "... n more items".
            while j < output_length {
                line_length = line_length.max(data_len[j]);
                j += columns;
            }
            max_line_length.push(line_length + separator_space);
        }
        // Numbers are right-aligned, everything else left-aligned.
        let all_numbers = (0..output_length).all(|i| matches!(vm.get_own(value, PropKey::Index(i as u32)), Some(Own::Data(x, _)) if x.is_number()));
        let mut tmp = Vec::new();
        let mut i = 0;
        while i < output_length {
            let max = (i + columns).min(output_length);
            let mut line = String::new();
            let mut j = i;
            while j < max - 1 {
                let cell = format!("{}, ", output[j]);
                let pad = max_line_length[j - i];
                line.push_str(&pad_to(&cell, pad, all_numbers));
                j += 1;
            }
            if all_numbers {
                let pad = max_line_length[j - i] - separator_space;
                line.push_str(&pad_to(&output[j], pad, true));
            } else {
                line.push_str(&output[j]);
            }
            tmp.push(line);
            i += columns;
        }
        if output_length < output.len() {
            tmp.push(output[output_length].clone());
        }
        return tmp;
    }
    output
}

fn pad_to(s: &str, width: usize, start: bool) -> String {
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let pad = " ".repeat(width - n);
    if start {
        format!("{pad}{s}")
    } else {
        format!("{s}{pad}")
    }
}
