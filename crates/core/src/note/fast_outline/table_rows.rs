//! Table lines as comrak's GFM table extension reads them (its `table_start`
//! scanner and `row` splitter), for the outline's fast scan.

/// `[ \t\v\f]`, the spaces a table line may hold around its pipes.
fn is_table_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c')
}

/// Whether `rest` (a line's content after its indentation, without its ending)
/// is a delimiter row: comrak's `table_start`,
/// `|? delimiter (| delimiter)* |? space*` with `delimiter = space* :? -+ :? space*`.
pub(super) fn is_delimiter_row(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let mut i = usize::from(at(0) == Some(b'|'));
    loop {
        while at(i).is_some_and(is_table_space) {
            i += 1;
        }
        if at(i) == Some(b':') {
            i += 1;
        }
        let dashes = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b == b'-')
            .count();
        if dashes == 0 {
            return false;
        }
        i += dashes;
        if at(i) == Some(b':') {
            i += 1;
        }
        while at(i).is_some_and(is_table_space) {
            i += 1;
        }
        match at(i) {
            None => return true,
            Some(b'|') => {
                i += 1;
                let mut j = i;
                while at(j).is_some_and(is_table_space) {
                    j += 1;
                }
                if at(j).is_none() {
                    return true;
                }
            }
            Some(_) => return false,
        }
    }
}

/// The cells of a table line (`rest`: after its indentation, without its
/// ending) as comrak's `row` splits it: each cell's matched bytes, before
/// trimming and unescaping, `start..end` in `rest` (empty for an empty cell).
/// `None` where comrak's `row` finds no row.
pub(super) fn cells(rest: &str) -> Option<Vec<(usize, usize)>> {
    let bytes = rest.as_bytes();
    let cell_end = |at: usize| -> usize {
        if bytes.get(at) != Some(&b'|') {
            return 0;
        }
        1 + bytes
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| is_table_space(b))
            .count()
    };
    let cell = |at: usize| -> usize {
        let mut i = at;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
                b'|' | b'\r' | b'\n' => break,
                _ => i += 1,
            }
        }
        i - at
    };
    let mut offset = cell_end(0);
    let mut out = Vec::new();
    while offset < bytes.len() {
        let matched = cell(offset);
        let pipe = cell_end(offset + matched);
        if matched > 0 || pipe > 0 {
            out.push((offset, offset + matched));
        }
        offset += matched + pipe;
        if pipe == 0 {
            break;
        }
    }
    (offset == bytes.len() && !out.is_empty() && out.len() < usize::from(u16::MAX)).then_some(out)
}

/// Whether comrak's `row` finds a row in `rest` (a line without its ending
/// and without a lone `\r`): [`cells`] is `Some`, without listing the cells.
pub(super) fn is_row(rest: &str) -> bool {
    let after_pipe = rest.strip_prefix('|');
    !rest.is_empty()
        && !after_pipe.is_some_and(|after| after.bytes().all(is_table_space))
        && rest.len() < usize::from(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_rows_follow_comrak_table_start() {
        for yes in ["|---|", "---|---", ":-:", "| :-- | --: |", "---", "|-|-|  "] {
            assert!(is_delimiter_row(yes), "{yes:?}");
        }
        for no in ["|", "| a |", "--- a", "|:|", "-|-|x", ""] {
            assert!(!is_delimiter_row(no), "{no:?}");
        }
    }

    #[test]
    fn cells_split_on_unescaped_pipes() {
        assert_eq!(cells("| a | b |"), Some(vec![(2, 4), (6, 8)]));
        assert_eq!(cells("a\\|b | c"), Some(vec![(0, 5), (7, 8)]));
        assert_eq!(cells("|"), None);
        assert_eq!(cells("||"), Some(vec![(1, 1)]));
    }

    proptest::proptest! {
        #[test]
        fn is_row_tells_what_cells_finds(rest in "[|a \t\\\\\x0b-]{0,12}") {
            proptest::prop_assert_eq!(is_row(&rest), cells(&rest).is_some());
        }
    }
}
