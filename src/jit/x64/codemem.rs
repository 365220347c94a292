//! Executable code memory with W^X.
//!
//! Invariants:
//! - Every function gets its own anonymous mapping: mapped read-write,
//!   filled and relocated, then flipped to read-execute with `mprotect`
//!   (memmap2's `make_exec`). No page is ever writable and executable at
//!   once, and no page is ever shared by two live functions, so installing
//!   new code never touches the protection of running code.
//! - A dropped `ExecCode`'s mapping goes to a small per-thread pool and is
//!   reused (flipped back to read-write, refilled with int3) by the next
//!   install of the same page-rounded size: the harness makes a VM per plan
//!   per input, and mmap + page faults + munmap per compiled function were
//!   a tenth of `jolt fuzz`'s wall time. Code is dropped only with
//!   everything that can reach it (a VM keeps all its code until it ends).
//! - `CodeSpace` accounts page-rounded sizes against its capacity; running
//!   out returns `CodeSpaceError::Exhausted` (callers stay in the lower tier),
//!   never panics. Dropping an `ExecCode` returns its bytes to
//!   the space's budget (shared counter, so the space may be dropped first).
//! - Bytes after the code up to the page end, at least `TAIL_PAD` of them,
//!   are int3 so a stray fall-through traps.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use memmap2::{Mmap, MmapMut};

use super::encode::Code;
use super::label::{Annotation, AsmError, Label};

/// Why code could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeSpaceError {
    /// The space's capacity would be exceeded.
    Exhausted { requested: usize, available: usize },
    /// mmap/mprotect failed.
    Os(String),
}

impl fmt::Display for CodeSpaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeSpaceError::Exhausted {
                requested,
                available,
            } => write!(
                f,
                "code space exhausted: {requested} bytes requested, {available} available"
            ),
            CodeSpaceError::Os(e) => write!(f, "code memory: {e}"),
        }
    }
}

impl std::error::Error for CodeSpaceError {}

/// Either failure of `Assembler::finalize`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinalizeError {
    Asm(AsmError),
    Space(CodeSpaceError),
}

impl From<AsmError> for FinalizeError {
    fn from(e: AsmError) -> Self {
        FinalizeError::Asm(e)
    }
}

impl From<CodeSpaceError> for FinalizeError {
    fn from(e: CodeSpaceError) -> Self {
        FinalizeError::Space(e)
    }
}

impl fmt::Display for FinalizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FinalizeError::Asm(e) => e.fmt(f),
            FinalizeError::Space(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FinalizeError {}

/// The system page size.
pub fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as usize
    } else {
        4096
    }
}

/// A budget of executable memory.
#[derive(Debug)]
pub struct CodeSpace {
    capacity: usize,
    used: Arc<AtomicUsize>,
}

impl CodeSpace {
    /// A space that will hand out at most `capacity` bytes (page-rounded per function).
    pub fn new(capacity: usize) -> CodeSpace {
        CodeSpace {
            capacity,
            used: Arc::new(AtomicUsize::new(0)),
        }
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Bytes currently held by live `ExecCode`s from this space.
    pub fn used(&self) -> usize {
        self.used.load(Ordering::Acquire)
    }

    pub fn available(&self) -> usize {
        self.capacity.saturating_sub(self.used())
    }

    /// Copies `code` into fresh pages, applies absolute relocations, and
    /// makes the pages read-execute.
    pub fn install(&mut self, code: Code) -> Result<ExecCode, CodeSpaceError> {
        let page = page_size();
        // At least `TAIL_PAD` bytes of int3 follow the code: valgrind's
        // translator decodes past a block's last instruction (a
        // conditional branch's fall-through) and died reading the next,
        // unmapped page when code ended right at a page end.
        let size = (code.bytes.len() + TAIL_PAD).div_ceil(page) * page;
        // Reserve first so the budget is never exceeded, even transiently.
        let reserved = self
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |u| {
                u.checked_add(size).filter(|&n| n <= self.capacity)
            });
        if let Err(u) = reserved {
            return Err(CodeSpaceError::Exhausted {
                requested: size,
                available: self.capacity.saturating_sub(u),
            });
        }
        let release = |e: std::io::Error| {
            self.used.fetch_sub(size, Ordering::AcqRel);
            CodeSpaceError::Os(e.to_string())
        };
        let mut map = match pooled_map(size) {
            Some(m) => m.make_mut().map_err(release)?,
            None => MmapMut::map_anon(size).map_err(release)?,
        };
        map[..code.bytes.len()].copy_from_slice(&code.bytes);
        map[code.bytes.len()..].fill(0xCC);
        let base = map.as_ptr() as u64;
        for r in &code.relocs {
            let target = code
                .label_offset(r.label)
                .expect("Code has only bound relocation targets");
            let v = base
                .wrapping_add(target as u64)
                .wrapping_add(r.addend as u64);
            map[r.at as usize..r.at as usize + 8].copy_from_slice(&v.to_le_bytes());
        }
        let map = map.make_exec().map_err(release)?;
        Ok(ExecCode {
            map: std::mem::ManuallyDrop::new(map),
            len: code.bytes.len(),
            reserved: size,
            used: self.used.clone(),
            labels: code.labels,
            annotations: code.annotations,
            data: code.data,
        })
    }
}

/// int3 bytes always after the code (the longest x86 instruction is 15).
const TAIL_PAD: usize = 16;

/// Mappings of dropped code, per page-rounded size (at most `POOL_MAPS`
/// in all, each at most `POOL_MAX_BYTES`), read-execute until reused.
const POOL_MAPS: usize = 64;
const POOL_MAX_BYTES: usize = 64 << 10;

thread_local! {
    static POOL: std::cell::RefCell<Vec<Mmap>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A pooled mapping of exactly `size` bytes, if any.
fn pooled_map(size: usize) -> Option<Mmap> {
    POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        let i = p.iter().position(|m| m.len() == size)?;
        Some(p.swap_remove(i))
    })
    .ok()
    .flatten()
}

/// Keeps `map` for a later install, or unmaps it (dropped) when the pool
/// is full or the thread is ending.
fn pool_map(map: Mmap) {
    if map.len() > POOL_MAX_BYTES {
        return;
    }
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_MAPS {
            p.push(map);
        }
    });
}

/// Installed, executable code. Its pages go back to the pool on drop.
pub struct ExecCode {
    map: std::mem::ManuallyDrop<Mmap>,
    len: usize,
    reserved: usize,
    used: Arc<AtomicUsize>,
    labels: Vec<Option<(super::encode::LabelName, u32)>>,
    annotations: Vec<(u32, Annotation)>,
    data: Vec<std::ops::Range<u32>>,
}

impl fmt::Debug for ExecCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExecCode")
            .field("addr", &self.ptr())
            .field("len", &self.len)
            .finish()
    }
}

impl ExecCode {
    /// Address of the first instruction.
    pub fn ptr(&self) -> *const u8 {
        self.map.as_ptr()
    }

    /// Code length in bytes (without page padding).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The installed bytes (relocations applied).
    pub fn bytes(&self) -> &[u8] {
        &self.map[..self.len]
    }

    /// Address of a bound label.
    pub fn label_ptr(&self, l: Label) -> Option<*const u8> {
        let (_, off) = self.labels.get(l.index())?.as_ref()?;
        Some(self.map.as_ptr().wrapping_add(*off as usize))
    }

    /// The entry point as a function pointer type `F`, e.g.
    /// `extern "C" fn(i64) -> i64`.
    ///
    /// # Safety
    /// `F` must be a function pointer type matching the code's ABI and
    /// signature, and must not be called after `self` is dropped.
    pub unsafe fn entry<F: Copy>(&self) -> F {
        self.entry_at(0)
    }

    /// Like `entry` for the code at `label`.
    ///
    /// # Safety
    /// As for `entry`.
    pub unsafe fn entry_label<F: Copy>(&self, l: Label) -> F {
        let (_, off) = self.labels[l.index()]
            .as_ref()
            .expect("entry at an unbound label");
        self.entry_at(*off as usize)
    }

    unsafe fn entry_at<F: Copy>(&self, off: usize) -> F {
        assert_eq!(
            std::mem::size_of::<F>(),
            std::mem::size_of::<usize>(),
            "entry type must be a function pointer"
        );
        assert!(off < self.len.max(1));
        let p = self.map.as_ptr().add(off);
        std::mem::transmute_copy::<*const u8, F>(&p)
    }

    /// (code offset, annotation) pairs recorded during assembly, in order.
    pub fn annotations(&self) -> &[(u32, Annotation)] {
        &self.annotations
    }

    /// Intel-syntax listing at the real addresses.
    pub fn disassemble(&self) -> String {
        super::disasm::disassemble(
            self.bytes(),
            self.ptr() as u64,
            &self.labels,
            &self.annotations,
            &self.data,
        )
    }
}

impl Drop for ExecCode {
    fn drop(&mut self) {
        self.used.fetch_sub(self.reserved, Ordering::AcqRel);
        // SAFETY: `map` is not used after this.
        pool_map(unsafe { std::mem::ManuallyDrop::take(&mut self.map) });
    }
}
