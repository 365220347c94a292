//! A global allocator for the `jolt` binary: per-thread free lists of small
//! blocks in front of the system allocator.
//!
//! Why: the harness makes about 16,000 short-lived Rust allocations per
//! input (compiler passes' vectors, assembler buffers, frame states,
//! prototypes per plan), and glibc's malloc/free spent about 290
//! instructions per pair on them: a fifth of `jolt fuzz`. Here a small
//! allocation is a pop from a thread-local list and a free is a push.
//!
//! Invariants:
//! - A layout is *small* when its size is 1..=[`MAX_SMALL`] and its
//!   alignment at most 16; its *class* is its size rounded up to 16 bytes.
//!   Whether a layout is small and its class depend only on the layout, so
//!   `dealloc` (which gets the allocation's layout) routes every block back
//!   the way it came. Everything else goes to `System` unchanged.
//! - A small block is `class` bytes, 16-aligned, carved from chunks taken
//!   from `System` and never returned to it; a freed block goes on the
//!   freeing thread's list of its class (a block freed on another thread
//!   than the one that made it is simply reused there).
//! - The thread-local state has a const initializer and no destructor, so
//!   reaching it never allocates and never fails; should it be gone anyway,
//!   an allocation takes a class-sized block from `System` and a free leaks.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;

/// The largest size served from the free lists.
pub const MAX_SMALL: usize = 1024;
const CLASSES: usize = MAX_SMALL / 16;
/// Bytes taken from `System` at a time for carving small blocks.
const CHUNK: usize = 256 * 1024;

/// The allocator (`#[global_allocator]` in `main.rs`).
pub struct SmallAlloc;

struct Local {
    /// Per class, the first free block; a free block's first word points to
    /// the next.
    free: [*mut u8; CLASSES],
    /// The unused rest of the current chunk.
    bump: *mut u8,
    end: *mut u8,
}

thread_local! {
    static LOCAL: UnsafeCell<Local> = const {
        UnsafeCell::new(Local {
            free: [ptr::null_mut(); CLASSES],
            bump: ptr::null_mut(),
            end: ptr::null_mut(),
        })
    };
}

/// The class index of a small layout, or None.
#[inline]
fn class_of(l: Layout) -> Option<usize> {
    let s = l.size();
    if s == 0 || s > MAX_SMALL || l.align() > 16 {
        return None;
    }
    Some((s - 1) / 16)
}

#[inline]
fn class_layout(c: usize) -> Layout {
    // 16 * (c + 1) <= MAX_SMALL, 16 a power of two.
    unsafe { Layout::from_size_align_unchecked(16 * (c + 1), 16) }
}

impl Local {
    #[inline]
    unsafe fn alloc(&mut self, c: usize) -> *mut u8 {
        let head = self.free[c];
        if !head.is_null() {
            self.free[c] = *(head as *mut *mut u8);
            return head;
        }
        let size = 16 * (c + 1);
        if (self.end as usize) - (self.bump as usize) < size {
            let chunk = System.alloc(Layout::from_size_align_unchecked(CHUNK, 16));
            if chunk.is_null() {
                return chunk;
            }
            // The old chunk's rest is dropped (at most MAX_SMALL bytes).
            self.bump = chunk;
            self.end = chunk.add(CHUNK);
        }
        let p = self.bump;
        self.bump = p.add(size);
        p
    }

    #[inline]
    unsafe fn free(&mut self, p: *mut u8, c: usize) {
        *(p as *mut *mut u8) = self.free[c];
        self.free[c] = p;
    }
}

unsafe impl GlobalAlloc for SmallAlloc {
    #[inline]
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        match class_of(l) {
            Some(c) => LOCAL
                .try_with(|s| (*s.get()).alloc(c))
                .unwrap_or_else(|_| System.alloc(class_layout(c))),
            None => System.alloc(l),
        }
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        match class_of(l) {
            // (Without the thread's lists, the block leaks.)
            Some(c) => {
                let _ = LOCAL.try_with(|s| (*s.get()).free(p, c));
            }
            None => System.dealloc(p, l),
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        match class_of(l) {
            Some(_) => {
                let p = self.alloc(l);
                if !p.is_null() {
                    ptr::write_bytes(p, 0, l.size());
                }
                p
            }
            None => System.alloc_zeroed(l),
        }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, l.align());
        match (class_of(l), class_of(new)) {
            (Some(a), Some(b)) if a == b => p,
            (None, None) => System.realloc(p, l, new_size),
            _ => {
                let q = self.alloc(new);
                if !q.is_null() {
                    ptr::copy_nonoverlapping(p, q, l.size().min(new_size));
                    self.dealloc(p, l);
                }
                q
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_per_class_and_never_overlap() {
        let a = SmallAlloc;
        unsafe {
            let l24 = Layout::from_size_align(24, 8).unwrap();
            let l32 = Layout::from_size_align(32, 16).unwrap();
            let p = a.alloc(l24);
            let q = a.alloc(l32);
            // 24 and 32 bytes share the 32-byte class: distinct live blocks.
            assert!(p as usize + 32 <= q as usize || q as usize + 32 <= p as usize);
            ptr::write_bytes(p, 0xaa, 24);
            ptr::write_bytes(q, 0xbb, 32);
            assert_eq!(*p.add(23), 0xaa);
            a.dealloc(p, l24);
            // The freed block is the class's next one.
            assert_eq!(a.alloc(l32), p);
            a.dealloc(p, l32);
            a.dealloc(q, l32);
        }
    }

    #[test]
    fn realloc_keeps_the_contents_across_classes_and_to_the_system() {
        let a = SmallAlloc;
        unsafe {
            let l = Layout::from_size_align(10, 1).unwrap();
            let p = a.alloc(l);
            for i in 0..10 {
                *p.add(i) = i as u8;
            }
            // Same class: the same block.
            assert_eq!(a.realloc(p, l, 16), p);
            let l = Layout::from_size_align(16, 1).unwrap();
            let q = a.realloc(p, l, 600);
            let r = a.realloc(q, Layout::from_size_align(600, 1).unwrap(), 5000);
            for i in 0..10 {
                assert_eq!(*r.add(i), i as u8);
            }
            let s = a.realloc(r, Layout::from_size_align(5000, 1).unwrap(), 3);
            assert_eq!(*s.add(2), 2);
            a.dealloc(s, Layout::from_size_align(3, 1).unwrap());
        }
    }

    #[test]
    fn zeroed_and_overaligned_layouts() {
        let a = SmallAlloc;
        unsafe {
            let l = Layout::from_size_align(48, 8).unwrap();
            let p = a.alloc(l);
            ptr::write_bytes(p, 0xff, 48);
            a.dealloc(p, l);
            let z = a.alloc_zeroed(l);
            assert!((0..48).all(|i| *z.add(i) == 0));
            a.dealloc(z, l);
            let big = Layout::from_size_align(64, 64).unwrap();
            let b = a.alloc(big);
            assert_eq!(b as usize % 64, 0);
            a.dealloc(b, big);
            // Many blocks: more than one chunk's worth of 1 KiB blocks.
            let kb = Layout::from_size_align(1024, 16).unwrap();
            let v: Vec<*mut u8> = (0..600).map(|_| a.alloc(kb)).collect();
            for (i, &p) in v.iter().enumerate() {
                assert_eq!(p as usize % 16, 0);
                *(p as *mut usize) = i;
            }
            for (i, &p) in v.iter().enumerate() {
                assert_eq!(*(p as *mut usize), i);
                a.dealloc(p, kb);
            }
        }
    }
}
