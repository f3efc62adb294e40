//! Markdown links (`[text](Note.md)`, `![alt](img.png)`) on one line: bracket
//! matching within a work budget, the destination's grammar and which
//! destinations are notes. Wikilinks found first are passed in, so a markdown
//! link overlapping one is not reported.

use super::{Link, LinkKind};
use crate::span::Span;

/// The most `[` kept open while matching brackets on one line.
const MAX_OPEN_BRACKETS: usize = 64;

pub(super) fn scan_markdown(
    text: &str,
    base: usize,
    bytes: &[u8],
    wiki: &[Span],
    out: &mut Vec<Link>,
) {
    let mut budget = bytes.len().saturating_mul(8).saturating_add(256);
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\\') => i += 1,
            Some(b'[') => {
                if open.len() == MAX_OPEN_BRACKETS {
                    open.remove(0);
                }
                open.push(i);
            }
            Some(b']') => {
                if let Some(start) = open.pop() {
                    if bytes.get(i + 1) == Some(&b'(') {
                        let Some(dest) = destination(bytes, i + 2, &mut budget) else {
                            if budget == 0 {
                                return;
                            }
                            i += 1;
                            continue;
                        };
                        let embed = start > 0 && bytes.get(start - 1) == Some(&b'!');
                        let span = Span::new(
                            base + if embed { start - 1 } else { start },
                            base + dest.end,
                        );
                        let label = Span::new(base + start + 1, base + i).of(text);
                        // Wikilinks are sorted and disjoint: only the last one starting
                        // before this link's end can overlap it.
                        let before = wiki.partition_point(|w| w.start < span.end);
                        let overlaps_wiki = before
                            .checked_sub(1)
                            .and_then(|w| wiki.get(w))
                            .is_some_and(|w| w.end > span.start);
                        if !overlaps_wiki {
                            if let Some(link) = markdown_link(
                                Span::new(base + dest.start, base + dest.stop).of(text),
                                dest.angle,
                                label,
                                span,
                                embed,
                            ) {
                                out.push(link);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// A markdown link destination: `start..stop` is the destination (inside
/// `<>` when `angle`), `end` is one past the closing `)`.
struct Destination {
    start: usize,
    stop: usize,
    end: usize,
    angle: bool,
}

/// Reads `dest "title")` starting right after the `(`, spending `budget`.
fn destination(bytes: &[u8], from: usize, budget: &mut usize) -> Option<Destination> {
    let mut i = from;
    let mut step = |i: &mut usize, by: usize| -> Option<()> {
        *budget = budget.checked_sub(1)?;
        *i += by;
        Some(())
    };
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        step(&mut i, 1)?;
    }
    let (start, stop, angle) = if bytes.get(i) == Some(&b'<') {
        let start = i + 1;
        step(&mut i, 1)?;
        loop {
            match bytes.get(i)? {
                b'>' => break,
                b'<' => return None,
                b'\\' => step(&mut i, 2)?,
                _ => step(&mut i, 1)?,
            }
        }
        let stop = i;
        step(&mut i, 1)?;
        (start, stop, true)
    } else {
        let start = i;
        let mut depth = 0usize;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => step(&mut i, 2)?,
                b'(' => {
                    depth += 1;
                    step(&mut i, 1)?;
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    step(&mut i, 1)?;
                }
                b if b.is_ascii_whitespace() || b.is_ascii_control() => break,
                _ => step(&mut i, 1)?,
            }
        }
        (start, i, false)
    };
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        step(&mut i, 1)?;
    }
    if let Some(&quote) = bytes.get(i).filter(|b| matches!(b, b'"' | b'\'' | b'(')) {
        let close = if quote == b'(' { b')' } else { quote };
        step(&mut i, 1)?;
        loop {
            match *bytes.get(i)? {
                b'\\' => step(&mut i, 2)?,
                b if b == close => break,
                _ => step(&mut i, 1)?,
            }
        }
        step(&mut i, 1)?;
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            step(&mut i, 1)?;
        }
    }
    (bytes.get(i) == Some(&b')')).then_some(Destination {
        start,
        stop,
        end: i + 1,
        angle,
    })
}

/// A markdown link to a note, or `None` for URLs, absolute paths and anchors.
fn markdown_link(raw: &str, angle: bool, label: &str, span: Span, embed: bool) -> Option<Link> {
    let first = raw.chars().next()?;
    if first == '#' || first == '/' || first == '\\' || has_scheme(raw) {
        return None;
    }
    let decoded = percent_decode(&unescape(raw));
    let decoded = if angle {
        decoded
    } else {
        decoded.trim().to_string()
    };
    let (target, subpath) = match decoded.split_once('#') {
        Some((target, rest)) => (target.to_string(), Some(format!("#{rest}"))),
        None => (decoded, None),
    };
    let label = label.trim();
    Some(Link {
        span,
        kind: LinkKind::Markdown,
        embed,
        target,
        subpath,
        alias: (!label.is_empty()).then(|| label.to_string()),
    })
}

/// Whether `raw` starts with a URI scheme such as `https:` or `mailto:`.
fn has_scheme(raw: &str) -> bool {
    let mut chars = raw.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    for c in chars {
        match c {
            ':' => return true,
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-') => {}
            _ => return false,
        }
    }
    false
}

/// Removes backslash escapes before ASCII punctuation.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Decodes `%XX` escapes; the text is kept as is if the result is not UTF-8.
fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| raw.to_string())
}
