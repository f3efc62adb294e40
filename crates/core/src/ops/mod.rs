//! Edit operations as data: one entry point for the CLI, the plugin and the specs.
//!
//! An [`Operation`] names what to change in a note; [`plan`] turns it into
//! [`TextEdit`]s against the note's current text, and [`run`] applies them.
//! Operations that describe a state rather than an action (set a body, add a
//! task that is already there, insert a section that exists) are idempotent:
//! running them twice equals running them once.

mod plan;
mod verify;

pub use plan::{is_placeholder, plan};

use plan::plan_with;
use verify::verify;

use serde::{Deserialize, Serialize};

use crate::edit::section::AppendAt;
use crate::edit::{apply, Applied, TextEdit};
use crate::error::CoreResult;
use crate::note::headings::fast_scan_with;
use crate::note::lines::find_byte;
use crate::note::outline;
use crate::templates::links::LinkFormat;
use crate::templates::plan::NoteKind;

/// A body row of a table, by 0-based index or by its first cell.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum RowRef {
    /// 0-based body row.
    Index(usize),
    /// The row whose first cell is this (case-insensitive; `[[links]]` match their target).
    Key(String),
}

/// One change to a note.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    tag = "op",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Operation {
    /// Replace a section's body content.
    SectionSet {
        /// Section path, e.g. `Network/Sponsors`.
        section: String,
        /// The new content.
        body: String,
    },
    /// Append a block to a section.
    SectionAppend {
        /// Section path.
        section: String,
        /// The content to append.
        text: String,
        /// After subsections (`end`, the default) or before them.
        #[serde(default)]
        position: AppendAt,
    },
    /// Insert a new section (nothing happens if one with that title exists).
    SectionInsert {
        /// Heading text.
        heading: String,
        /// Heading level; defaults to the neighbour's, or 2.
        #[serde(default)]
        level: Option<u8>,
        /// Body content.
        #[serde(default)]
        body: String,
        /// Insert before this section.
        #[serde(default)]
        before: Option<String>,
        /// Insert after this section (and its subsections).
        #[serde(default)]
        after: Option<String>,
    },
    /// Add a row to a section's table (nothing happens if an identical row exists).
    TableAddRow {
        /// Section path.
        section: String,
        /// Which table in the section, 0-based.
        #[serde(default)]
        table: usize,
        /// Cell texts, left to right.
        cells: Vec<String>,
    },
    /// Change cells of a row; `null` keeps a cell.
    TableUpdateRow {
        /// Section path.
        section: String,
        /// Which table in the section, 0-based.
        #[serde(default)]
        table: usize,
        /// The row.
        row: RowRef,
        /// New cell texts by position; `null` keeps the cell.
        #[serde(default)]
        cells: Vec<Option<String>>,
        /// New cell texts by column name (the header's text, case-insensitive).
        #[serde(default)]
        set: std::collections::BTreeMap<String, String>,
    },
    /// Remove a row.
    TableRemoveRow {
        /// Section path.
        section: String,
        /// Which table in the section, 0-based.
        #[serde(default)]
        table: usize,
        /// The row.
        row: RowRef,
    },
    /// Add an open task to a section (nothing happens if it is already there).
    TaskAdd {
        /// Section path.
        section: String,
        /// Task text, Tasks-plugin fields included.
        text: String,
    },
    /// Toggle the task on a 1-based line.
    TaskToggle {
        /// 1-based line number.
        line: usize,
        /// Completion date for Tasks-plugin `✅` fields.
        #[serde(default)]
        today: Option<String>,
    },
    /// Set a frontmatter scalar.
    FrontmatterSet {
        /// Property name.
        key: String,
        /// Value.
        value: String,
    },
    /// Add a value to a frontmatter list (a union: no duplicates).
    FrontmatterAdd {
        /// Property name.
        key: String,
        /// Value to add.
        value: String,
    },
    /// Set a goal's Status cell in a goals note (only that cell changes).
    GoalStatus {
        /// The goal's id, e.g. `G1`.
        goal: String,
        /// Not started, In progress, At risk or Complete.
        status: String,
    },
    /// Add a weekly action to a goals note under its ISO week's heading
    /// (nothing happens if the same open action is there).
    GoalAction {
        /// The ISO week, e.g. `2026-W47`.
        week: crate::periods::Period,
        /// The action.
        text: String,
        /// The goal it serves, e.g. `G1`.
        #[serde(default)]
        goal: Option<String>,
    },
    /// Create a Career Coach note into a blank text, or upgrade an existing one.
    NoteTemplate {
        /// Which note.
        kind: NoteKind,
        /// The date the template is filled with.
        today: String,
        /// Wikilinks or markdown links.
        #[serde(default)]
        link_format: LinkFormat,
    },
}

impl Operation {
    /// Whether running the operation twice equals running it once.
    pub fn is_idempotent(&self) -> bool {
        !matches!(
            self,
            Self::SectionAppend { .. } | Self::TableRemoveRow { .. } | Self::TaskToggle { .. }
        )
    }
}

/// The outcome of an operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The edits, each with its expected pre-image.
    pub edits: Vec<TextEdit>,
    /// The new text, or `None` when nothing changes (skip the write).
    pub text: Option<String>,
}

/// The outcome of edits planned outside [`Operation`] (goals, reviews,
/// threads): the edits and the text they give, `None` when nothing changes.
pub fn outcome_of(text: &str, edits: Vec<TextEdit>) -> CoreResult<Outcome> {
    let new = match apply(text, &edits)? {
        Applied::Unchanged => None,
        Applied::Changed(new) => Some(new),
    };
    Ok(Outcome { edits, text: new })
}

/// Applies an operation to `text`, refusing results that would not read as intended.
pub fn run(text: &str, op: &Operation) -> CoreResult<Outcome> {
    // One heading scan of the note serves both the plan and the check, whose
    // own scan of the result then reads only around the edits.
    // Whether the note holds a `\r` at all, found once: most hold none, and
    // then the scan and the checks of the new text look only at what the
    // edits put in (each whole-note pass is a byte-group loop in WebAssembly).
    let has_cr = find_byte(text.as_bytes(), b'\r').is_some();
    let scanned = fast_scan_with(text, has_cr);
    let sections = match &scanned {
        Some(found) => outline::sections_from(text, found),
        None => outline::sections(text),
    };
    let edits = plan_with(text, &sections, op, has_cr)?;
    let new = match apply(text, &edits)? {
        Applied::Unchanged => None,
        Applied::Changed(new) => {
            verify(
                &sections,
                scanned.as_deref(),
                &edits,
                &new,
                op,
                may_hold_cr(has_cr, &edits),
            )?;
            Some(new)
        }
    };
    Ok(Outcome { edits, text: new })
}

/// Whether the text `edits` make of a note may hold a `\r` (`false` only when
/// it holds none): when the note (`has_cr`) holds none, only what an edit puts
/// in can bring one. No operation puts one in today (each writes the note's
/// own line endings), so this keeps the check of the new text for the day one does.
fn may_hold_cr(has_cr: bool, edits: &[TextEdit]) -> bool {
    has_cr || edits.iter().any(|e| e.new_text.contains('\r'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn edit(new_text: &str) -> TextEdit {
        TextEdit {
            span: Span::new(0, 0),
            new_text: new_text.into(),
            expected: String::new(),
        }
    }

    #[test]
    fn new_text_may_hold_a_carriage_return_from_the_note_or_from_an_edit() {
        assert!(!may_hold_cr(false, &[]));
        assert!(!may_hold_cr(false, &[edit("plain\n"), edit("more")]));
        assert!(may_hold_cr(true, &[edit("plain\n")]));
        assert!(may_hold_cr(false, &[edit("plain\n"), edit("a\rb")]));
        assert!(may_hold_cr(false, &[edit("line\r\n")]));
    }
}
