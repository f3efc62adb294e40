//! Matching a heading's title to the table of section kinds: titles are
//! normalised (case, markdown and punctuation dropped), then looked up by name
//! or by pattern. Every heading of a note goes through here on most calls.

use super::{SectionKind, SECTION_KINDS};

/// Normalises a heading or query for comparison: case-folded, markdown and
/// punctuation (other than `&`) dropped, whitespace collapsed.
pub fn normalize(title: &str) -> String {
    // Room for the title as it is, which its normal form rarely outgrows: one
    // allocation where collecting the characters grew the string two or three
    // times (every heading of a note is normalised on most calls).
    let mut norm = String::with_capacity(title.len());
    norm.extend(normalized_chars(title));
    norm
}

/// The characters of [`normalize`]`(title)`, produced lazily, so a comparison
/// can stop at the first difference without building the string: kept
/// characters lowercased, every run of others one space between words.
pub fn normalized_chars(title: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = title.chars();
    let mut gap = false;
    let mut started = false;
    let mut pending = None;
    std::iter::from_fn(move || {
        if let Some(c) = pending.take() {
            return Some(c);
        }
        for c in chars.by_ref() {
            // ASCII, the common case, without the Unicode tables.
            let kept = if c.is_ascii() {
                c.is_ascii_alphanumeric() || c == '&'
            } else {
                c.is_alphanumeric()
            };
            if kept {
                let lower = if c.is_ascii() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_lowercase().next().unwrap_or(c)
                };
                if gap && started {
                    gap = false;
                    pending = Some(lower);
                    return Some(' ');
                }
                gap = false;
                started = true;
                return Some(lower);
            }
            gap = true;
        }
        None
    })
}

/// The canonical section a title names, if any.
pub fn kind_of(title: &str) -> Option<&'static SectionKind> {
    kind_of_normalized(&normalize(title))
}

/// [`kind_of`] a title already [`normalize`]d: the first kind, in
/// [`SECTION_KINDS`]' order, that has the title among its names or whose
/// pattern matches it.
fn kind_of_normalized(norm: &str) -> Option<&'static SectionKind> {
    let index = NameIndex::get();
    let named = index.named(norm);
    // Only a pattern of a kind listed before the named one can come first.
    let patterned = index
        .patterned
        .iter()
        .copied()
        .take_while(|&k| named.is_none_or(|named| k < named))
        .find(|&k| {
            SECTION_KINDS
                .get(k)
                .and_then(|kind| kind.matches)
                .is_some_and(|test| test(norm))
        });
    patterned.or(named).and_then(|k| SECTION_KINDS.get(k))
}

/// Every kind's names (its canonical one normalised), hashed once and sorted
/// by hash: a title is looked up by binary search instead of being compared
/// with about a hundred names, every heading of a note on most calls.
struct NameIndex {
    /// (hash, kind's index in [`SECTION_KINDS`], name), by hash then index.
    names: Vec<(u64, usize, String)>,
    /// The indexes of the kinds with a pattern, in order.
    patterned: Vec<usize>,
}

impl NameIndex {
    fn get() -> &'static NameIndex {
        static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            let mut names: Vec<(u64, usize, String)> = SECTION_KINDS
                .iter()
                .enumerate()
                .flat_map(|(k, kind)| {
                    std::iter::once(normalize(kind.canonical))
                        .chain(kind.names.iter().map(|n| (*n).to_owned()))
                        .map(move |n| (crate::hash::fnv1a(&n), k, n))
                })
                .collect();
            crate::order::sort_by_key(&mut names, |(hash, k, _)| (*hash, *k));
            let patterned = SECTION_KINDS
                .iter()
                .enumerate()
                .filter(|(_, kind)| kind.matches.is_some())
                .map(|(k, _)| k)
                .collect();
            NameIndex { names, patterned }
        })
    }

    /// The first kind that has `norm` among its names.
    fn named(&self, norm: &str) -> Option<usize> {
        let hash = crate::hash::fnv1a(norm);
        let from = self.names.partition_point(|(h, _, _)| *h < hash);
        self.names
            .get(from..)?
            .iter()
            .take_while(|(h, _, _)| *h == hash)
            .find(|(_, _, name)| name == norm)
            .map(|(_, k, _)| *k)
    }
}

/// A title's [`normalize`]d form and its [`kind_of`], normalised once for both.
pub fn normalized_kind(title: &str) -> (String, Option<&'static SectionKind>) {
    let norm = normalize(title);
    let kind = kind_of_normalized(&norm);
    (norm, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition the index must keep: the first kind, in order, that
    /// names the title or whose pattern matches it.
    fn kind_of_by_scan(norm: &str) -> Option<&'static SectionKind> {
        SECTION_KINDS.iter().find(|kind| {
            normalize(kind.canonical) == norm
                || kind.names.contains(&norm)
                || kind.matches.is_some_and(|test| test(norm))
        })
    }

    #[test]
    fn the_index_finds_what_a_scan_of_every_kind_finds() {
        let mut titles: Vec<String> = Vec::new();
        for kind in SECTION_KINDS {
            titles.push(normalize(kind.canonical));
            titles.extend(kind.names.iter().map(|n| (*n).to_owned()));
        }
        // Names more than one kind could claim, patterns, and near misses.
        titles.extend(
            [
                "2026 theme",
                "theme for 2027",
                "annual theme",
                "success criteria",
                "success criteria dec 2026",
                "what success looks like",
                "success criterias",
                "",
                "network",
                "networks",
                "vision 2030",
                "wins",
                "risk",
            ]
            .map(String::from),
        );
        for title in &titles {
            assert_eq!(
                kind_of_normalized(title).map(|k| k.id),
                kind_of_by_scan(title).map(|k| k.id),
                "{title:?}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)))]

        #[test]
        fn any_title_gets_the_kind_a_scan_gives(title in "(?:[a-z0-9&]{1,12} ?){0,5}") {
            let norm = normalize(&title);
            proptest::prop_assert_eq!(
                kind_of_normalized(&norm).map(|k| k.id),
                kind_of_by_scan(&norm).map(|k| k.id)
            );
        }

        #[test]
        fn normalize_is_its_characters(title in "\\PC{0,40}") {
            proptest::prop_assert_eq!(normalize(&title), normalized_chars(&title).collect::<String>());
        }
    }
}
