//! Edit operations as data: one entry point for the CLI, the plugin and the specs.
//!
//! An [`Operation`] names what to change in a note; [`plan`] turns it into
//! [`TextEdit`]s against the note's current text, and [`run`] applies them.
//! Operations that describe a state rather than an action (set a body, add a
//! task that is already there, insert a section that exists) are idempotent:
//! running them twice equals running them once.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::dates::Day;
use crate::edit::section::{self, AppendAt, InsertAt};
use crate::edit::{self, apply, Applied, TextEdit};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::normalize;
use crate::note::frontmatter::content_start;
use crate::note::headings::{fast_scan, headings, rescan_with, Heading};
use crate::note::lines::find_byte;
use crate::note::outline::{self, heading_title, Section};
use crate::note::tables::{tables_in, Table};
use crate::note::tasks::tasks_in;
use crate::settings::Settings;
use crate::templates::links::LinkFormat;
use crate::templates::plan::{plan_note, NoteKind, PlanAction};

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
    let scanned = fast_scan(text);
    let sections = match &scanned {
        Some(found) => outline::sections_from(text, found),
        None => outline::sections(text),
    };
    // Whether the note holds a `\r` at all, found once: most hold none, and
    // then the checks of the new text look only at what the edits put in
    // (each whole-note pass is a byte-group loop in WebAssembly).
    let has_cr = find_byte(text.as_bytes(), b'\r').is_some();
    let edits = plan_with(text, &sections, op, has_cr)?;
    let new = match apply(text, &edits)? {
        Applied::Unchanged => None,
        Applied::Changed(new) => {
            let may_have_cr = has_cr || edits.iter().any(|e| e.new_text.contains('\r'));
            verify(&sections, scanned.as_deref(), &edits, &new, op, may_have_cr)?;
            Some(new)
        }
    };
    Ok(Outcome { edits, text: new })
}

/// Re-reads the result. The headings outside the edits must be exactly the
/// ones that were there (an unclosed code fence in new text would swallow the
/// rest of the note; new text can also change how the lines after it read),
/// and what the operation adds must be visible where it was put (not swallowed
/// by an unclosed fence already in the note).
///
/// `old_sections` are the sections of the text before the edits, and
/// `old_scan` its headings when the fast scan found them; `may_have_cr` is
/// `false` only when `new` holds no `\r`.
fn verify(
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

fn table_at<'a>(tables: &'a [Table], section: &Section, index: usize) -> CoreResult<&'a Table> {
    tables.get(index).ok_or_else(|| {
        CoreError::new(
            ErrorCode::TableNotFound,
            match tables.len() {
                0 => format!("Section \"{}\" has no table.", section.path),
                n => format!("Section \"{}\" has {n} table(s); table {index} does not exist (they count from 0).", section.path),
            },
        )
    })
}

fn row_index(table: &Table, row: &RowRef) -> CoreResult<usize> {
    match row {
        RowRef::Index(i) if *i < table.rows.len() => Ok(*i),
        RowRef::Index(i) => Err(CoreError::new(
            ErrorCode::RowNotFound,
            format!(
                "The table has {} row(s); row {i} does not exist (rows count from 0).",
                table.rows.len()
            ),
        )),
        RowRef::Key(key) => edit::table::find_row(table, key),
    }
}

/// Whether task text is a template placeholder such as `[Task 1]` (not a `[[link]]`).
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    t.len() > 2
        && t.starts_with('[')
        && t.ends_with(']')
        && !t.starts_with("[[")
        && !t[1..t.len() - 1].contains(['[', ']'])
}

/// When every task in a section is a template placeholder, the new task takes
/// the first one's place and the others go: real content replaces the prompts.
fn replace_placeholder_tasks(
    text: &str,
    tasks: &[crate::note::tasks::Task],
    task: &str,
) -> Option<Vec<TextEdit>> {
    let (first, rest) = tasks.split_first()?;
    if !tasks
        .iter()
        .all(|t| t.status == ' ' && is_placeholder(&t.text))
    {
        return None;
    }
    let clean = task.replace(['\r', '\n'], " ");
    let mut edits = vec![TextEdit::replace(text, first.text_span, clean.trim())];
    for t in rest {
        let line_end = text.get(t.span.end..).map_or(t.span.end, |after| {
            t.span.end
                + if after.starts_with("\r\n") {
                    2
                } else {
                    usize::from(after.starts_with('\n'))
                }
        });
        edits.push(TextEdit::replace(
            text,
            crate::span::Span::new(t.span.start, line_end),
            "",
        ));
    }
    Some(edits)
}

/// Merges positional cells with cells named by column header.
fn by_column(
    table: &Table,
    cells: &[Option<String>],
    set: &std::collections::BTreeMap<String, String>,
) -> CoreResult<Vec<Option<String>>> {
    let mut merged = cells.to_vec();
    for (column, value) in set {
        let wanted = normalize(column);
        let index = table
            .header
            .cells
            .iter()
            .position(|c| normalize(&c.text) == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
                CoreError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "The table has no column \"{column}\"; its columns are {}.",
                        names.join(", ")
                    ),
                )
            })?;
        if merged.len() <= index {
            merged.resize(index + 1, None);
        }
        if let Some(slot) = merged.get_mut(index) {
            *slot = Some(value.clone());
        }
    }
    Ok(merged)
}

/// New content for a section may hold subsections, but not a heading at the
/// section's own level or above: that would end the section and start another.
fn refuse_sibling_headings(target: &Section, content: &str) -> CoreResult<()> {
    let found = crate::note::headings::headings(content);
    match found.iter().find(|h| h.level <= target.level) {
        Some(h) => Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!(
                "The new text has a heading \"{}\" at level {} or above, which would split \"{}\" in two. Use a deeper heading ({}) or insert a section instead; nothing was changed.",
                h.span.of(content).trim(),
                target.level,
                target.title,
                "#".repeat(usize::from(target.level) + 1)
            ),
        )),
        None => Ok(()),
    }
}

/// Computes the edits for an operation without applying them.
pub fn plan(text: &str, op: &Operation) -> CoreResult<Vec<TextEdit>> {
    let has_cr = find_byte(text.as_bytes(), b'\r').is_some();
    plan_with(text, &outline::sections(text), op, has_cr)
}

/// [`plan`] given the note's `sections`, and whether it holds a `\r` at all.
fn plan_with(
    text: &str,
    sections: &[Section],
    op: &Operation,
    has_cr: bool,
) -> CoreResult<Vec<TextEdit>> {
    // comrak and Obsidian read a lone \r as a line break; line numbers and
    // positions would not agree, so an edit could land in the wrong place.
    if has_cr && crate::note::lines::has_lone_cr(text) {
        return Err(CoreError::new(
            ErrorCode::UnsupportedLineEndings,
            "This note breaks lines with a carriage return alone (old Mac line endings). Convert it to LF or CRLF first; nothing was changed.",
        ));
    }
    let section = |path: &str| outline::find(sections, path);
    let edits = match op {
        Operation::SectionSet {
            section: path,
            body,
        } => {
            let target = section(path)?;
            refuse_sibling_headings(target, body)?;
            vec![section::set_body(text, target, body)]
        }
        Operation::SectionAppend {
            section: path,
            text: new,
            position,
        } => {
            let target = section(path)?;
            refuse_sibling_headings(target, new)?;
            section::append(text, target, new, *position)
                .into_iter()
                .collect()
        }
        Operation::SectionInsert {
            heading,
            level,
            body,
            before,
            after,
        } => {
            let wanted = normalize(heading);
            if wanted.is_empty() {
                return Err(CoreError::new(
                    ErrorCode::InvalidInput,
                    "A new section needs a heading.",
                ));
            }
            if sections.iter().any(|s| normalize(&s.title) == wanted) {
                return Ok(Vec::new());
            }
            let (at, neighbour) = match (before, after) {
                (Some(_), Some(_)) => {
                    return Err(CoreError::new(
                        ErrorCode::InvalidInput,
                        "Give either \"before\" or \"after\", not both.",
                    ))
                }
                (Some(path), None) => {
                    let s = section(path)?;
                    (InsertAt::Before(s), Some(s))
                }
                (None, Some(path)) => {
                    let s = section(path)?;
                    (InsertAt::After(s), Some(s))
                }
                (None, None) => (
                    InsertAt::End,
                    sections.iter().rfind(|s| s.level >= 2).or(sections.last()),
                ),
            };
            let level = level
                .unwrap_or_else(|| neighbour.map_or(2, |s| s.level))
                .clamp(1, 6);
            // A heading is one line: typed over several (a pasted `\r` or
            // `\n`), its words are joined, not split into a heading and a paragraph.
            let heading = edit::lines::one_line(heading);
            vec![section::insert(text, at, level, &heading, body)]
        }
        Operation::TableAddRow {
            section: path,
            table,
            cells,
        } => {
            let s = section(path)?;
            let tables = tables_in(text, s.body_span);
            let t = table_at(&tables, s, *table)?;
            let wanted: Vec<String> = cells.iter().map(|c| normalize(c)).collect();
            if t.rows.iter().any(|r| {
                r.cells
                    .iter()
                    .map(|c| normalize(&c.text))
                    .collect::<Vec<_>>()
                    == wanted
            }) {
                return Ok(Vec::new());
            }
            vec![edit::table::add_row(text, t, cells)?]
        }
        Operation::TableUpdateRow {
            section: path,
            table,
            row,
            cells,
            set,
        } => {
            let s = section(path)?;
            let tables = tables_in(text, s.body_span);
            let t = table_at(&tables, s, *table)?;
            let cells = by_column(t, cells, set)?;
            edit::table::update_row(text, t, row_index(t, row)?, &cells)?
        }
        Operation::TableRemoveRow {
            section: path,
            table,
            row,
        } => {
            let s = section(path)?;
            let tables = tables_in(text, s.body_span);
            let t = table_at(&tables, s, *table)?;
            vec![edit::table::remove_row(text, t, row_index(t, row)?)?]
        }
        Operation::TaskAdd {
            section: path,
            text: task,
        } => {
            let s = section(path)?;
            let wanted = normalize(task);
            if wanted.is_empty() {
                return Err(CoreError::new(
                    ErrorCode::InvalidInput,
                    "A task needs some text.",
                ));
            }
            let tasks = tasks_in(text, s.body_span);
            if tasks
                .iter()
                .any(|t| t.status == ' ' && normalize(&t.text) == wanted)
            {
                return Ok(Vec::new());
            }
            replace_placeholder_tasks(text, &tasks, task)
                .unwrap_or_else(|| vec![edit::task::add_task(text, s.body_span, task)])
        }
        Operation::TaskToggle { line, today } => {
            let today = today.as_deref().map(Day::parse).transpose()?;
            // Only the stretch between the headings around the line can hold its task.
            let line_start = crate::note::lines::line_start_of(text, *line);
            let region = outline::region_around(text, sections, crate::span::Span::at(line_start));
            let task = tasks_in(text, region)
                .into_iter()
                .find(|t| t.line == *line)
                .ok_or_else(|| {
                    CoreError::new(
                        ErrorCode::TaskNotFound,
                        format!("Line {line} is not a task (\"- [ ] ...\")."),
                    )
                })?;
            edit::task::toggle_task(text, &task, today)
        }
        Operation::FrontmatterSet { key, value } => {
            edit::frontmatter::set_scalar(text, key, value)?
        }
        Operation::FrontmatterAdd { key, value } => {
            edit::frontmatter::add_to_list(text, key, value)?
        }
        Operation::GoalStatus { goal, status } => {
            crate::goals::edits::set_status(text, goal, status)?
        }
        Operation::GoalAction {
            week,
            text: action,
            goal,
        } => crate::goals::edits::add_action(text, *week, action, goal.as_deref())?,
        Operation::NoteTemplate {
            kind,
            today,
            link_format,
        } => {
            let plan = plan_note(
                *kind,
                &Settings::default(),
                Day::parse(today)?,
                *link_format,
                Some(text),
            )?;
            match plan.action {
                PlanAction::Create => {
                    // A blank note keeps its BOM; the template replaces the blank rest.
                    let span = crate::span::Span::new(content_start(text), text.len());
                    vec![TextEdit::replace(text, span, plan.text.unwrap_or_default())]
                }
                PlanAction::Upgrade => plan.edits,
                PlanAction::None => Vec::new(),
            }
        }
    };
    Ok(edits)
}
