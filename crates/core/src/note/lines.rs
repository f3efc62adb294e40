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
        let lf = text.replace("\r\n", "\n");
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
pub fn lines_in(text: &str, span: Span) -> impl Iterator<Item = Line<'_>> {
    let end = span.end.min(text.len());
    let mut pos = span.start.min(end);
    std::iter::from_fn(move || {
        if pos >= end {
            return None;
        }
        let rest = text.get(pos..end)?;
        let (content_len, ending_len) = match rest.find('\n') {
            Some(i) if i > 0 && rest.as_bytes().get(i - 1) == Some(&b'\r') => (i - 1, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let line = Line {
            content: rest.get(..content_len).unwrap_or(""),
            start: pos,
            end: pos + content_len + ending_len,
        };
        pos = line.end;
        Some(line)
    })
}

/// Iterates every line of `text`.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    lines_in(text, Span::new(0, text.len()))
}

/// Byte offsets where each line starts, for position conversion.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
