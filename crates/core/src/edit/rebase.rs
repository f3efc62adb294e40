//! Moving edits onto a note that changed after they were computed.
//!
//! A person may take minutes to confirm a change; the note may change
//! meanwhile (they typed in Obsidian, sync arrived). [`rebase`] keeps their
//! confirmed change when the other change is elsewhere in the note: it finds
//! the stretch of lines that differs between the text the edits were computed
//! from and the text as it is now, and shifts every edit that lies wholly
//! before or after it. An edit that touches, or sits right against, a changed
//! line is a `conflict`: what the person confirmed was computed from lines
//! that are no longer there, so they must see the new state and answer again.

use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::span::Span;

use super::{check, TextEdit};

/// The edits, computed on `original`, moved onto `fresh`; `conflict` when any
/// of them touches a line that changed between the two.
pub fn rebase(original: &str, fresh: &str, edits: &[TextEdit]) -> CoreResult<Vec<TextEdit>> {
    if original == fresh {
        return Ok(edits.to_vec());
    }
    let (old_lines, new_lines) = (line_starts(original), line_starts(fresh));
    let ops = similar::capture_diff_slices(
        similar::Algorithm::Myers,
        &lines(original, &old_lines),
        &lines(fresh, &new_lines),
    );
    // Byte ranges of `original` per diff op, with where each equal run sits in `fresh`.
    let at = |starts: &[usize], line: usize| starts.get(line).copied();
    let mut moved = Vec::with_capacity(edits.len());
    for edit in edits {
        let span = edit.span;
        let mut target = None;
        for op in &ops {
            let (tag, old, new) = op.as_tag_tuple();
            let (Some(os), Some(oe), Some(ns)) = (
                at(&old_lines, old.start),
                at(&old_lines, old.end),
                at(&new_lines, new.start),
            ) else {
                continue;
            };
            if tag == similar::DiffTag::Equal {
                if os <= span.start && span.end <= oe && target.is_none() {
                    target = Some(Span {
                        start: span.start - os + ns,
                        end: span.end - os + ns,
                    });
                }
            } else if touches(span, os, oe) {
                return Err(conflict());
            }
        }
        let span = target.ok_or_else(conflict)?;
        moved.push(TextEdit {
            span,
            ..edit.clone()
        });
    }
    check(fresh, &moved)?;
    Ok(moved)
}

/// Whether an edit's span meets lines `os..oe` of the original that changed
/// (`os == oe`: lines were inserted there). An edit may sit right against
/// changed lines; it may not overlap them, nor have lines inserted inside
/// it, nor insert at the very point where lines were inserted (which of the
/// two comes first would be a guess).
fn touches(span: Span, os: usize, oe: usize) -> bool {
    if os == oe {
        (span.start < os && os < span.end) || (span.start == os && span.end == os)
    } else {
        span.start < oe && span.end > os
            || (span.start == span.end && os < span.start && span.start < oe)
    }
}

fn conflict() -> CoreError {
    CoreError::new(
        ErrorCode::Conflict,
        "The note changed in the lines this change replaces; nothing was written.",
    )
}

/// The byte offset where each line starts, plus the text's length at the end.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    if starts.last() != Some(&text.len()) {
        starts.push(text.len());
    }
    starts
}

fn lines<'a>(text: &'a str, starts: &[usize]) -> Vec<&'a str> {
    starts
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => text.get(*a..*b),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Applied};

    fn after(text: &str, edits: &[TextEdit]) -> String {
        match apply(text, edits).unwrap() {
            Applied::Changed(t) => t,
            Applied::Unchanged => text.to_string(),
        }
    }

    const NOTE: &str = "# A\n\nfirst\n\n## B\n\nsecond\n\n## C\n\nthird\n";

    #[test]
    fn a_change_elsewhere_is_merged_before_and_after() {
        let at = NOTE.find("second").unwrap();
        let edit = TextEdit::replace(NOTE, Span::new(at, at + 6), "SECOND");
        let fresh = NOTE
            .replace("first", "first, edited by hand")
            .replace("third", "3rd");
        let moved = rebase(NOTE, &fresh, std::slice::from_ref(&edit)).unwrap();
        assert_eq!(
            after(&fresh, &moved),
            "# A\n\nfirst, edited by hand\n\n## B\n\nSECOND\n\n## C\n\n3rd\n"
        );
    }

    #[test]
    fn a_change_to_the_lines_an_edit_replaces_is_a_conflict() {
        let at = NOTE.find("second").unwrap();
        let edit = TextEdit::replace(NOTE, Span::new(at, at + 7), "SECOND\n");
        for fresh in [
            NOTE.replace("second", "second plus"),
            NOTE.replace("second\n", ""),
            NOTE.replace("\n\n## B\n\nsecond\n", "\n"),
        ] {
            let err = rebase(NOTE, &fresh, std::slice::from_ref(&edit)).unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict, "{fresh}");
        }
    }

    #[test]
    fn lines_added_right_against_an_edit_are_kept() {
        let at = NOTE.find("second").unwrap();
        let edit = TextEdit::replace(NOTE, Span::new(at, at + 7), "SECOND\n");
        let fresh = NOTE.replace("second\n", "before\nsecond\nafter\n");
        let moved = rebase(NOTE, &fresh, &[edit]).unwrap();
        assert_eq!(
            after(&fresh, &moved),
            NOTE.replace("second\n", "before\nSECOND\nafter\n")
        );
    }

    #[test]
    fn two_insertions_at_one_point_are_a_conflict() {
        let at = NOTE.find("## C").unwrap();
        let edit = TextEdit::insert(at, "- [ ] task\n\n");
        let fresh = NOTE.replace("## C", "- [ ] typed meanwhile\n\n## C");
        assert_eq!(
            rebase(NOTE, &fresh, &[edit]).unwrap_err().code,
            ErrorCode::Conflict
        );
    }

    #[test]
    fn multibyte_text_around_the_change_keeps_char_boundaries() {
        let note = "é\nü\nö\n";
        let edit = TextEdit::replace(note, Span::new(6, 8), "o");
        let moved = rebase(note, "éé\nü\nö\n", &[edit]).unwrap();
        assert_eq!(after("éé\nü\nö\n", &moved), "éé\nü\no\n");
    }
}
