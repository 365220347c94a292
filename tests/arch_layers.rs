//! The layering of the crate, written once and enforced (like V8's DEPS
//! files): which top-level modules may import which.
//!
//! What it checks: for every source file under `src/`, every path that
//! names another top-level module (`crate::m::...`, each name of a
//! `use crate::{a, b::c}` group, `jolt::m` in the binary) must be an edge
//! of [`ALLOWED`]; an entry may be narrowed to a submodule
//! (`runtime::numconv`), which allows that submodule only. `super::`
//! chains that climb out of their top-level module are refused too, since
//! they would hide an edge. Comments and `#[cfg(test)]` items (unit tests
//! sit above every layer, like this file) are ignored.
//!
//! The layers (bottom to top; docs/architecture.md draws them):
//! `front`, `bytecode`, `faults` at the bottom; `compile` over `front`;
//! `runtime` over `bytecode` (kinds of code, never tiers); `interp` and
//! `jit` over `runtime`, neither reaching into the other; `tier` over both;
//! the public API (`lib.rs`) over `tier`; `verify` (the harness) over
//! everything it checks; the `jolt` binary on top.

use std::collections::BTreeSet;
use std::path::Path;

/// (module, the modules or submodules it may import). Everything else is
/// forbidden. `lib` is `src/lib.rs` (the public API), `main` the binary.
const ALLOWED: &[(&str, &[&str])] = &[
    ("front", &[]),
    ("bytecode", &[]),
    ("faults", &[]),
    // The binary's global allocator (std only).
    ("smalloc", &[]),
    ("compile", &["front", "bytecode", "runtime::numconv"]),
    ("runtime", &["bytecode", "faults"]),
    ("interp", &["runtime", "bytecode", "faults"]),
    ("jit", &["runtime", "bytecode", "faults"]),
    ("tier", &["jit", "runtime", "bytecode"]),
    (
        "lib",
        &[
            "front", "bytecode", "compile", "runtime", "interp", "jit", "tier", "faults",
        ],
    ),
    (
        "verify",
        &[
            "lib", "front", "bytecode", "compile", "runtime", "interp", "jit", "tier", "faults",
        ],
    ),
    (
        "main",
        &[
            "lib", "front", "bytecode", "compile", "runtime", "interp", "jit", "tier", "faults",
            "verify", "smalloc",
        ],
    ),
];

/// Items of `src/lib.rs` (paths like `crate::End` name the `lib` layer).
fn is_module(name: &str) -> bool {
    ALLOWED.iter().any(|(m, _)| *m == name)
}

/// The top-level module a file under `src/` belongs to.
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    match first.strip_suffix(".rs") {
        Some("lib") => "lib".into(),
        Some("main") => "main".into(),
        Some(m) => m.into(),
        None => first.into_owned(),
    }
}

/// The import edges of one file's text: (target path, line number). A
/// target is `m` or `m::sub` (the first two path segments).
fn imports(text: &str, in_binary: bool) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (n, line) in non_test_lines(text) {
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        let roots: &[&str] = if in_binary {
            &["crate::", "jolt::"]
        } else {
            &["crate::"]
        };
        for root in roots {
            let mut rest = code;
            while let Some(i) = rest.find(root) {
                // A path root, not the tail of another identifier.
                let before = rest[..i].chars().last();
                rest = &rest[i + root.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                if let Some(group) = rest.strip_prefix('{') {
                    for p in group_paths(group) {
                        out.push((p, n + 1));
                    }
                } else {
                    out.push((path_head(rest), n + 1));
                }
            }
        }
    }
    out
}

/// The lines of `text` outside `#[cfg(test)]` items, numbered from 0.
fn non_test_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    // Inside a test item: its brace depth, and whether its body opened.
    let mut skip: Option<(i32, bool)> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some((depth, opened)) = skip.as_mut() {
            for c in line.chars() {
                match c {
                    '{' => {
                        *depth += 1;
                        *opened = true;
                    }
                    '}' => *depth -= 1,
                    _ => {}
                }
            }
            if (*opened && *depth <= 0) || (!*opened && line.trim_end().ends_with(';')) {
                skip = None;
            }
            continue;
        }
        if line.trim() == "#[cfg(test)]" {
            skip = Some((0, false));
            continue;
        }
        out.push((n, line));
    }
    out
}

/// `a::b::c...` -> "a::b" (or "a").
fn path_head(s: &str) -> String {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let a = ident(s);
    match s[a.len()..].strip_prefix("::") {
        Some(r) if !r.starts_with('{') => format!("{a}::{}", ident(r)),
        _ => a,
    }
}

/// The top-level paths of a `{a, b::c, d::{e, f}}` group (text after `{`).
fn group_paths(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && (c.is_alphanumeric() || c == '_') => {
                out.push(path_head(&s[i..]));
                start = false;
            }
            _ => {}
        }
    }
    out
}

/// Whether `from` may import `target` ("m" or "m::sub").
fn allowed(from: &str, target: &str) -> bool {
    let top = target.split("::").next().unwrap();
    // `crate::End`, `crate::run`: items of the public API.
    let top = if is_module(top) { top } else { "lib" };
    if top == from {
        return true;
    }
    let Some((_, deps)) = ALLOWED.iter().find(|(m, _)| *m == from) else {
        return false;
    };
    deps.iter().any(|d| {
        *d == top || (d.contains("::") && (target == *d || target.starts_with(&format!("{d}::"))))
    })
}

/// `super::` chains deeper than the file's depth inside its module.
fn escaping_supers(text: &str, depth_in_module: usize) -> Vec<usize> {
    let mut bad = Vec::new();
    for (n, line) in non_test_lines(text) {
        let code = line.split("//").next().unwrap();
        let mut rest = code;
        while let Some(i) = rest.find("super::") {
            let mut k = 0;
            let mut t = &rest[i..];
            while let Some(r) = t.strip_prefix("super::") {
                k += 1;
                t = r;
            }
            if k > depth_in_module {
                bad.push(n + 1);
            }
            rest = t;
        }
    }
    bad
}

/// Every forbidden edge in the tree under `src`: "file:line: from -> to".
fn violations(src: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    collect(src, &mut files);
    for f in files {
        let rel = f.strip_prefix(src).unwrap();
        let from = module_of(rel);
        let text = std::fs::read_to_string(&f).unwrap();
        for (target, line) in imports(&text, from == "main") {
            if !allowed(&from, &target) {
                out.push(format!("{}:{line}: {from} -> {target}", rel.display()));
            }
        }
        // src/m/x.rs is at depth 1 in m (its `super` is m); src/m/mod.rs
        // at 0; src/m.rs at 0.
        let comps = rel.components().count();
        let is_mod = rel.file_name().is_some_and(|n| n == "mod.rs");
        let depth = comps.saturating_sub(if is_mod { 2 } else { 1 });
        for line in escaping_supers(&text, depth) {
            out.push(format!(
                "{}:{line}: super:: climbs out of {from}",
                rel.display()
            ));
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_import_follows_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let v = violations(&src);
    assert!(
        v.is_empty(),
        "imports outside the layer matrix (tests/arch_layers.rs ALLOWED):\n{}",
        v.join("\n")
    );
}

#[test]
fn every_module_is_in_the_matrix() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut mods = BTreeSet::new();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        mods.insert(module_of(p.strip_prefix(&src).unwrap()));
    }
    for m in &mods {
        assert!(is_module(m), "src/{m} has no row in ALLOWED");
    }
}

/// The checker itself: a forbidden edge in each form is reported, an
/// allowed one is not.
#[test]
fn the_checker_catches_forbidden_imports() {
    let dir = std::env::temp_dir().join(format!("jolt-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("runtime")).unwrap();
    std::fs::create_dir_all(dir.join("jit/baseline")).unwrap();
    std::fs::create_dir_all(dir.join("compile")).unwrap();
    let write = |p: &str, s: &str| std::fs::write(dir.join(p), s).unwrap();
    write(
        "runtime/mod.rs",
        "use crate::bytecode::FuncProto;\npub tier: crate::tier::Tier,\n",
    );
    write(
        "jit/baseline/emit.rs",
        "use crate::{runtime::Vm, verify::faults::Fault};\n// crate::interp in a comment\nuse super::super::super::interp;\n",
    );
    write(
        "compile/mod.rs",
        "let s = crate::runtime::numconv::number_to_string(1.0);\nuse crate::runtime::Vm;\n\
         #[cfg(test)]\nmod tests {\n    use crate::verify::check;\n}\nuse crate::jit::x64;\n",
    );
    let v = violations(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let want = [
        "runtime/mod.rs:2: runtime -> tier::Tier",
        "jit/baseline/emit.rs:1: jit -> verify::faults",
        "jit/baseline/emit.rs:3: super:: climbs out of jit",
        "compile/mod.rs:2: compile -> runtime::Vm",
        "compile/mod.rs:7: compile -> jit::x64",
    ];
    assert_eq!(v.len(), want.len(), "{v:#?}");
    for w in want {
        assert!(v.iter().any(|x| x == w), "missing {w} in {v:#?}");
    }
}
