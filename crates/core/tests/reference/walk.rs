//! As it was before the whole-note reading (commit 645e324), for the
//! equivalence tests only: see `crates/core/tests/blindspots_agree.rs`.
//!
//! `coach::walk::entries` and the helpers it calls.
use career_core::coach::questions::{for_section, Shape};
use career_core::coach::walk::{EntryForm, WalkEntry};
use career_core::coach::writers::find_kind;
use career_core::note::aliases::kind_of;
use career_core::note::lines::{line_at, line_start_of};
use career_core::note::outline::sections;
use career_core::note::tables::{tables_in, Table};
use career_core::Span;

use crate::reference::readers::{self, line_of, Form};

/// The canonical kinds whose subsections hold a question's entries.
fn own_kinds(section: &str) -> &'static [&'static str] {
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
    let Some(q) = for_section(section) else {
        return Vec::new();
    };
    if !matches!(q.shape, Shape::Entries | Shape::Items) {
        return Vec::new();
    }
    let Some(home) = find_kind(note, section) else {
        return Vec::new();
    };
    let owned = own_kinds(section);
    let foreign: Vec<Span> = sections(note)
        .into_iter()
        .filter(|s| home.body_span.contains(s.heading_span) && s.heading_span != home.heading_span)
        .filter(|s| kind_of(&s.title).is_some_and(|k| k.id != section && !owned.contains(&k.id)))
        .map(|s| Span::new(s.heading_span.start, s.body_span.end))
        .collect();
    let tables = tables_in(note, home.body_span);
    readers::entries(note, home.body_span)
        .into_iter()
        .filter(|e| e.form != Form::Paragraph && !e.is_nil())
        .filter(|e| {
            let at = line_start_of(note, e.line);
            !foreign.iter().any(|f| f.start <= at && at < f.end)
        })
        .filter_map(|e| {
            let text = lines_text(note, e.line, e.end_line);
            let (form, labels, values) = match e.form {
                Form::Row => {
                    let (table, row) = row_at(note, &tables, e.line)?;
                    let (labels, values) = row_values(table, row);
                    (EntryForm::Row, labels, values)
                }
                Form::Bullet | Form::Task { .. } => {
                    let first = line_at(note, line_start_of(note, e.line));
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

/// The lines `first..=last` (1-based) as they are in the note.
fn lines_text(note: &str, first: usize, last: usize) -> String {
    (first..=last.max(first))
        .map(|l| line_at(note, line_start_of(note, l)).content)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The table and body row on 1-based `line`.
fn row_at<'t>(note: &str, tables: &'t [Table], line: usize) -> Option<(&'t Table, usize)> {
    tables.iter().find_map(|t| {
        t.rows
            .iter()
            .position(|r| line_of(note, r.span.start) == line)
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
