//! A fast non-cryptographic hasher (the multiply-rotate hash rustc uses,
//! "FxHash") for the engine's small integer keys: property keys in shapes
//! and transition tables. SipHash was 25% of a property-heavy benchmark's
//! time in megamorphic lookups. Keys come from the program being run, so
//! collision flooding only slows that program down.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = std::collections::HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_small_keys_hash_apart_and_maps_work() {
        let mut m: FxHashMap<(u32, u8), u32> = FxHashMap::default();
        for i in 0..10_000u32 {
            m.insert((i, (i % 3) as u8), i);
        }
        for i in 0..10_000u32 {
            assert_eq!(m.get(&(i, (i % 3) as u8)), Some(&i));
            assert_eq!(m.get(&(i, 3)), None);
        }
        let h = |x: u32| {
            let mut s = FxHasher::default();
            s.write_u32(x);
            s.finish()
        };
        assert_ne!(h(1), h(2));
    }
}
