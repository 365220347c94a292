//! The GC heap: a precise, moving, semispace (Cheney) collector.
//!
//! Cell layout (every cell, every kind), in 64-bit words:
//!   `[header][raw words ...][tagged values ...]`
//! header bits 0..8 = kind, 8..16 = per-kind flags, 16..40 = raw word count,
//! 40..64 = value count. So one cell holds at most 2^24 - 1 raw words (a flat
//! string of up to 64M code units) and 2^24 - 1 values (16M array elements);
//! `try_alloc` refuses larger cells. Raw words are opaque bytes (string data, lengths,
//! shape ids); values are `Value`s the collector traces and updates.
//!
//! Invariants:
//! - Every cell is at least 2 words, so a forwarded cell can hold its new
//!   address in word 1 (header kind `FORWARDED`).
//! - Between collections every cell pointer reachable from a root points at a
//!   live header in the current space. Anything not reachable from the roots
//!   the VM enumerates is garbage: Rust code holding a `Value` across an
//!   allocation must keep it in a root (the VM's handle stack).
//! - Because cells hold no Rust-owned resources, dead cells need no finaliser:
//!   dropping a semispace frees everything in it.
//! - `verify` walks the space and checks every traced value points at a
//!   valid header inside the space (run after each GC with `--verify-heap`).

use super::value::Value;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Kind {
    Forwarded = 0,
    /// raw[0] = length in code units; then UTF-16 code units, 4 per word.
    String = 1,
    /// values = [left, right]; raw[0] = length. Flattened: left = flat string, right = EMPTY.
    Rope = 2,
    /// Overflow property slots or array elements: raw[0] = used length; values = storage.
    Slots = 3,
    /// Closure context: values = [parent, slots...].
    Env = 4,
    /// Map/Set hash table (see runtime/collections.rs).
    Table = 5,
    /// Raw bytes only (typed array element storage, see runtime/typed.rs).
    Bytes = 6,
    // Object kinds: raw = [shape id | class bits, kind-specific word];
    // values = [proto, overflow Slots, elements Slots, <kind fixed values>, inline slots...].
    Object = 16,
    Array = 17,
    Function = 18,
    Native = 19,
    Bound = 20,
    Error = 21,
    /// A boxed primitive (Number/String/Boolean wrapper); extra value = the primitive.
    Primitive = 22,
    /// Map and Set objects: fixed value 3 = their table.
    Map = 23,
    Set = 24,
    /// Map and Set iterators: fixed values table, index, mode.
    CollectionIterator = 25,
    /// An unmapped `arguments` object (indices and `length` are ordinary
    /// properties).
    Arguments = 26,
    /// Typed arrays: fixed values buffer, offset; raw[1] = length.
    Float64Array = 27,
    Int32Array = 28,
}

pub const FIRST_OBJECT_KIND: u8 = 16;

impl Kind {
    fn from_u8(k: u8) -> Option<Kind> {
        use Kind::*;
        Some(match k {
            0 => Forwarded,
            1 => String,
            2 => Rope,
            3 => Slots,
            4 => Env,
            5 => Table,
            6 => Bytes,
            16 => Object,
            17 => Array,
            18 => Function,
            19 => Native,
            20 => Bound,
            21 => Error,
            22 => Primitive,
            23 => Map,
            24 => Set,
            25 => CollectionIterator,
            26 => Arguments,
            27 => Float64Array,
            28 => Int32Array,
            _ => return None,
        })
    }
    pub fn is_object(self) -> bool {
        self as u8 >= FIRST_OBJECT_KIND
    }
}

/// The largest raw-word or value count a cell can have.
pub const MAX_CELL_FIELD: usize = (1 << 24) - 1;

#[inline(always)]
pub fn make_header(kind: Kind, raw: usize, nvals: usize, flags: u16) -> u64 {
    debug_assert!(raw <= MAX_CELL_FIELD && nvals <= MAX_CELL_FIELD && flags < 256);
    (kind as u64) | ((flags as u64) << 8) | ((raw as u64) << 16) | ((nvals as u64) << 40)
}

/// Header flag of a String cell made by `Vm::atom_string`: one more raw
/// word after its units holds its property key.
pub const ATOM_STRING: u16 = 1;

/// A pointer to a cell. Copy, unrooted: valid only until the next allocation
/// unless the value it came from is in a root.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Cell(pub *mut u64);

impl Cell {
    #[inline(always)]
    pub fn from_value(v: Value) -> Cell {
        debug_assert!(v.is_cell());
        Cell(v.0 as *mut u64)
    }
    #[inline(always)]
    pub fn value(self) -> Value {
        Value(self.0 as u64)
    }
    #[inline(always)]
    pub fn header(self) -> u64 {
        unsafe { *self.0 }
    }
    #[inline(always)]
    pub fn kind(self) -> Kind {
        // Cells are only created by `Heap::alloc` with a valid kind.
        match Kind::from_u8(self.header() as u8) {
            Some(k) => k,
            None => panic!("corrupt heap cell header {:#x}", self.header()),
        }
    }
    #[inline(always)]
    pub fn raw_words(self) -> usize {
        ((self.header() >> 16) & MAX_CELL_FIELD as u64) as usize
    }
    #[inline(always)]
    pub fn nvals(self) -> usize {
        (self.header() >> 40) as usize
    }
    #[inline(always)]
    pub fn flags(self) -> u16 {
        ((self.header() >> 8) & 0xff) as u16
    }
    #[inline(always)]
    pub fn set_flags(self, f: u16) {
        debug_assert!(f < 256);
        unsafe { *self.0 = (*self.0 & !0xff00) | ((f as u64) << 8) }
    }
    #[inline(always)]
    pub fn raw(self, i: usize) -> u64 {
        debug_assert!(i < self.raw_words());
        unsafe { *self.0.add(1 + i) }
    }
    #[inline(always)]
    pub fn set_raw(self, i: usize, x: u64) {
        debug_assert!(i < self.raw_words());
        unsafe { *self.0.add(1 + i) = x }
    }
    #[inline(always)]
    pub fn raw_ptr(self) -> *mut u64 {
        unsafe { self.0.add(1) }
    }
    #[inline(always)]
    pub fn get(self, i: usize) -> Value {
        debug_assert!(i < self.nvals(), "value index {i} >= {}", self.nvals());
        unsafe { Value(*self.0.add(1 + self.raw_words() + i)) }
    }
    #[inline(always)]
    pub fn set(self, i: usize, v: Value) {
        debug_assert!(i < self.nvals(), "value index {i} >= {}", self.nvals());
        unsafe { *self.0.add(1 + self.raw_words() + i) = v.0 }
    }
    #[inline(always)]
    pub fn vals_ptr(self) -> *mut Value {
        unsafe { self.0.add(1 + self.raw_words()) as *mut Value }
    }
    /// Total size in words.
    #[inline(always)]
    pub fn size_words(self) -> usize {
        (1 + self.raw_words() + self.nvals()).max(2)
    }
}

#[derive(Debug)]
pub struct OutOfMemory;

/// Calls its argument on every root slot (the VM's root enumeration).
pub type RootWalker<'a> = dyn FnMut(&mut dyn FnMut(&mut Value)) + 'a;

pub struct Heap {
    space: Vec<u64>,
    /// Words in use; JIT code bumps it inline (`Heap::TOP_OFFSET`).
    top: usize,
    /// `space`'s address, for JIT code (`Heap::BASE_OFFSET`).
    base: *mut u64,
    /// The limit JIT code allocates up to (`Heap::JIT_LIMIT_OFFSET`):
    /// `limit`, or 0 when inline allocation is off (every allocation must
    /// then go through `Vm::alloc_rooted`, which forced-GC plans count).
    jit_limit: usize,
    inline_alloc: bool,
    /// Logical end of the current space, in words (`space.len()` may be
    /// larger: the tail is untouched, lazily committed memory).
    limit: usize,
    /// Hard limit in words (from `--max-heap`).
    max_words: usize,
    /// The previous space, reused as the next to-space when large enough.
    spare: Vec<u64>,
    pub collections: u64,
    pub allocated_words: u64,
    /// With verification on, the old space is poisoned instead of reused, so
    /// a stale pointer reads garbage that `verify` or a header check catches.
    pub verify_after_gc: bool,
}

const POISON: u64 = 0xdead_beef_dead_beef;

/// Spaces of dropped heaps, kept for the next heaps of this thread (at most
/// `POOL_SPACES`, each at most `POOL_MAX_WORDS`). The harness makes a VM per
/// plan per input: a fresh 4 MB `vec![0; ..]` came from the allocator's
/// free lists, not from new zero pages, and was cleared every time (a tenth
/// of `jolt fuzz`). A reused space is not zeroed: `try_alloc` initialises
/// every word of a cell, and nothing reads a space beyond `top`.
const POOL_SPACES: usize = 4;
const POOL_MAX_WORDS: usize = 8 << 20;

thread_local! {
    static POOL: std::cell::RefCell<Vec<Vec<u64>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A space of at least `words` words: a pooled one if any fits.
fn space_of(words: usize) -> Vec<u64> {
    let pooled = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let best = (0..p.len())
            .filter(|&i| p[i].len() >= words)
            .min_by_key(|&i| p[i].len())?;
        Some(p.swap_remove(best))
    });
    pooled.unwrap_or_else(|| vec![0; words])
}

fn pool_space(v: Vec<u64>) {
    if v.is_empty() || v.len() > POOL_MAX_WORDS {
        return;
    }
    // A thread ending drops its pool first; its heaps then free their own.
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_SPACES {
            p.push(v);
        }
    });
}

impl Drop for Heap {
    fn drop(&mut self) {
        pool_space(std::mem::take(&mut self.space));
        pool_space(std::mem::take(&mut self.spare));
    }
}

impl Heap {
    pub fn new(initial_bytes: usize, max_bytes: usize) -> Heap {
        let max_words = (max_bytes / 8).max(1024);
        let limit = (initial_bytes / 8).clamp(1024, max_words);
        let mut space = space_of(limit);
        Heap {
            base: space.as_mut_ptr(),
            space,
            top: 0,
            jit_limit: limit,
            inline_alloc: true,
            limit,
            max_words,
            spare: Vec::new(),
            collections: 0,
            allocated_words: 0,
            verify_after_gc: false,
        }
    }

    /// Byte offsets of the fields JIT code allocates with: `top` and
    /// `jit_limit` are word counts, `base` the space's address; a cell of
    /// `n` words fits when `top + n <= jit_limit`, and is then at
    /// `base + 8 * top` (with `top += n` and `allocated_words += n`).
    pub const TOP_OFFSET: usize = std::mem::offset_of!(Heap, top);
    pub const BASE_OFFSET: usize = std::mem::offset_of!(Heap, base);
    pub const JIT_LIMIT_OFFSET: usize = std::mem::offset_of!(Heap, jit_limit);
    pub const ALLOCATED_OFFSET: usize = std::mem::offset_of!(Heap, allocated_words);

    /// Turns JIT code's inline allocation on or off (off while plans force
    /// collections at chosen allocations: those must all be counted).
    pub fn set_inline_alloc(&mut self, on: bool) {
        self.inline_alloc = on;
        self.jit_limit = if on { self.limit } else { 0 };
    }

    pub fn used_bytes(&self) -> usize {
        self.top * 8
    }

    pub fn capacity_bytes(&self) -> usize {
        self.limit * 8
    }

    pub fn contains(&self, p: *const u64) -> bool {
        let base = self.space.as_ptr() as usize;
        let a = p as usize;
        a >= base && a < base + self.top * 8
    }

    /// Bump-allocates a cell, or `None` if the current space is full (the
    /// caller collects and retries). The cell's raw words are zeroed and its
    /// values set to `UNDEFINED`, so a GC right after sees valid values.
    #[inline]
    pub fn try_alloc(&mut self, kind: Kind, raw: usize, nvals: usize, flags: u16) -> Option<Cell> {
        if raw > MAX_CELL_FIELD || nvals > MAX_CELL_FIELD {
            return None;
        }
        let size = (1 + raw + nvals).max(2);
        if self.top + size > self.limit {
            return None;
        }
        let p = unsafe { self.space.as_mut_ptr().add(self.top) };
        self.top += size;
        self.allocated_words += size as u64;
        unsafe {
            *p = make_header(kind, raw, nvals, flags);
            for i in 0..raw {
                *p.add(1 + i) = 0;
            }
            for i in 0..nvals {
                *p.add(1 + raw + i) = Value::UNDEFINED.0;
            }
            if size == 2 && raw + nvals == 0 {
                *p.add(1) = 0;
            }
        }
        Some(Cell(p))
    }

    /// Copies every live cell into a fresh space. `roots` must call its
    /// argument on every root slot; the slots are updated in place.
    /// `need_words` is the allocation that triggered the collection: the new
    /// space is sized so that it fits, or `OutOfMemory` if that would pass
    /// the heap limit (the heap stays consistent either way).
    pub fn collect(
        &mut self,
        need_words: usize,
        roots: &mut RootWalker,
    ) -> Result<(), OutOfMemory> {
        self.collections += 1;
        if self.verify_after_gc {
            // A stale pointer written since the last collection shows up
            // here, close to the code that wrote it.
            if let Err(e) = self.verify() {
                panic!("heap verification failed before GC: {e}");
            }
            let (base, end) = (
                self.space.as_ptr() as usize,
                self.space.as_ptr() as usize + self.top * 8,
            );
            roots(&mut |v: &mut Value| {
                if v.is_cell() && (v.0 as usize) < base || v.is_cell() && (v.0 as usize) >= end {
                    panic!(
                        "heap verification failed before GC: root {:#x} is not in the heap",
                        v.0
                    );
                }
            });
        }
        // Live data is at most what is in use now, and the new logical limit
        // is at most twice (live + need): size the to-space for that up front,
        // because copying hands out pointers into it and it must never move.
        let phys = (2 * (self.top + need_words) + 16)
            .max(self.limit)
            .min(self.max_words.max(self.top + 2));
        let mut to = std::mem::take(&mut self.spare);
        if to.len() < phys || self.verify_after_gc {
            pool_space(to);
            to = if self.verify_after_gc {
                // Never a space a stale pointer may still point into.
                vec![0; phys]
            } else {
                space_of(phys)
            };
        }
        let to_base = to.as_mut_ptr();
        let mut to_top = 0usize;
        let from_base = self.space.as_ptr() as usize;
        let from_end = from_base + self.top * 8;

        let forward = |v: &mut Value, to_top: &mut usize| {
            if !v.is_cell() {
                return;
            }
            let a = v.0 as usize;
            if a < from_base || a >= from_end {
                // Not in this heap (e.g. a static cell); leave it.
                return;
            }
            let c = Cell(a as *mut u64);
            unsafe {
                if (*c.0 as u8) == Kind::Forwarded as u8 {
                    *v = Value(*c.0.add(1));
                    return;
                }
                let size = c.size_words();
                let dst = to_base.add(*to_top);
                std::ptr::copy_nonoverlapping(c.0, dst, size);
                *to_top += size;
                *c.0 = Kind::Forwarded as u64;
                *c.0.add(1) = dst as u64;
                *v = Value(dst as u64);
            }
        };

        roots(&mut |v: &mut Value| forward(v, &mut to_top));
        // Cheney scan: cells between `scan` and `to_top` are copied but their
        // values not yet forwarded.
        let mut scan = 0usize;
        while scan < to_top {
            let c = Cell(unsafe { to_base.add(scan) });
            let n = c.nvals();
            let vp = c.vals_ptr();
            for i in 0..n {
                forward(unsafe { &mut *vp.add(i) }, &mut to_top);
            }
            scan += c.size_words();
        }

        let live = to_top;
        let mut limit = self.limit;
        while live + need_words > limit / 2 && limit < phys {
            limit = (limit * 2).min(phys);
        }
        let mut old = std::mem::replace(&mut self.space, to);
        self.base = self.space.as_mut_ptr();
        self.top = to_top;
        self.limit = limit.max(to_top);
        self.set_inline_alloc(self.inline_alloc);
        if self.verify_after_gc {
            old.iter_mut().for_each(|w| *w = POISON);
        }
        self.spare = old;
        if self.verify_after_gc {
            if let Err(e) = self.verify() {
                panic!("heap verification failed after GC: {e}");
            }
        }
        if live + need_words > self.limit {
            return Err(OutOfMemory);
        }
        Ok(())
    }

    /// The cells in use and the address they are at: an image that
    /// `load_image` copies into another heap (`runtime::image`).
    pub fn image(&self) -> (Vec<u64>, usize) {
        (
            self.space[..self.top].to_vec(),
            self.space.as_ptr() as usize,
        )
    }

    /// Where `words` (an `image` taken at address `from`) hold values that
    /// point into the image itself: the word offsets `load_image` moves.
    pub fn image_pointers(words: &[u64], from: usize) -> Vec<u32> {
        let end = from + words.len() * 8;
        let mut out = Vec::new();
        let mut off = 0;
        while off < words.len() {
            // The cell walk reads the image's own words (never written).
            let c = Cell(words.as_ptr().wrapping_add(off) as *mut u64);
            let first = off + 1 + c.raw_words();
            for (i, &w) in words.iter().enumerate().skip(first).take(c.nvals()) {
                let v = Value(w);
                // Pointers outside the image (static cells) stay as they are.
                if v.is_cell() && (v.0 as usize) >= from && (v.0 as usize) < end {
                    out.push(i as u32);
                }
            }
            off += c.size_words();
        }
        out
    }

    /// Replaces this (empty) heap's contents with `words`, an `image` taken
    /// at address `from` whose pointers into itself are at `pointers`
    /// ([`Heap::image_pointers`]), moving each to the same cell here.
    /// Returns how to move a root the same way.
    pub fn load_image(
        &mut self,
        words: &[u64],
        from: usize,
        pointers: &[u32],
    ) -> impl Fn(&mut Value) + use<> {
        assert!(
            self.top == 0 && words.len() <= self.limit,
            "load_image into a used heap"
        );
        self.space[..words.len()].copy_from_slice(words);
        self.top = words.len();
        self.allocated_words += words.len() as u64;
        let (end, to) = (from + words.len() * 8, self.space.as_ptr() as usize);
        let delta = to.wrapping_sub(from) as u64;
        let space = &mut self.space[..words.len()];
        for &i in pointers {
            space[i as usize] = space[i as usize].wrapping_add(delta);
        }
        move |v: &mut Value| {
            let a = v.0 as usize;
            if v.is_cell() && a >= from && a < end {
                *v = Value((a - from + to) as u64);
            }
        }
    }

    /// Walks every cell of the space; checks headers and that every traced
    /// value is a non-cell or points at a valid cell header in this space.
    pub fn verify(&self) -> Result<(), String> {
        // One bit per word: set where a cell starts (a HashSet of addresses
        // made --verify-heap dominate --gc-stress runs).
        let mut starts = vec![0u64; self.top.div_ceil(64)];
        let base = self.space.as_ptr() as usize;
        let mut off = 0;
        while off < self.top {
            let c = Cell(self.space.as_ptr().wrapping_add(off) as *mut u64);
            if Kind::from_u8(c.header() as u8).is_none() || c.kind() == Kind::Forwarded {
                return Err(format!("bad header {:#x} at word {off}", c.header()));
            }
            starts[off / 64] |= 1 << (off % 64);
            off += c.size_words();
        }
        if off != self.top {
            return Err("cells overrun the allocation top".into());
        }
        let is_start = |a: usize| {
            let w = a.wrapping_sub(base) / 8;
            a >= base
                && a.is_multiple_of(8)
                && w < self.top
                && starts[w / 64] & (1 << (w % 64)) != 0
        };
        let mut off = 0;
        while off < self.top {
            let c = Cell(self.space.as_ptr().wrapping_add(off) as *mut u64);
            for i in 0..c.nvals() {
                let v = c.get(i);
                if v.is_cell() && !is_start(v.0 as usize) {
                    return Err(format!(
                        "cell at word {off} ({:?}) value {i} = {:#x} is not a live cell",
                        c.kind(),
                        v.0
                    ));
                }
            }
            let key_word = (c.kind() == Kind::String && c.flags() & ATOM_STRING != 0) as usize;
            if c.kind() == Kind::String
                && (c.raw(0) as usize).div_ceil(4) + 1 + key_word != c.raw_words()
            {
                return Err(format!("string at word {off} has inconsistent length"));
            }
            off += c.size_words();
        }
        Ok(())
    }

    /// Checks that a root points into the live heap (used by the VM's root
    /// walk under `--verify-heap`).
    pub fn check_root(&self, v: Value) -> Result<(), String> {
        if v.is_cell() && !self.contains(v.0 as *const u64) {
            return Err(format!("root {:#x} does not point into the heap", v.0));
        }
        Ok(())
    }
}
