//! The entries already in a section, one at a time: keep, edit or remove.
//!
//! Coaching a section that has entries (table rows, bullets, checklist items,
//! in any of the forms [`crate::note::readers`] reads) first offers each of
//! them; only then does it ask for new ones. An entry is shown as its values
//! under their labels: a row under its table's columns, a win's bold title
//! and description, an item as one value. An edit replaces just that entry,
//! by span (the changed cells of a row, the text after a bullet's marker), and
//! a removal removes just its lines: every other byte stays.
//!
//! Edits are replayable: the session keeps the entry's text as it was shown,
//! and [`locate`] finds it again, so a write repeated after a crash changes
//! nothing and never touches another entry.

use serde::Serialize;

use crate::coach::questions::{for_section, Shape};
use crate::coach::reader::{FieldValue, Reading};
use crate::edit::lines::one_line_at_start;
use crate::edit::table::{remove_row, update_row};
use crate::edit::{apply, Applied, TextEdit};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::kind_of;
use crate::note::lines::{line_at, line_start_of, LineStarts};
use crate::note::outline::{sections, Section};
use crate::note::readers::{self, Form};
use crate::note::tables::{tables_in, Table};
use crate::span::Span;

/// How an entry is written in the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryForm {
    /// A table row.
    Row,
    /// A bullet or numbered list item.
    Bullet,
    /// A checklist item.
    Task,
}

/// One entry already in a section, as the walk offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WalkEntry {
    /// 1-based line of its first line.
    pub line: usize,
    /// 1-based line of its last line.
    pub end_line: usize,
    /// How it is written.
    pub form: EntryForm,
    /// The subsection or label it is under ("Sponsors", "2026"), if any.
    pub group: Option<String>,
    /// What each value is: the table's columns, or the entry's labels.
    pub labels: Vec<String>,
    /// Its values as written (markup kept), one per label.
    pub values: Vec<String>,
    /// Its lines as they are in the note (its identity while it is edited).
    pub text: String,
}

/// The canonical kinds whose subsections hold a question's entries.
pub(crate) fn own_kinds(section: &str) -> &'static [&'static str] {
    match section {
        "network" => &["network", "sponsors", "mentors", "advisors", "mentees"],
        "external_visibility" => &["external_visibility", "visibility_targets"],
        _ => &[],
    }
}

/// The entries the walk offers for a question-bank section, top to bottom:
/// rows, bullets and checklist items that say something, outside the
/// subsections another question owns (Business Impact under Wins). Only
/// sections answered with entries or items have a walk.
pub fn entries(note: &str, section: &str) -> Vec<WalkEntry> {
    entries_in(note, &sections(note), section)
}

/// [`entries`], given the note's sections (`outline::sections`).
pub fn entries_in(note: &str, all: &[Section], section: &str) -> Vec<WalkEntry> {
    let Some(q) = for_section(section) else {
        return Vec::new();
    };
    if !matches!(q.shape, Shape::Entries | Shape::Items) {
        return Vec::new();
    }
    // The line starts found once for every entry, the tables at the first row.
    let starts = LineStarts::new(note);
    let Some(home) = all
        .iter()
        .find(|s| kind_of(&s.title).is_some_and(|k| k.id == section))
    else {
        return Vec::new();
    };
    let owned = own_kinds(section);
    let foreign: Vec<Span> = all
        .iter()
        .filter(|s| home.body_span.contains(s.heading_span) && s.heading_span != home.heading_span)
        .filter(|s| kind_of(&s.title).is_some_and(|k| k.id != section && !owned.contains(&k.id)))
        .map(|s| Span::new(s.heading_span.start, s.body_span.end))
        .collect();
    let tables = std::cell::OnceCell::new();
    readers::entries(note, home.body_span)
        .into_iter()
        .filter(|e| e.form != Form::Paragraph && !e.is_nil())
        .filter(|e| {
            let at = starts.start_of(e.line);
            !foreign.iter().any(|f| f.start <= at && at < f.end)
        })
        .filter_map(|e| {
            let text = lines_text(note, &starts, e.line, e.end_line);
            let (form, labels, values) = match e.form {
                Form::Row => {
                    let tables = tables.get_or_init(|| tables_in(note, home.body_span));
                    let (table, row) = row_at(note, &starts, tables, e.line)?;
                    let (labels, values) = row_values(table, row);
                    (EntryForm::Row, labels, values)
                }
                Form::Bullet | Form::Task { .. } => {
                    let first = line_at(note, starts.start_of(e.line));
                    let (at, task) = item_body(first.content)?;
                    let body = first.content.get(at..)?;
                    let (labels, values) = item_values(section, q.shape, body);
                    let form = if task {
                        EntryForm::Task
                    } else {
                        EntryForm::Bullet
                    };
                    (form, labels, values)
                }
                Form::Paragraph => return None,
            };
            Some(WalkEntry {
                line: e.line,
                end_line: e.end_line,
                form,
                group: e.group,
                labels,
                values,
                text,
            })
        })
        .collect()
}

/// The index of the entry shown as `text` (at `index` if it is still there,
/// else wherever it moved); `None` when no entry reads like that any more.
pub fn locate(entries: &[WalkEntry], index: usize, text: &str) -> Option<usize> {
    if entries.get(index).is_some_and(|e| e.text == text) {
        return Some(index);
    }
    entries.iter().position(|e| e.text == text)
}

/// The entry at `line` (any of its lines), by index.
pub fn index_at_line(entries: &[WalkEntry], line: usize) -> Option<usize> {
    entries
        .iter()
        .position(|e| e.line <= line && line <= e.end_line)
}

/// The lines `first..=last` (1-based) as they are in the note.
fn lines_text(note: &str, starts: &LineStarts, first: usize, last: usize) -> String {
    (first..=last.max(first))
        .map(|l| line_at(note, starts.start_of(l)).content)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The table and body row on 1-based `line`.
fn row_at<'t>(
    note: &str,
    starts: &LineStarts,
    tables: &'t [Table],
    line: usize,
) -> Option<(&'t Table, usize)> {
    tables.iter().find_map(|t| {
        t.rows
            .iter()
            .position(|r| starts.line_of(note, r.span.start) == line)
            .map(|row| (t, row))
    })
}

/// A row's labels (its table's columns) and values (its cells as written).
/// Cells past the header's columns are not shown (no reader shows them) and
/// an edit leaves them as they are.
fn row_values(table: &Table, row: usize) -> (Vec<String>, Vec<String>) {
    let cells = table.rows.get(row).map_or(&[][..], |r| r.cells.as_slice());
    let count = table.columns().max(1);
    let labels = (0..count)
        .map(|i| {
            table
                .header
                .cells
                .get(i)
                .map(|c| c.text.clone())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| format!("Column {}", i + 1))
        })
        .collect();
    let values = (0..count)
        .map(|i| cells.get(i).map(|c| c.text.clone()).unwrap_or_default())
        .collect();
    (labels, values)
}

/// Where an item's text starts on its line (after the quote prefix, the list
/// marker and any checkbox), and whether it is a checklist item.
fn item_body(line: &str) -> Option<(usize, bool)> {
    let lead = line.len() - line.trim_start_matches([' ', '\t', '>']).len();
    let rest = line.get(lead..)?;
    let marker = if rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ ") {
        2
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = rest.get(digits..)?;
        if digits == 0 || !(after.starts_with(". ") || after.starts_with(") ")) {
            return None;
        }
        digits + 2
    };
    let mut at = lead + marker;
    let body = line.get(at..)?;
    at += body.len() - body.trim_start().len();
    let body = line.get(at..)?;
    let is_task = ["[ ]", "[x]", "[X]", "[/]", "[-]", "[>]"]
        .iter()
        .any(|m| body.starts_with(m));
    if is_task {
        at += 3;
        let after = line.get(at..)?;
        at += after.len() - after.trim_start().len();
    }
    Some((at, is_task))
}

/// An item's lead and the rest: a bold lead (`**Title** — description`,
/// `**Label:** text`), or the text before ` — `, ` – ` or `: `
/// (`Pat Kim — Global CIO`). The name, what joins it to the rest, and the rest.
struct Lead<'a> {
    /// Whether the name is bold.
    bold: bool,
    /// After the name inside the bold (a `:` written inside it), kept.
    inner_tail: &'a str,
    name: &'a str,
    joiner: &'a str,
    rest: &'a str,
}

fn lead(body: &str) -> Option<Lead<'_>> {
    let Some(inner_and_more) = body.strip_prefix("**") else {
        let (at, sep) = [" — ", " – ", ": "]
            .iter()
            .filter_map(|sep| body.find(sep).map(|at| (at, *sep)))
            .min()?;
        let name = body.get(..at)?;
        let rest = body.get(at + sep.len()..)?;
        return (!name.trim().is_empty() && !rest.trim().is_empty()).then_some(Lead {
            bold: false,
            inner_tail: "",
            name,
            joiner: sep,
            rest,
        });
    };
    let close = inner_and_more.find("**")?;
    let inner = inner_and_more.get(..close)?;
    let after = inner_and_more.get(close + 2..)?;
    let name = inner.trim_end_matches([':', ' ']);
    let inner_tail = inner.get(name.len()..)?;
    let rest = after.trim_start_matches([' ', ':', '—', '–', '-', ',']);
    let joiner = after.get(..after.len() - rest.len())?;
    Some(Lead {
        bold: true,
        inner_tail,
        name,
        joiner,
        rest,
    })
}

/// An item's labels and values: its lead's name and the rest in a section of
/// entries (a win's title and description), else the whole text.
fn item_values(section: &str, shape: Shape, body: &str) -> (Vec<String>, Vec<String>) {
    let q = for_section(section);
    let first_label = q
        .and_then(|q| q.fields.get(usize::from(section == "wins")))
        .map_or("Entry", |f| f.label);
    if shape == Shape::Entries {
        if let Some(lead) = lead(body) {
            let detail = if section == "wins" {
                "Description"
            } else {
                "Detail"
            };
            return (
                vec![first_label.to_string(), detail.to_string()],
                vec![lead.name.to_string(), lead.rest.to_string()],
            );
        }
        return (vec!["Entry".to_string()], vec![body.to_string()]);
    }
    (vec![first_label.to_string()], vec![body.to_string()])
}

/// The answer pre-filled for editing an entry: its values, joined as an
/// answer is typed (`Pat Kim | Global CIO`).
pub fn draft(entry: &WalkEntry) -> String {
    if entry.values.len() <= 1 {
        return entry.values.first().cloned().unwrap_or_default();
    }
    let mut values = entry.values.clone();
    while values.len() > 1 && values.last().is_some_and(String::is_empty) {
        values.pop();
    }
    values.join(" | ")
}

/// The entry's new values from an edit: `Label: value` lines change those
/// values only (an empty value clears one); otherwise the values in order,
/// split by `|` (or a tab, a dash, a comma), and the values left out stay.
pub fn new_values(entry: &WalkEntry, answer: &str) -> Vec<String> {
    let mut values = entry.values.clone();
    let pieces: Vec<&str> = answer
        .lines()
        .flat_map(|l| l.split(';'))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let labelled: Vec<(usize, String)> = pieces
        .iter()
        .filter_map(|p| {
            let (label, value) = p.split_once(':')?;
            let label = label.trim().trim_matches('*').trim().to_lowercase();
            let at = entry
                .labels
                .iter()
                .position(|l| l.to_lowercase() == label)?;
            Some((at, value.trim().to_string()))
        })
        .collect();
    if !labelled.is_empty() && labelled.len() == pieces.len() && entry.labels.len() > 1 {
        for (at, value) in labelled {
            if let Some(slot) = values.get_mut(at) {
                *slot = value;
            }
        }
        return values;
    }
    let text = crate::coach::reader::joined(answer);
    if entry.values.len() <= 1 {
        return vec![text];
    }
    for (slot, value) in values
        .iter_mut()
        .zip(split_values(&text, entry.values.len()))
    {
        *slot = value;
    }
    values
}

/// Splits an entry typed on one line into at most `n` values: on unescaped
/// `|` when there is one, else as [`crate::coach::reader`] splits entries.
fn split_values(text: &str, n: usize) -> Vec<String> {
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if c == '|' && !escaped {
            pipes.push(i);
        }
        escaped = c == '\\' && !escaped;
    }
    if pipes.is_empty() {
        return crate::coach::reader::parts(text, n);
    }
    let mut out = Vec::new();
    let mut from = 0;
    for at in pipes {
        if out.len() + 1 == n {
            break;
        }
        out.push(text.get(from..at).unwrap_or("").trim().to_string());
        from = at + 1;
    }
    out.push(text.get(from..).unwrap_or("").trim().to_string());
    out
}

/// The reading an edit shows: each new value under its label.
pub fn reading(entry: &WalkEntry, values: &[String]) -> Reading {
    Reading {
        fields: entry
            .labels
            .iter()
            .zip(values)
            .map(|(label, value)| FieldValue {
                field: label.to_lowercase(),
                label: label.clone(),
                value: value.clone(),
            })
            .collect(),
        ..Reading::default()
    }
}

/// The note with `entry` (as it is in `note` now) holding `values`: a row's
/// changed cells, or an item's text after its marker.
pub fn replace(note: &str, entry: &WalkEntry, values: &[String]) -> CoreResult<String> {
    let edits: Vec<TextEdit> = match entry.form {
        EntryForm::Row => {
            let tables = tables_in(note, Span::new(0, note.len()));
            let (table, row) =
                row_at(note, &LineStarts::new(note), &tables, entry.line).ok_or_else(gone)?;
            let cells: Vec<Option<String>> = values.iter().map(|v| Some(v.clone())).collect();
            update_row(note, table, row, &cells)?
        }
        EntryForm::Bullet | EntryForm::Task => {
            let line = line_at(note, line_start_of(note, entry.line));
            let (at, _) = item_body(line.content).ok_or_else(gone)?;
            let body = line.content.get(at..).unwrap_or("");
            let new = match (lead(body), values) {
                (Some(lead), [name, detail]) if entry.values.len() == 2 => {
                    let joiner = if lead.joiner.is_empty() || lead.rest.is_empty() {
                        if lead.inner_tail.contains(':') {
                            " "
                        } else {
                            " — "
                        }
                    } else {
                        lead.joiner
                    };
                    let detail = crate::edit::lines::one_line(detail);
                    let name = if lead.bold {
                        format!(
                            "**{}{}**",
                            crate::edit::lines::one_line(name),
                            lead.inner_tail
                        )
                    } else {
                        one_line_at_start(name)
                    };
                    if detail.is_empty() {
                        name
                    } else {
                        format!("{name}{joiner}{detail}")
                    }
                }
                _ => one_line_at_start(&values.join(" ")),
            };
            vec![TextEdit::replace(
                note,
                Span::new(line.start + at, line.start + line.content.len()),
                new,
            )]
        }
    };
    Ok(match apply(note, &edits)? {
        Applied::Changed(text) => text,
        Applied::Unchanged => note.to_string(),
    })
}

/// The note without `entry`: its row, or its lines.
pub fn remove(note: &str, entry: &WalkEntry) -> CoreResult<String> {
    let edit = match entry.form {
        EntryForm::Row => {
            let tables = tables_in(note, Span::new(0, note.len()));
            let (table, row) =
                row_at(note, &LineStarts::new(note), &tables, entry.line).ok_or_else(gone)?;
            remove_row(note, table, row)?
        }
        EntryForm::Bullet | EntryForm::Task => {
            let start = line_start_of(note, entry.line);
            let last = line_at(note, line_start_of(note, entry.end_line));
            let (start, end) = if last.has_ending() || start == 0 {
                (start, last.end)
            } else {
                // The note's last line: the break before it goes with it.
                let before = note.get(..start).unwrap_or("");
                let ending = if before.ends_with("\r\n") { 2 } else { 1 };
                (start.saturating_sub(ending), last.end)
            };
            TextEdit::replace(note, Span::new(start, end), "")
        }
    };
    Ok(match apply(note, &[edit])? {
        Applied::Changed(text) => text,
        Applied::Unchanged => note.to_string(),
    })
}

fn gone() -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        "That entry is not in the note any more; choose again for the entry shown now.",
    )
}

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;
