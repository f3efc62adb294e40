//! Inline code spans, found where comrak's inline parser finds them, for the
//! outline's fast scan.
//!
//! Links only need to know where code and HTML are. Code spans are found by
//! CommonMark's rule (a backtick run closes at the next run of the same
//! length; a backslash escapes a backtick outside code), and anything that
//! could hide backticks from that rule makes the scan give up: a `<` that may
//! open HTML or an autolink, and a backtick after a `](` (a link destination
//! or title reads its bytes raw).

use crate::span::Span;

/// The longest backtick run the scan matches; longer runs make it give up.
const MAX_RUN: usize = 64;

/// The code spans of `content` (one paragraph, heading or table cell, lines
/// joined by `\n`) as byte ranges of `content`; `None` when unsure.
pub(super) fn code_spans(content: &[u8]) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    if !content.iter().any(|&b| b == b'`' || b == b'<') {
        return Some(out);
    }
    if let Some(link) = content.windows(2).position(|w| w == b"](") {
        if content.get(link..)?.contains(&b'`') {
            return None;
        }
    }
    // Run lengths known to have no closer from the current position on.
    let mut unclosed = [false; MAX_RUN + 1];
    let at = |i: usize| content.get(i).copied();
    let mut i = 0;
    while let Some(b) = at(i) {
        match b {
            b'\\' => {
                i += if at(i + 1).is_some_and(|n| n.is_ascii_punctuation()) {
                    2
                } else {
                    1
                }
            }
            b'<' => {
                if at(i + 1).is_some_and(|n| !n.is_ascii_whitespace()) {
                    return None;
                }
                i += 1;
            }
            b'`' => {
                let run = run_at(content, i);
                if run > MAX_RUN {
                    return None;
                }
                let closer = if *unclosed.get(run)? {
                    None
                } else {
                    closer(content, i + run, run)
                };
                match closer {
                    Some(end) => {
                        if content.get(i..end)?.contains(&b'\n') {
                            return None;
                        }
                        out.push((i, end));
                        i = end;
                    }
                    None => {
                        *unclosed.get_mut(run)? = true;
                        i += run;
                    }
                }
            }
            _ => i += 1,
        }
    }
    Some(out)
}

/// The length of the backtick run at `i`.
fn run_at(content: &[u8], i: usize) -> usize {
    content
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b'`')
        .count()
}

/// One past the first run of exactly `run` backticks at or after `from`.
fn closer(content: &[u8], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < content.len() {
        let next = j + content.get(j..)?.iter().position(|&b| b == b'`')?;
        let len = run_at(content, next);
        if len == run {
            return Some(next + len);
        }
        j = next + len;
    }
    None
}

/// Code spans of one table cell, whose bytes (escapes of `|` dropped, as comrak
/// drops them) are `content` and start at `base` in `text`. comrak places
/// inline nodes by their offset in the unescaped cell, so after a `\|` they
/// sit one byte early per dropped backslash; this places them the same way.
pub(super) fn cell_code_spans(
    text: &str,
    base: usize,
    raw: &str,
    out: &mut Vec<Span>,
) -> Option<()> {
    let mut content = Vec::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'\\' && bytes.get(i + 1) == Some(&b'|') {
            content.push(b'|');
            i += 2;
        } else if b == b'\\' {
            content.push(b);
            content.extend(bytes.get(i + 1).copied());
            i += 2;
        } else {
            content.push(b);
            i += 1;
        }
    }
    let trimmed_end = content.len()
        - content
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    for (start, end) in code_spans(content.get(..trimmed_end)?)? {
        out.push(snapped(text, base + start, base + end));
    }
    Some(())
}

/// `start..end` moved onto character boundaries as comrak's positions are (see
/// `sourcepos::Positions::span`).
pub(super) fn snapped(text: &str, start: usize, end: usize) -> Span {
    let mut end = end.min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    let mut start = start.min(end);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_pair_runs_of_equal_length_and_skip_escapes() {
        assert_eq!(code_spans(b"a `b` c"), Some(vec![(2, 5)]));
        assert_eq!(code_spans(b"``a`b`` `c"), Some(vec![(0, 7)]));
        assert_eq!(code_spans(b"\\`a` b`"), Some(vec![(3, 7)]));
        assert_eq!(
            code_spans(b"`a\nb`"),
            None,
            "a span across lines is left to comrak"
        );
        assert_eq!(code_spans(b"x <b>`y`</b>"), None);
        assert_eq!(code_spans(b"`p99 < 200ms`"), Some(vec![(0, 13)]));
        assert_eq!(code_spans(b"[a](`b`)"), None);
    }
}
