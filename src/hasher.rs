//! A small, fast hasher for the in-place operators' hash tables (join build sides, groups,
//! `DISTINCT` sets). std's SipHash resists crafted keys, which only matters for tables fed by
//! an adversary over a network; here every key comes from the user's own data in their own
//! tab, and hashing was a fifth of a grouped scan. The mixing step is rustc's FxHash.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash(value: impl Hash) -> u64 {
        let mut hasher = FxHasher::default();
        value.hash(&mut hasher);
        hasher.finish()
    }

    #[test]
    fn tells_apart_what_differs() {
        assert_ne!(hash(1_i64), hash(2_i64));
        assert_ne!(hash("chat"), hash("gift"));
        // A tail shorter than a word still counts, and where a string ends counts too.
        assert_ne!(hash("abcdefgh1"), hash("abcdefgh2"));
        assert_ne!(hash(("ab", "c")), hash(("a", "bc")));
        assert_eq!(hash("same"), hash(String::from("same")));
    }

    #[test]
    fn spreads_small_integers_over_the_high_bits() {
        // hashbrown picks buckets from the low bits and tags from the top seven.
        let tags: FastSet<u64> = (0..1000_i64).map(|n| hash(n) >> 57).collect();
        assert!(tags.len() > 100, "only {} distinct tags", tags.len());
    }
}
