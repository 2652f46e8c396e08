//! A hasher for ids, several times faster than the DoS-resistant default,
//! which ids do not need. Ids made in one burst differ mostly in a counter
//! (UUID v7 keeps them ordered), so the words are folded with a multiply and
//! then avalanched (splitmix64's finaliser): every input bit reaches the low
//! bits that pick a bucket. Without that step, sequential ids all collided.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub(super) struct IdHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

pub(super) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, BuildHasherDefault};

    use super::IdHasher;
    use crate::ids::ElementId;

    /// Regression: ids made one after another (a counter, not randomness,
    /// in their low bytes) must still land in different buckets.
    #[test]
    fn sequential_ids_spread_over_the_low_bits() {
        let build = BuildHasherDefault::<IdHasher>::default();
        let buckets = 1 << 12;
        let mut used = std::collections::HashSet::new();
        for _ in 0..buckets {
            used.insert(build.hash_one(ElementId::new()) & (buckets - 1));
        }
        // A good hash fills about 63% of the buckets with as many keys.
        assert!(used.len() > buckets as usize / 2, "only {} of {buckets} buckets used", used.len());
    }
}
