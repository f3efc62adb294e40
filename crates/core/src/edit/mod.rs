//! Edits as byte spans, and the one function that applies them.
//!
//! An operation never rewrites a note. It returns [`TextEdit`]s: the span it
//! replaces, the new text, and the text it expects to find there (the
//! pre-image). [`apply`] copies every byte outside the spans verbatim, checks
//! each pre-image first, and reports [`Applied::Unchanged`] when nothing would
//! change so callers can skip the write.
//!
//! Invariants:
//! - Bytes outside every edit's span are copied unchanged, in order.
//! - If any pre-image differs from the text, nothing is applied (`conflict`).
//! - Edits never overlap; insertions at one point keep their given order.

pub mod frontmatter;
pub mod lines;
pub mod rebase;
pub mod section;
pub mod table;
pub mod task;

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::span::Span;

/// Replace `span` (which must currently hold `expected`) with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdit {
    /// The bytes to replace; empty for an insertion.
    pub span: Span,
    /// The replacement.
    pub new_text: String,
    /// What the span held when the edit was computed.
    pub expected: String,
}

impl TextEdit {
    /// An edit replacing `span` of `text` with `new_text`, recording the pre-image.
    pub fn replace(text: &str, span: Span, new_text: impl Into<String>) -> Self {
        Self {
            span,
            new_text: new_text.into(),
            expected: span.of(text).to_string(),
        }
    }

    /// An insertion of `new_text` at byte `at`.
    pub fn insert(at: usize, new_text: impl Into<String>) -> Self {
        Self {
            span: Span::at(at),
            new_text: new_text.into(),
            expected: String::new(),
        }
    }

    /// Whether applying this edit would leave the text as it is.
    pub fn is_noop(&self) -> bool {
        crate::bytes::same(&self.new_text, &self.expected)
    }
}

/// The result of applying edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// Nothing would change; do not write.
    Unchanged,
    /// The new text.
    Changed(String),
}

impl Applied {
    /// The resulting text, borrowing the original when unchanged.
    pub fn text<'a>(&'a self, original: &'a str) -> &'a str {
        match self {
            Self::Unchanged => original,
            Self::Changed(text) => text,
        }
    }
}

/// Checks that every edit fits `text`, holds its pre-image and overlaps no other.
pub fn check(text: &str, edits: &[TextEdit]) -> CoreResult<Vec<usize>> {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| {
        edits.get(i).map(|e| (e.span.start, e.span.end))
    });
    let mut last_end = 0;
    for &i in &order {
        let Some(edit) = edits.get(i) else { continue };
        let Span { start, end } = edit.span;
        if end > text.len()
            || start > end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return Err(CoreError::new(
                ErrorCode::SpanOutOfBounds,
                format!(
                    "An edit at bytes {start}..{end} does not fit the note ({} bytes).",
                    text.len()
                ),
            ));
        }
        if start < last_end {
            return Err(CoreError::new(
                ErrorCode::OverlappingEdits,
                format!("Two edits overlap at byte {start}; nothing was changed."),
            ));
        }
        if !crate::bytes::same(edit.span.of(text), &edit.expected) {
            return Err(CoreError::new(
                ErrorCode::Conflict,
                "The note changed since it was read: the text an edit was meant to replace is no longer there. Nothing was changed.",
            ));
        }
        last_end = end;
    }
    Ok(order)
}

/// Applies edits to `text`, copying every byte outside their spans verbatim.
pub fn apply(text: &str, edits: &[TextEdit]) -> CoreResult<Applied> {
    let order = check(text, edits)?;
    if edits.iter().all(TextEdit::is_noop) {
        return Ok(Applied::Unchanged);
    }
    let extra: usize = edits.iter().map(|e| e.new_text.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut cursor = 0;
    for &i in &order {
        let Some(edit) = edits.get(i) else { continue };
        out.push_str(text.get(cursor..edit.span.start).unwrap_or(""));
        out.push_str(&edit.new_text);
        cursor = edit.span.end;
    }
    out.push_str(text.get(cursor..).unwrap_or(""));
    // Before the first edit and after the last, `out` is `text` copied, so
    // only the stretch between can differ: comparing the whole note was a
    // pass over every byte of it (one at a time, in WebAssembly) per edit.
    let first = order
        .first()
        .and_then(|&i| edits.get(i))
        .map_or(0, |e| e.span.start);
    let last = order
        .last()
        .and_then(|&i| edits.get(i))
        .map_or(0, |e| e.span.end);
    let unchanged = out.len() == text.len()
        && out.as_bytes().get(first..last) == text.as_bytes().get(first..last);
    Ok(if unchanged {
        Applied::Unchanged
    } else {
        Applied::Changed(out)
    })
}

/// The single edit that turns `old` into `new`: the stretch between their
/// common start and common end (on character boundaries).
pub fn between(old: &str, new: &str) -> TextEdit {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    let old_rest = old.get(prefix..).unwrap_or("");
    let new_rest = new.get(prefix..).unwrap_or("");
    let suffix: usize = old_rest
        .chars()
        .rev()
        .zip(new_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix = suffix.min(old_rest.len()).min(new_rest.len());
    TextEdit::replace(
        old,
        Span::new(prefix, old.len() - suffix),
        new_rest.get(..new_rest.len() - suffix).unwrap_or(""),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_in_position_order_and_keeps_everything_else() {
        let text = "alpha beta gamma";
        let edits = [
            TextEdit::replace(text, Span::new(11, 16), "GAMMA"),
            TextEdit::insert(0, ">> "),
        ];
        assert_eq!(
            apply(text, &edits).unwrap(),
            Applied::Changed(">> alpha beta GAMMA".into())
        );
    }

    #[test]
    fn no_edits_and_identical_replacements_are_unchanged() {
        let text = "same";
        assert_eq!(apply(text, &[]).unwrap(), Applied::Unchanged);
        assert_eq!(
            apply(text, &[TextEdit::replace(text, Span::new(0, 4), "same")]).unwrap(),
            Applied::Unchanged
        );
    }

    #[test]
    fn edits_that_cancel_out_are_unchanged_and_a_swap_is_not() {
        let text = "xaby";
        let cancel = [
            TextEdit::replace(text, Span::new(1, 3), ""),
            TextEdit::insert(3, "ab"),
        ];
        assert_eq!(apply(text, &cancel).unwrap(), Applied::Unchanged);
        let swap = [
            TextEdit::replace(text, Span::new(1, 2), "b"),
            TextEdit::replace(text, Span::new(2, 3), "a"),
        ];
        assert_eq!(apply(text, &swap).unwrap(), Applied::Changed("xbay".into()));
    }

    proptest::proptest! {
        /// `apply` decides "unchanged" from the stretch its edits cover; the
        /// whole new text compared with the old must say the same.
        #[test]
        fn unchanged_is_what_comparing_whole_texts_says(
            text in "[ab\\n]{0,12}",
            cuts in proptest::collection::vec((0usize..13, 0usize..3, "[ab]{0,3}"), 0..4),
        ) {
            let mut edits: Vec<TextEdit> = Vec::new();
            let mut from = 0;
            for (gap, len, new) in cuts {
                let start = (from + gap).min(text.len());
                let end = (start + len).min(text.len());
                edits.push(TextEdit::replace(&text, Span::new(start, end), &new));
                from = end;
            }
            let applied = apply(&text, &edits).unwrap();
            let mut whole = String::new();
            let mut at = 0;
            for e in &edits {
                whole.push_str(&text[at..e.span.start]);
                whole.push_str(&e.new_text);
                at = e.span.end;
            }
            whole.push_str(&text[at..]);
            proptest::prop_assert_eq!(applied == Applied::Unchanged, whole == text);
            proptest::prop_assert_eq!(applied.text(&text), whole);
        }
    }

    #[test]
    fn refuses_a_changed_pre_image_overlaps_and_split_characters() {
        let read = "Risk: low";
        let edit = TextEdit::replace(read, Span::new(6, 9), "high");
        assert_eq!(
            apply("Risk: mid", &[edit]).unwrap_err().code,
            ErrorCode::Conflict
        );
        let overlapping = [
            TextEdit::replace(read, Span::new(0, 4), "x"),
            TextEdit::replace(read, Span::new(2, 6), "y"),
        ];
        assert_eq!(
            apply(read, &overlapping).unwrap_err().code,
            ErrorCode::OverlappingEdits
        );
        let emoji = "🎯 goal";
        let split = TextEdit {
            span: Span::new(1, 2),
            new_text: "x".into(),
            expected: String::new(),
        };
        assert_eq!(
            apply(emoji, &[split]).unwrap_err().code,
            ErrorCode::SpanOutOfBounds
        );
    }

    #[test]
    fn between_is_the_one_edit_from_old_to_new() {
        for (old, new) in [
            ("abc", "abXc"),
            ("héllo", "hello"),
            ("", "new"),
            ("same", "same"),
            ("aaa", "aa"),
        ] {
            let edit = between(old, new);
            assert_eq!(apply(old, &[edit]).unwrap().text(old), new);
        }
    }

    #[test]
    fn insertions_at_one_point_keep_their_order() {
        let edits = [TextEdit::insert(1, "1"), TextEdit::insert(1, "2")];
        assert_eq!(
            apply("ab", &edits).unwrap(),
            Applied::Changed("a12b".into())
        );
    }
}
