//! Stable sorting with one small routine shared by every element type.
//!
//! The standard library's `sort_by_key` and `sort_unstable` instantiate
//! driftsort or ipnsort, several kilobytes of code, for every element type
//! and key they are used with. The core's two dozen sorts made about 130 KB
//! of the WebAssembly module that way (rustc's sizes, `npm run size`), and
//! the module's size is what the plugin's first use waits on: inflating and
//! compiling it. The lists sorted here are short (a note's edits, links,
//! findings, review periods), so one merge sort over positions, compiled
//! once, does the work; each call site adds only its key and a permutation.
//!
//! Every sort here is stable, also where the call site used `sort_unstable`
//! before: equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `key`, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    let order = {
        let items = &*items;
        positions(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(a), Some(b)) => key(a).cmp(&key(b)),
                _ => Ordering::Equal,
            },
        )
    };
    if let Some(order) = order {
        permute(items, order);
    }
}

/// Sorts `items` by their own order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    let order = {
        let items = &*items;
        positions(items.len(), &mut |a, b| items.get(a).cmp(&items.get(b)))
    };
    if let Some(order) = order {
        permute(items, order);
    }
}

/// The positions `0..len` in sorted order: `order[i]` is the position of the
/// element that belongs at `i`; `None` when the input is already in order
/// (most of the core's lists are, and most have one element), so that
/// nothing is allocated then. A bottom-up merge sort, stable.
fn positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Option<Vec<usize>> {
    if (1..len).all(|i| compare(i - 1, i) != Ordering::Greater) {
        return None;
    }
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        merged.clear();
        for run in order.chunks(width.saturating_mul(2)) {
            let (left, right) = run.split_at(width.min(run.len()));
            let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
            loop {
                // Ties go to the left run: that keeps the sort stable.
                let take_right = match (l.peek(), r.peek()) {
                    (Some(&&a), Some(&&b)) => compare(a, b) == Ordering::Greater,
                    (None, Some(_)) => true,
                    (_, None) => false,
                };
                match if take_right { r.next() } else { l.next() } {
                    Some(&p) => merged.push(p),
                    None => break,
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width = width.saturating_mul(2);
    }
    Some(order)
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`,
/// following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let from = std::mem::replace(slot, at);
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so that the test needs no crate.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_standard_stable_sort_on_every_length_and_many_orders() {
        for len in 0..70 {
            for seed in 0..12 {
                // Few distinct keys, so that stability is tested; the position
                // rides along as the payload.
                let keys = numbers(seed, len, 1 + seed % 5);
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut theirs = ours.clone();
                sort_by_key(&mut ours, |&(k, _)| k);
                theirs.sort_by_key(|&(k, _)| k);
                assert_eq!(ours, theirs, "len {len}, seed {seed}");
            }
        }
    }

    #[test]
    fn sorts_by_the_whole_value_and_leaves_sorted_input_alone() {
        let mut words = vec!["pear", "apple", "fig", "apple", "banana"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "banana", "fig", "pear"]);
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "banana", "fig", "pear"]);

        let mut reversed: Vec<u32> = (0..1000).rev().collect();
        sort(&mut reversed);
        assert!(reversed.iter().copied().eq(0..1000));
    }

    #[test]
    fn a_key_that_reverses_sorts_descending_and_stays_stable() {
        let mut items = vec![(1, 'a'), (3, 'b'), (1, 'c'), (2, 'd'), (3, 'e')];
        sort_by_key(&mut items, |&(n, _)| std::cmp::Reverse(n));
        assert_eq!(items, [(3, 'b'), (3, 'e'), (2, 'd'), (1, 'a'), (1, 'c')]);
    }
}
