//! The hash of the catalogue's perfect-hash index. The generator (`xtask`) includes this
//! same file, so the table and the lookup can never disagree on it.

/// Hashes a name of at most a few dozen bytes, eight bytes at a time.
#[must_use]
pub fn name_hash(name: &[u8], seed: u64) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (name.len() as u64).wrapping_mul(K);
    for chunk in name.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
        h ^= h >> 29;
    }
    h ^ (h >> 32)
}

/// The slot of a hash, given its bucket's pilot, in a table of `slots` slots.
#[must_use]
pub fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    let mixed = (hash ^ u64::from(pilot).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
        .wrapping_mul(0x1656_67B1_9E37_79F9);
    ((u128::from(mixed >> 32) * slots as u128) >> 32) as usize
}

/// The bucket of a hash, in a table of `buckets` buckets.
#[must_use]
pub fn bucket(hash: u64, buckets: usize) -> usize {
    ((u128::from(hash & 0xFFFF_FFFF) * buckets as u128) >> 32) as usize
}
