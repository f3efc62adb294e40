//! Lines, line endings and the byte-order mark.
//!
//! Notes come with `\n` or `\r\n` endings, with or without a final newline and
//! sometimes with a BOM. New text must follow the note's own conventions, so
//! this module finds them and iterates lines with their exact byte ranges.

use crate::span::Span;

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// The line ending a note uses, decided by its first line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n`
    Lf,
    /// `\r\n`
    CrLf,
}

impl LineEnding {
    /// Detects the ending of the first line break; `\n` when there is none.
    pub fn detect(text: &str) -> Self {
        match text.find('\n') {
            Some(i) if i > 0 && text.as_bytes().get(i - 1) == Some(&b'\r') => Self::CrLf,
            _ => Self::Lf,
        }
    }

    /// The ending's bytes.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lf => "\n",
            Self::CrLf => "\r\n",
        }
    }

    /// Rewrites `\n` and `\r\n` in generated text to this ending.
    pub fn apply(self, text: &str) -> String {
        // A lone \r is a line break too (as comrak reads it); new text never brings one in.
        // Most text has no \r: then there is nothing to replace (and no substring search to set up).
        let lf = if find_byte(text.as_bytes(), b'\r').is_some() {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.to_owned()
        };
        match self {
            Self::Lf => lf,
            Self::CrLf => lf.replace('\n', "\r\n"),
        }
    }
}

/// One line of a text: its content (without the ending) and its full extent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// Line content without `\n` or `\r\n`.
    pub content: &'a str,
    /// Where the content starts.
    pub start: usize,
    /// Where the line ends, after its line ending (if it has one).
    pub end: usize,
}

impl Line<'_> {
    /// The span of the content, without the line ending.
    pub fn content_span(&self) -> Span {
        Span::new(self.start, self.start + self.content.len())
    }

    /// The span of the whole line, ending included.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// Whether the line holds only spaces and tabs.
    pub fn is_blank(&self) -> bool {
        self.content.bytes().all(|b| b == b' ' || b == b'\t')
    }

    /// Whether the line ends with a line break (the last line may not).
    pub fn has_ending(&self) -> bool {
        self.end > self.start + self.content.len()
    }
}

/// Iterates the lines of `text[from..to]`, with offsets into the whole `text`.
pub fn lines_in(text: &str, span: Span) -> Lines<'_> {
    let end = span.end.min(text.len());
    Lines {
        text,
        pos: span.start.min(end),
        end,
    }
}

/// The lines of a stretch of text ([`lines_in`]).
pub struct Lines<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Lines<'a> {
    /// The next line, inlined where it is called: for the scans that run
    /// once per line of a whole note (compiled for wasm32, a call per line
    /// that returned its `Line` through memory was a tenth of a coaching
    /// prompt). Everything else iterates.
    #[inline(always)]
    pub fn next_line(&mut self) -> Option<Line<'a>> {
        let pos = self.pos;
        if pos >= self.end {
            return None;
        }
        let rest = self.text.get(pos..self.end)?;
        let (content_len, ending_len) = match find_newline(rest.as_bytes()) {
            Some(i) if i > 0 && rest.as_bytes().get(i - 1) == Some(&b'\r') => (i - 1, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let line = Line {
            content: rest.get(..content_len).unwrap_or(""),
            start: pos,
            end: pos + content_len + ending_len,
        };
        self.pos = line.end;
        Some(line)
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        self.next_line()
    }
}

/// The first `\n` in `bytes`; see [`find_byte`].
#[inline(always)]
fn find_newline(bytes: &[u8]) -> Option<usize> {
    find_byte(bytes, b'\n')
}

/// The first `needle` in `bytes`, eight bytes at a time.
///
/// Line splitting and the `\r` checks are the hottest loops of the heading
/// scan. `str::find` runs the standard library's memchr, which on wasm32
/// works in 4-byte words; this reads 8-byte words throughout (wasm has
/// 64-bit integers), which is faster there and no slower natively.
pub fn find_byte(bytes: &[u8], needle: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(needle);
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) ^ pattern;
        // The lowest byte flagged here is the first zero byte, i.e. the first `needle`.
        let zero = word.wrapping_sub(ONES) & !word & HIGHS;
        if zero != 0 {
            return Some(at + zero.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == needle)
        .map(|i| at + i)
}

/// `text.trim_matches(byte as char)` for an ASCII `byte`, by bytes: an
/// ASCII byte is never part of a longer character, so the cuts stay on
/// character boundaries.
pub fn trim_byte(text: &str, byte: u8) -> &str {
    let bytes = text.as_bytes();
    let Some(start) = bytes.iter().position(|&b| b != byte) else {
        return "";
    };
    let end = bytes
        .iter()
        .rposition(|&b| b != byte)
        .map_or(start, |e| e + 1);
    text.get(start..end).unwrap_or("")
}

/// `haystack.find(needle)`, by [`find_byte`] on the needle's first byte:
/// for the short marks the readers look for (`**`, `[[`), in short lines,
/// quicker than setting up a substring search each time.
pub fn find_str(haystack: &str, needle: &str) -> Option<usize> {
    find_bytes(haystack.as_bytes(), needle.as_bytes())
}

/// [`find_str`] on bytes, for text being rewritten in place.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(at) = haystack.get(from..).and_then(|b| find_byte(b, first)) {
        let at = from + at;
        if haystack
            .get(at..)
            .is_some_and(|rest| rest.starts_with(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `text.trim()`, by bytes while the edges are ASCII: the readers trim
/// every line and cell, nearly always of ASCII spaces or nothing, and the
/// standard trim decodes each edge character. Where an edge is not ASCII
/// (it may be Unicode white space) the standard trim decides.
pub fn trim_fast(text: &str) -> &str {
    // `char::is_whitespace` on ASCII: these six bytes, vertical tab included.
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let bytes = text.as_bytes();
    let Some(start) = bytes.iter().position(|b| !space(b)) else {
        return "";
    };
    let end = bytes
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |e| e + 1);
    // Both cuts are next to ASCII bytes, so on character boundaries.
    let kept = text.get(start..end).unwrap_or("");
    let ascii_edges = kept.as_bytes().first().is_some_and(u8::is_ascii)
        && kept.as_bytes().last().is_some_and(u8::is_ascii);
    if ascii_edges {
        kept
    } else {
        kept.trim()
    }
}

/// Iterates every line of `text`.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    lines_in(text, Span::new(0, text.len()))
}

/// Byte offsets where each line starts, for converting comrak's positions.
/// Like comrak (and CommonMark), a lone `\r` ends a line too.
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    std::iter::once(0)
        .chain(bytes.iter().enumerate().filter_map(|(i, &b)| {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            ends_line.then_some(i + 1)
        }))
        .collect()
}

/// The line containing byte `at` (found by bytes, so `at` may fall inside a
/// character). A lone `\r` bounds lines too, as comrak reads it.
pub fn line_at(text: &str, at: usize) -> Line<'_> {
    let bytes = text.as_bytes();
    let at = at.min(text.len());
    let is_break = |i: usize| match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    };
    let start = (0..at).rev().find(|&i| is_break(i)).map_or(0, |i| i + 1);
    let is_crlf = |i: usize| bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n');
    let content_end = (start..text.len())
        .find(|&i| is_break(i) || is_crlf(i))
        .unwrap_or(text.len());
    let end = if is_crlf(content_end) {
        content_end + 2
    } else if content_end < text.len() {
        content_end + 1
    } else {
        content_end
    };
    Line {
        content: text.get(start..content_end).unwrap_or(""),
        start,
        end,
    }
}

/// Where 1-based line `line` starts, counting `\n` as tasks number lines;
/// the end of the text for a line past its end (or line 0).
pub fn line_start_of(text: &str, line: usize) -> usize {
    if line == 0 {
        return text.len();
    }
    if line == 1 {
        return 0;
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// Where each line starts, counting `\n` as [`line_start_of`] does, found
/// once: for the many lookups of one note.
#[derive(Debug, Clone)]
pub struct LineStarts {
    starts: Vec<usize>,
    len: usize,
}

impl LineStarts {
    /// The line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut from = 0;
        while let Some(at) = bytes.get(from..).and_then(|b| find_byte(b, b'\n')) {
            from += at + 1;
            starts.push(from);
        }
        LineStarts {
            starts,
            len: text.len(),
        }
    }

    /// [`line_start_of`]`(text, line)`.
    pub fn start_of(&self, line: usize) -> usize {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .copied()
            .unwrap_or(self.len)
    }

    /// The 1-based line of byte `offset` of `text` (the text these starts are
    /// of), as `note::readers::line_of` counts it.
    pub fn line_of(&self, text: &str, offset: usize) -> usize {
        if text.get(..offset).is_none() {
            return 1;
        }
        self.starts.partition_point(|&s| s <= offset)
    }
}

/// Whether `text` has a carriage return not followed by `\n`: a line break to
/// comrak, but not to [`lines_in`] or to the line numbers tasks report.
pub fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(cr) = bytes.get(from..).and_then(|b| find_byte(b, b'\r')) {
        let at = from + cr;
        if bytes.get(at + 1) != Some(&b'\n') {
            return true;
        }
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_newline_finds_the_first_newline_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                for (i, b) in bytes.iter_mut().enumerate() {
                    // Bytes one off from `\n`, and high bytes, around the newline.
                    *b = [b'a', 0x0b, 0x09, 0x8a, 0xff, 0x00][i % 6];
                }
                if at < len {
                    bytes[at] = b'\n';
                    if at + 3 < len {
                        bytes[at + 3] = b'\n';
                    }
                }
                let want = bytes.iter().position(|&b| b == b'\n');
                assert_eq!(find_newline(&bytes), want, "len {len}, newline at {at}");
            }
        }
    }

    #[test]
    fn lines_keep_exact_ranges_for_lf_crlf_and_no_final_newline() {
        let text = "a\r\nbb\n\nc";
        let got: Vec<(&str, usize, usize)> =
            lines(text).map(|l| (l.content, l.start, l.end)).collect();
        assert_eq!(got, [("a", 0, 3), ("bb", 3, 6), ("", 6, 7), ("c", 7, 8)]);
        assert!(!lines(text).last().unwrap().has_ending());
    }

    #[test]
    fn line_ending_follows_the_first_break_and_converts_new_text() {
        assert_eq!(LineEnding::detect("x\r\ny\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::detect("x\ny\r\n"), LineEnding::Lf);
        assert_eq!(LineEnding::CrLf.apply("a\nb\r\nc"), "a\r\nb\r\nc");
        assert_eq!(
            LineEnding::Lf.apply("old\rmac"),
            "old\nmac",
            "a lone carriage return becomes a line break"
        );
    }

    #[test]
    fn trim_fast_trims_as_the_standard_trim_does() {
        let edges = [
            "",
            " ",
            "\t",
            "\x0b",
            "\x0c",
            "\r\n",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            " \u{3000} ",
        ];
        let middles = ["", "x", "é", "a b", "\u{a0}x\u{a0}", "—", "|", "\u{7f}"];
        for before in edges {
            for middle in middles {
                for after in edges {
                    let text = format!("{before}{middle}{after}");
                    assert_eq!(trim_fast(&text), text.trim(), "{text:?}");
                }
            }
        }
    }
}
