//! The check after an edit: the note, re-read, must have the headings it had
//! outside the edits, and what the operation added must be where it was put.

use std::borrow::Cow;

use super::Operation;

use crate::dates::Day;
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::normalize;
use crate::note::headings::{headings, rescan_with, Heading};
use crate::note::outline::{self, heading_title, Section};
use crate::note::tasks::tasks_in;
use crate::settings::Settings;
use crate::templates::plan::{plan_note, PlanAction};

/// Re-reads the result. The headings outside the edits must be exactly the
/// ones that were there (an unclosed code fence in new text would swallow the
/// rest of the note; new text can also change how the lines after it read),
/// and what the operation adds must be visible where it was put (not swallowed
/// by an unclosed fence already in the note).
///
/// `old_sections` are the sections of the text before the edits, and
/// `old_scan` its headings when the fast scan found them; `may_have_cr` is
/// `false` only when `new` holds no `\r`.
pub(super) fn verify(
    old_sections: &[Section],
    old_scan: Option<&[Heading]>,
    edits: &[TextEdit],
    new: &str,
    op: &Operation,
    may_have_cr: bool,
) -> CoreResult<()> {
    // The note had no lone \r (plan refuses those); new text must not bring one in.
    if may_have_cr && crate::note::lines::has_lone_cr(new) {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            "The new text contains a carriage return on its own, which would break the note's lines. Nothing was changed.",
        ));
    }
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    crate::order::sort_by_key(&mut sorted, |e| (e.span.start, e.span.end));
    let old_spans: Vec<crate::span::Span> = sorted.iter().map(|e| e.span).collect();
    let mut new_spans = Vec::with_capacity(sorted.len());
    let mut shift: isize = 0;
    for edit in &sorted {
        let start = edit.span.start.saturating_add_signed(shift);
        new_spans.push(crate::span::Span::new(start, start + edit.new_text.len()));
        shift += edit.new_text.len() as isize - edit.span.len() as isize;
    }
    let overlaps = |spans: &[crate::span::Span], heading: crate::span::Span| {
        spans
            .iter()
            .any(|e| e.start < heading.end && heading.start < e.end)
    };
    // The new text's headings only: its sections (paths) are built just for a task's check.
    let changed = crate::span::Span::new(
        old_spans.first().map_or(0, |s| s.start),
        old_spans.iter().map(|s| s.end).max().unwrap_or(0),
    );
    let new_end = new_spans.iter().map(|s| s.end).max().unwrap_or(0);
    let new_headings = old_scan
        .and_then(|old| rescan_with(new, old, changed, new_end, may_have_cr))
        .unwrap_or_else(|| headings(new));
    let before = old_sections
        .iter()
        .filter(|s| !overlaps(&old_spans, s.heading_span))
        .map(|s| (s.level, Cow::Borrowed(s.title.as_str())));
    let after = new_headings
        .iter()
        .filter(|h| !overlaps(&new_spans, h.span))
        .map(|h| (h.level, heading_title(new, h)));
    if !before.clone().eq(after.clone()) {
        let (before, after): (Vec<_>, Vec<_>) = (before.collect(), after.collect());
        let changed = before
            .iter()
            .zip(after.iter())
            .find(|(a, b)| a != b)
            .map(|(a, _)| a.1.to_string())
            .or_else(|| {
                before
                    .get(after.len())
                    .or(after.get(before.len()))
                    .map(|h| h.1.to_string())
            })
            .unwrap_or_default();
        return Err(CoreError::new(
            ErrorCode::WouldHideHeadings,
            format!(
                "This change would alter which lines are headings beyond the edit (first at \"{changed}\"), for example through an unclosed ``` code block. Nothing was changed."
            ),
        ));
    }
    let hidden = |what: &str| {
        CoreError::new(
            ErrorCode::WouldBeHidden,
            format!("The new {what} would land inside an unclosed code block (a ``` without its closing ```), where it would not count. Close the code block first; nothing was changed."),
        )
    };
    match op {
        Operation::SectionInsert { heading, .. } => {
            let wanted = normalize(heading);
            if !new_headings
                .iter()
                .any(|h| normalize(&heading_title(new, h)) == wanted)
            {
                return Err(hidden("section"));
            }
        }
        Operation::NoteTemplate {
            kind,
            today,
            link_format,
        } => {
            // Everything the upgrade added must be seen: nothing may be left to add
            // (an unclosed fence in the note would swallow the new sections).
            let again = plan_note(
                *kind,
                &Settings::default(),
                Day::parse(today)?,
                *link_format,
                Some(new),
            )?;
            if again.action != PlanAction::None {
                return Err(hidden("sections"));
            }
        }
        Operation::TaskAdd { text: task, .. } => {
            let wanted = normalize(task);
            // Only the stretch between the headings around the edits can hold the new task.
            let edited = crate::span::Span::new(
                new_spans.first().map_or(0, |s| s.start),
                new_spans.last().map_or(0, |s| s.end),
            );
            let new_sections = outline::sections(new);
            if !tasks_in(new, outline::region_around(new, &new_sections, edited))
                .iter()
                .any(|t| t.status == ' ' && normalize(&t.text) == wanted)
            {
                return Err(hidden("task"));
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::headings::fast_scan;
    use crate::span::Span;

    #[test]
    fn a_lone_carriage_return_in_the_new_text_is_refused_when_it_may_be_there() {
        let old = "# A\n\nbody\n";
        let new = "# A\n\nbo\rdy\n";
        let edits = [TextEdit {
            span: Span::new(5, 10),
            new_text: "bo\rdy\n".into(),
            expected: "body\n".into(),
        }];
        let sections = outline::sections(old);
        let scan = fast_scan(old);
        let op = Operation::SectionSet {
            section: "A".into(),
            body: "bo\rdy".into(),
        };
        let err = verify(&sections, scan.as_deref(), &edits, new, &op, true).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert!(err.message.contains("carriage return on its own"));
    }
}
