//! A 64-bit hash that stays the same across runs, platforms and Rust versions (FNV-1a),
//! which `std`'s `DefaultHasher` does not promise: keys written to disk (a page's
//! content key, an archive's index directory) must be found again by the next run.

/// 64-bit FNV-1a of `bytes`.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::stable_hash;

    #[test]
    fn it_is_fnv1a_and_tells_inputs_apart() {
        // FNV-1a's published test vectors.
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(
            stable_hash(b"/home/a/papers"),
            stable_hash(b"/home/a/paper")
        );
    }
}
