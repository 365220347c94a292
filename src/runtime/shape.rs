//! Shapes (hidden classes): which property lives in which slot, with which
//! attributes. Inline caches key on the shape id.
//!
//! Invariants:
//! - A shared shape is immutable once created; adding a property moves an
//!   object to a child shape through a cached transition, so objects built
//!   the same way share shapes.
//! - A dictionary shape belongs to exactly one object and is mutated in
//!   place (after deletes, attribute changes, or many properties). Its id is
//!   never reused, so an IC that cached it cannot see a different layout
//!   under the same id... but it can see the same id with a changed layout,
//!   which is why ICs must not cache dictionary shapes.
//! - `n_fixed` + `n_inline` fix where slots live: slot `s < n_inline` is the
//!   object's value word `n_fixed + s`; later slots are in the overflow cell.
//! - Shapes are never collected (a known limitation; see architecture.md).

use super::atoms::PropKey;
use crate::runtime::fxhash::FxHashMap as HashMap;
use std::rc::Rc;

pub const WRITABLE: u8 = 1;
pub const ENUMERABLE: u8 = 2;
pub const CONFIGURABLE: u8 = 4;
/// The slot holds a Slots cell `[getter, setter]` instead of a value.
pub const ACCESSOR: u8 = 8;
pub const DEFAULT_ATTRS: u8 = WRITABLE | ENUMERABLE | CONFIGURABLE;
/// Methods of classes and builtins: writable, configurable, not enumerable.
pub const METHOD_ATTRS: u8 = WRITABLE | CONFIGURABLE;

/// Shapes beyond this many properties go to dictionary mode, which keeps the
/// per-transition copying of the property table bounded.
const MAX_SHARED_PROPS: usize = 64;

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct ShapeId(pub u32);

/// Inline slots of a plain object (`Vm::new_object`).
pub const PLAIN_INLINE: u16 = 4;
/// The empty shape of plain objects, the same id in every VM, so JIT code
/// that makes a plain object inline can embed it.
pub const PLAIN_ROOT: ShapeId = ShapeId(0);

#[derive(Clone, Debug)]
pub struct Shape {
    pub n_fixed: u8,
    pub n_inline: u16,
    pub dictionary: bool,
    /// Key -> (slot, attributes).
    pub props: HashMap<PropKey, (u32, u8)>,
    /// Keys in insertion order (with `None` for deleted ones in dictionaries).
    pub order: Vec<Option<PropKey>>,
    /// Next free slot.
    pub next_slot: u32,
    transitions: HashMap<(PropKey, u8), ShapeId>,
    /// The transition taken last (objects of one layout are built the
    /// same way, so this usually answers without hashing).
    last_transition: Option<(PropKey, u8, ShapeId)>,
}

/// Shapes are shared (`Rc`, copied on write) between a table and its
/// clones: the harness clones the builtins' shapes into every VM
/// (`runtime::image`), and a VM changes few of them (a transition added).
#[derive(Default, Clone)]
pub struct Shapes {
    shapes: Vec<Rc<Shape>>,
    roots: HashMap<(u8, u16), ShapeId>,
}

impl Shapes {
    /// The shapes, with `PLAIN_ROOT` made first.
    pub fn new() -> Shapes {
        let mut s = Shapes::default();
        let root = s.root(super::fixed::PLAIN, PLAIN_INLINE);
        debug_assert_eq!(root, PLAIN_ROOT);
        s
    }

    pub fn get(&self, id: ShapeId) -> &Shape {
        &self.shapes[id.0 as usize]
    }

    pub fn count(&self) -> usize {
        self.shapes.len()
    }

    fn push(&mut self, s: Shape) -> ShapeId {
        let id = ShapeId(self.shapes.len() as u32);
        self.shapes.push(Rc::new(s));
        id
    }

    /// The empty shared shape for objects with this fixed/inline layout.
    pub fn root(&mut self, n_fixed: u8, n_inline: u16) -> ShapeId {
        if let Some(&id) = self.roots.get(&(n_fixed, n_inline)) {
            return id;
        }
        let id = self.push(Shape {
            n_fixed,
            n_inline,
            dictionary: false,
            props: HashMap::default(),
            order: Vec::new(),
            next_slot: 0,
            transitions: HashMap::default(),
            last_transition: None,
        });
        self.roots.insert((n_fixed, n_inline), id);
        id
    }

    pub fn lookup(&self, id: ShapeId, key: PropKey) -> Option<(u32, u8)> {
        self.shapes[id.0 as usize].props.get(&key).copied()
    }

    /// The shape after adding `key` (which must not be present). For a
    /// dictionary shape this mutates it and returns the same id.
    pub fn add(&mut self, id: ShapeId, key: PropKey, attrs: u8) -> (ShapeId, u32) {
        let s = &self.shapes[id.0 as usize];
        debug_assert!(!s.props.contains_key(&key));
        if s.dictionary {
            let s = Rc::make_mut(&mut self.shapes[id.0 as usize]);
            let slot = s.next_slot;
            s.next_slot += 1;
            s.props.insert(key, (slot, attrs));
            s.order.push(Some(key));
            return (id, slot);
        }
        // A child's new slot is its parent's next free one.
        let slot = s.next_slot;
        if let Some((k, a, next)) = s.last_transition {
            if k == key && a == attrs {
                return (next, slot);
            }
        }
        if let Some(&next) = s.transitions.get(&(key, attrs)) {
            Rc::make_mut(&mut self.shapes[id.0 as usize]).last_transition =
                Some((key, attrs, next));
            return (next, slot);
        }
        let mut child = Shape::clone(s);
        child.transitions = HashMap::default();
        child.last_transition = None;
        child.next_slot += 1;
        child.props.insert(key, (slot, attrs));
        child.order.push(Some(key));
        if child.order.len() > MAX_SHARED_PROPS {
            // A unique shape, not reachable through a transition.
            child.dictionary = true;
            return (self.push(child), slot);
        }
        let cid = self.push(child);
        let parent = Rc::make_mut(&mut self.shapes[id.0 as usize]);
        parent.transitions.insert((key, attrs), cid);
        parent.last_transition = Some((key, attrs, cid));
        (cid, slot)
    }

    /// A fresh dictionary copy of `id` (for an object about to change a
    /// property's attributes or delete one). Dictionaries are returned as is.
    pub fn to_dictionary(&mut self, id: ShapeId) -> ShapeId {
        if self.shapes[id.0 as usize].dictionary {
            return id;
        }
        let mut d = Shape::clone(&self.shapes[id.0 as usize]);
        d.transitions = HashMap::default();
        d.last_transition = None;
        d.dictionary = true;
        self.push(d)
    }

    /// Dictionary shapes only. Objects change attributes through
    /// `Vm::set_own_attrs` (which keeps global property cells right).
    pub fn set_attrs(&mut self, id: ShapeId, key: PropKey, attrs: u8) {
        let s = Rc::make_mut(&mut self.shapes[id.0 as usize]);
        debug_assert!(s.dictionary);
        if let Some(e) = s.props.get_mut(&key) {
            e.1 = attrs;
        }
    }

    /// Dictionary shapes only. The slot is not reused. Objects delete
    /// through `Vm::delete_property` (which keeps global property cells
    /// right).
    pub fn remove(&mut self, id: ShapeId, key: PropKey) {
        let s = Rc::make_mut(&mut self.shapes[id.0 as usize]);
        debug_assert!(s.dictionary);
        s.props.remove(&key);
        for k in s.order.iter_mut() {
            if *k == Some(key) {
                *k = None;
            }
        }
    }

    /// Own keys in insertion order (not yet sorted by index-ness).
    pub fn keys(&self, id: ShapeId) -> impl Iterator<Item = (PropKey, u32, u8)> + '_ {
        let s = &self.shapes[id.0 as usize];
        s.order.iter().filter_map(move |k| {
            let k = (*k)?;
            let (slot, attrs) = s.props[&k];
            Some((k, slot, attrs))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::atoms::{wk, PropKey};
    #[test]
    fn transitions_are_shared_and_dictionaries_are_not() {
        let mut s = Shapes::new();
        let r = s.root(3, 4);
        let (a, slot_a) = s.add(r, PropKey::Atom(wk::name), DEFAULT_ATTRS);
        let (a2, _) = s.add(r, PropKey::Atom(wk::name), DEFAULT_ATTRS);
        assert_eq!(a, a2);
        assert_eq!(slot_a, 0);
        let (b, slot_b) = s.add(a, PropKey::Index(3), DEFAULT_ATTRS);
        assert_eq!(slot_b, 1);
        assert_eq!(s.lookup(b, PropKey::Index(3)), Some((1, DEFAULT_ATTRS)));
        assert_eq!(s.lookup(a, PropKey::Index(3)), None);
        let d = s.to_dictionary(b);
        assert_ne!(d, b);
        s.remove(d, PropKey::Atom(wk::name));
        assert_eq!(s.lookup(d, PropKey::Atom(wk::name)), None);
        assert_eq!(
            s.lookup(b, PropKey::Atom(wk::name)),
            Some((0, DEFAULT_ATTRS))
        );
        assert_eq!(s.keys(d).count(), 1);
    }
}
