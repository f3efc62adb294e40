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

/// comrak's `MAXBACKTICKS`: a longer run never opens or closes a code span.
const MAX_RUN: usize = 80;

/// The code spans of `content` (one paragraph, heading or table cell, lines
/// joined by `\n`) as byte ranges of `content`; `None` when unsure.
///
/// The closer search is comrak's, quirk included: once a search has run to
/// the end without a closer, comrak remembers only the last run of each
/// length it passed, so a later opener whose remembered run lies behind it
/// stays literal even when a closer follows (in ``a ``` b `c` `d` ``, only
/// `` `c` `` is code).
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
    let mut closers = Closers {
        content,
        scanned: false,
        last: [0; MAX_RUN + 1],
    };
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
                match closers.find(i + run, run) {
                    Some(end) => {
                        if content.get(i..end)?.contains(&b'\n') {
                            return None;
                        }
                        out.push((i, end));
                        i = end;
                    }
                    None => i += run,
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

/// comrak's `scan_to_closing_backtick` and the state it keeps per inline subject.
struct Closers<'c> {
    content: &'c [u8],
    /// Whether a search has reached the end.
    scanned: bool,
    /// Where the last run of each length seen by a search starts.
    last: [usize; MAX_RUN + 1],
}

impl Closers<'_> {
    /// One past the closing run for an opening run of `run` backticks ending at `from`.
    fn find(&mut self, from: usize, run: usize) -> Option<usize> {
        if run > MAX_RUN || (self.scanned && *self.last.get(run)? <= from) {
            return None;
        }
        let mut pos = from;
        loop {
            let Some(next) = self
                .content
                .get(pos..)
                .and_then(|rest| rest.iter().position(|&b| b == b'`'))
            else {
                self.scanned = true;
                return None;
            };
            pos += next;
            let len = run_at(self.content, pos);
            pos += len;
            if let Some(last) = self.last.get_mut(len) {
                *last = pos - len;
            }
            if len == run {
                return Some(pos);
            }
        }
    }
}

/// Pushes onto `out` the code spans of one table cell, `raw` as the row holds
/// it, starting at `base` in `text`. comrak drops the backslash of each `\|`
/// and places inline nodes by their offset in the cell so unescaped: after a
/// `\|` they sit one byte early per dropped backslash. This places them the
/// same way.
pub(super) fn cell_code_spans(
    text: &str,
    base: usize,
    raw: &str,
    out: &mut Vec<Span>,
) -> Option<()> {
    let bytes = raw.as_bytes();
    if !bytes.iter().any(|&b| b == b'`' || b == b'<') {
        return Some(());
    }
    let mut content = Vec::with_capacity(raw.len());
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
        assert_eq!(
            code_spans(b"a ``` b\n`c` and `d`"),
            Some(vec![(8, 11)]),
            "after a search to the end, comrak finds only the next span"
        );
    }
}
