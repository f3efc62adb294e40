//! Turning an [`Operation`] into [`TextEdit`]s against a note's current text,
//! operation by operation, with the refusals each one needs (a missing section,
//! a row that is not there, headings that a body would smuggle in).

use super::{Operation, RowRef};

use crate::dates::Day;
use crate::edit::section::{self, InsertAt};
use crate::edit::{self, TextEdit};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::normalize;
use crate::note::frontmatter::content_start;
use crate::note::lines::find_byte;
use crate::note::outline::{self, Section};
use crate::note::tables::{tables_in, Table};
use crate::note::tasks::tasks_in;
use crate::settings::Settings;
use crate::templates::plan::{plan_note, PlanAction};

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
pub(super) fn plan_with(
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
