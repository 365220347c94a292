//! Interned property names.
//!
//! Invariants:
//! - One `Atom` per distinct UTF-16 string; atoms are never freed (shapes and
//!   bytecode refer to them by number). A program that invents unboundedly
//!   many distinct property names grows this table: a known limitation until
//!   dictionary-mode objects key by string cells.
//! - Strings that are canonical array indices ("0".."4294967294", no leading
//!   zeros) are never atoms: they are `PropKey::Index`, so integer-keyed
//!   properties sort before named ones wherever keys are listed.

use crate::runtime::fxhash::FxHashMap as HashMap;

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Atom(pub u32);

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum PropKey {
    Atom(Atom),
    Index(u32),
}

macro_rules! well_known_atoms {
    ($($name:ident = $text:literal,)*) => {
        #[allow(non_upper_case_globals, dead_code)]
        pub mod wk {
            use super::Atom;
            well_known_atoms!(@consts 0u32, $($name,)*);
        }
        const WELL_KNOWN: &[&str] = &[$($text,)*];
    };
    (@consts $n:expr, $name:ident, $($rest:ident,)*) => {
        pub const $name: Atom = Atom($n);
        well_known_atoms!(@consts $n + 1u32, $($rest,)*);
    };
    (@consts $n:expr,) => {};
}

well_known_atoms! {
    length = "length",
    prototype = "prototype",
    constructor = "constructor",
    name = "name",
    message = "message",
    toString = "toString",
    valueOf = "valueOf",
    empty = "",
    undefined = "undefined",
    null = "null",
    true_ = "true",
    false_ = "false",
    NaN = "NaN",
    Infinity = "Infinity",
    get = "get",
    set = "set",
    value = "value",
    writable = "writable",
    enumerable = "enumerable",
    configurable = "configurable",
    callee = "callee",
    add = "add",
    number = "number",
    string = "string",
    boolean = "boolean",
    object = "object",
    function = "function",
    symbol = "symbol",
    bigint = "bigint",
    toJSON = "toJSON",
    stack = "stack",
    cause = "cause",
}

/// Names are shared (`Rc`) between a table and its clones: the harness
/// clones the builtins' table into every VM (`runtime::image`).
#[derive(Clone)]
pub struct Atoms {
    names: Vec<std::rc::Rc<[u16]>>,
    map: HashMap<std::rc::Rc<[u16]>, Atom>,
}

impl Default for Atoms {
    fn default() -> Self {
        Self::new()
    }
}

impl Atoms {
    /// A table without even the well-known names: only to be replaced
    /// (`Vm::with_image` before the image's table is put in).
    pub fn empty() -> Atoms {
        Atoms {
            names: Vec::new(),
            map: HashMap::default(),
        }
    }

    pub fn new() -> Atoms {
        let mut a = Atoms {
            names: Vec::new(),
            map: HashMap::default(),
        };
        for s in WELL_KNOWN {
            a.intern_str(s);
        }
        a
    }

    pub fn intern(&mut self, s: &[u16]) -> Atom {
        if let Some(&a) = self.map.get(s) {
            return a;
        }
        let a = Atom(self.names.len() as u32);
        let name: std::rc::Rc<[u16]> = s.into();
        self.names.push(name.clone());
        self.map.insert(name, a);
        a
    }

    /// The atom of `s` if it was interned already (interns nothing).
    pub fn find(&self, s: &[u16]) -> Option<Atom> {
        self.map.get(s).copied()
    }

    pub fn intern_str(&mut self, s: &str) -> Atom {
        let u: Vec<u16> = s.encode_utf16().collect();
        self.intern(&u)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn get(&self, a: Atom) -> &[u16] {
        &self.names[a.0 as usize]
    }

    pub fn to_string(&self, a: Atom) -> String {
        String::from_utf16_lossy(self.get(a))
    }

    /// The property key for a string: an index if it is a canonical array
    /// index, otherwise an atom.
    pub fn key(&mut self, s: &[u16]) -> PropKey {
        match array_index(s) {
            Some(i) => PropKey::Index(i),
            None => PropKey::Atom(self.intern(s)),
        }
    }

    pub fn key_str(&mut self, s: &str) -> PropKey {
        let u: Vec<u16> = s.encode_utf16().collect();
        self.key(&u)
    }

    pub fn key_to_units(&self, k: PropKey) -> Vec<u16> {
        match k {
            PropKey::Atom(a) => self.get(a).to_vec(),
            PropKey::Index(i) => i.to_string().encode_utf16().collect(),
        }
    }

    pub fn key_to_string(&self, k: PropKey) -> String {
        String::from_utf16_lossy(&self.key_to_units(k))
    }
}

/// `Some(i)` if `s` is the canonical decimal form of an integer in 0..2^32-1.
pub fn array_index(s: &[u16]) -> Option<u32> {
    if s.is_empty() || s.len() > 10 || (s.len() > 1 && s[0] == b'0' as u16) {
        return None;
    }
    let mut n: u64 = 0;
    for &c in s {
        if !(b'0' as u16..=b'9' as u16).contains(&c) {
            return None;
        }
        n = n * 10 + (c - b'0' as u16) as u64;
    }
    if n < u32::MAX as u64 {
        Some(n as u32)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn indices_are_canonical() {
        let u = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        assert_eq!(array_index(&u("0")), Some(0));
        assert_eq!(array_index(&u("4294967294")), Some(4294967294));
        assert_eq!(array_index(&u("4294967295")), None);
        assert_eq!(array_index(&u("01")), None);
        assert_eq!(array_index(&u("")), None);
        assert_eq!(array_index(&u("1a")), None);
        let mut a = Atoms::new();
        assert_eq!(a.intern_str("length"), wk::length);
        assert_eq!(a.intern_str("cause"), wk::cause);
        assert_eq!(a.key_str("12"), PropKey::Index(12));
    }
}
