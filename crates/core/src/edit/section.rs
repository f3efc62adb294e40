//! Section edits: replace a body, append to it, insert a new section.
//!
//! The blank lines that frame a section's content belong to the note's layout,
//! so replacing a body keeps them and swaps only the content between them:
//! setting a body to itself changes nothing. New text follows the note's line
//! ending, and a note without a final newline keeps lacking one. Inserted
//! sections mirror the `---` separators the Career Index template puts between
//! its top-level sections.

use crate::edit::lines::insert_lines;
use crate::edit::TextEdit;
use crate::note::lines::{lines_in, LineEnding};
use crate::note::outline::Section;
use crate::span::Span;

/// Where appended content goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppendAt {
    /// After everything, subsections included.
    #[default]
    End,
    /// After the section's own content, before its first subsection.
    BeforeSubsections,
}

/// Splits new content into lines, dropping leading and trailing blank lines.
fn content_lines(new: &str) -> Vec<String> {
    let normalized = LineEnding::Lf.apply(new);
    let lines: Vec<&str> = normalized.split('\n').collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines
            .get(first..=last)
            .unwrap_or(&[])
            .iter()
            .map(|l| l.to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// The span from the first to the last non-blank line of `region`, whole lines.
fn content_extent(text: &str, region: Span) -> Option<Span> {
    let mut first = None;
    let mut last = None;
    for line in lines_in(text, region) {
        if !line.is_blank() {
            first.get_or_insert(line.start);
            last = Some(line.end);
        }
    }
    Some(Span::new(first?, last?))
}

/// Replaces a section's body content, keeping the blank lines around it.
pub fn set_body(text: &str, section: &Section, new: &str) -> TextEdit {
    let ending = LineEnding::detect(text).as_str();
    let lines = content_lines(new);
    let body = section.body_span;
    let at_eof_unterminated = body.end == text.len() && !text.is_empty() && !text.ends_with('\n');
    match content_extent(text, body) {
        Some(extent) => {
            let mut replacement = lines.join(ending);
            let unterminated_extent = extent.end == text.len() && at_eof_unterminated;
            if !lines.is_empty() && !unterminated_extent {
                replacement.push_str(ending);
            }
            TextEdit::replace(text, extent, replacement)
        }
        None if lines.is_empty() => TextEdit::replace(text, Span::at(body.start), ""),
        None => {
            // A blank body: the content gets a blank line on each side.
            let heading_unterminated = body.start == section.heading_span.end;
            let mut replacement = String::new();
            if heading_unterminated {
                replacement.push_str(ending);
            }
            replacement.push_str(ending);
            replacement.push_str(&lines.join(ending));
            if body.end < text.len() {
                replacement.push_str(ending);
                replacement.push_str(ending);
            } else if !at_eof_unterminated {
                replacement.push_str(ending);
            }
            TextEdit::replace(text, body, replacement)
        }
    }
}

/// Appends content to a section as a new block, after a blank line.
pub fn append(text: &str, section: &Section, new: &str, at: AppendAt) -> Option<TextEdit> {
    let lines = content_lines(new);
    if lines.is_empty() {
        return None;
    }
    let end = match at {
        AppendAt::End => section.body_span.end,
        AppendAt::BeforeSubsections => section.own_end,
    };
    let region = Span::new(section.body_span.start, end);
    Some(match content_extent(text, region) {
        Some(extent) => insert_lines(text, extent.end, &[vec![String::new()], lines].concat()),
        None if section.body_span.start == section.heading_span.end => {
            // The heading is the unterminated last line: break it, then a blank line.
            insert_lines(text, text.len(), &[vec![String::new()], lines].concat())
        }
        None => {
            let mut block = vec![String::new()];
            block.extend(lines);
            if region.end < text.len() {
                block.push(String::new());
            }
            insert_lines(text, region.start, &block)
        }
    })
}

/// Where a new section goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertAt<'s> {
    /// Just before this section's heading.
    Before(&'s Section),
    /// After this section's whole body.
    After(&'s Section),
    /// At the end of the note.
    End,
}

/// Whether the last non-blank line before `at` is a thematic break (`---`).
fn preceded_by_break(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    before
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            let t = l.trim();
            t.len() >= 3
                && (t.bytes().all(|b| b == b'-')
                    || t.bytes().all(|b| b == b'*')
                    || t.bytes().all(|b| b == b'_'))
        })
}

/// Inserts a new section with `heading` at `level` and `body`.
pub fn insert(text: &str, at: InsertAt<'_>, level: u8, heading: &str, body: &str) -> TextEdit {
    let point = match at {
        InsertAt::Before(s) => line_start(text, s.heading_span.start),
        InsertAt::After(s) => s.body_span.end,
        InsertAt::End => text.len(),
    };
    let separators = match at {
        InsertAt::Before(s) => preceded_by_break(text, line_start(text, s.heading_span.start)),
        InsertAt::After(s) => {
            preceded_by_break(text, s.body_span.end)
                || preceded_by_break(text, line_start(text, s.heading_span.start))
        }
        InsertAt::End => false,
    };
    let something_follows = point < text.len();
    let prev_blank = line_before_is_blank(text, point);
    let mut block = Vec::new();
    if !prev_blank {
        block.push(String::new());
    }
    if separators && !something_follows && !preceded_by_break(text, point) {
        block.push("---".to_string());
        block.push(String::new());
    }
    block.push(format!(
        "{} {}",
        "#".repeat(usize::from(level.clamp(1, 6))),
        heading.trim()
    ));
    let content = content_lines(body);
    if !content.is_empty() {
        block.push(String::new());
        block.extend(content);
    }
    if something_follows {
        block.push(String::new());
        if separators {
            block.push("---".to_string());
            block.push(String::new());
        }
    }
    insert_lines(text, point, &block)
}

/// Whether the line ending just before `point` closes a blank line (or `point` starts the note).
fn line_before_is_blank(text: &str, point: usize) -> bool {
    let before = text.get(..point).unwrap_or("");
    if before.is_empty() {
        return true;
    }
    if !before.ends_with('\n') {
        return false; // the note's unterminated last line
    }
    let without_ending = before.strip_suffix('\n').unwrap_or(before);
    let without_ending = without_ending.strip_suffix('\r').unwrap_or(without_ending);
    let last = without_ending.rsplit('\n').next().unwrap_or("");
    last.trim().is_empty()
}

fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}
