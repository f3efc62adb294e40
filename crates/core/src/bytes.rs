//! Byte-string equality that is quick in WebAssembly too.
//!
//! `a == b` on strings ends in `memcmp`, which for wasm32 is the compiler
//! builtins' loop of one byte at a time; natively it is vectorised. An
//! edit's pre-image check compares a whole section body (kilobytes) on every
//! operation, and on small notes that loop was 3% of a section-set in the
//! module. Compiled for wasm32, [`same`] compares eight bytes at a time;
//! natively the platform's `memcmp` stays.

/// Whether `a` and `b` hold the same bytes.
pub fn same(a: &str, b: &str) -> bool {
    if cfg!(target_arch = "wasm32") {
        by_words(a.as_bytes(), b.as_bytes())
    } else {
        a == b
    }
}

/// `a == b`, eight bytes at a time.
fn by_words(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut left, mut right) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut left).zip(&mut right) {
        let word = |bytes: &[u8]| bytes.try_into().map(u64::from_ne_bytes).unwrap_or(0);
        if word(x) != word(y) {
            return false;
        }
    }
    left.remainder() == right.remainder()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_loop_agrees_with_eq_at_every_length_and_every_differing_byte() {
        let base = "héllo wörld, a line of text\n".repeat(3).into_bytes();
        for len in 0..=base.len() {
            let a = &base[..len];
            assert!(by_words(a, a), "{len}");
            assert_eq!(
                by_words(a, &base[..len.saturating_sub(1)]),
                len == 0,
                "{len}"
            );
            for at in 0..len {
                let mut b = a.to_vec();
                b[at] ^= 0x01;
                assert!(!by_words(a, &b), "{len} {at}");
            }
        }
        assert!(same("note", "note") && !same("note", "nose"));
    }
}
