//! Writing a confirmed answer into the Career Index, losslessly.
//!
//! Each section has a writer that turns a [`Reading`] into small operations
//! applied in turn (a labelled line set, a quote replaced, table rows added,
//! bullets and tasks added), each one an edit by span. Writers are idempotent:
//! writing the same answer twice changes the note once, so a crash between
//! writing the note and saving the session can never duplicate an answer.
//! A section the note lacks is first inserted from the template.

use crate::coach::entries;
pub use crate::coach::preview::{changes, ChangeLine};
use crate::coach::reader::Reading;
use crate::dates::Day;
use crate::edit::{apply, Applied, TextEdit};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::{kind_of, normalize};
use crate::note::lines::lines_in;
use crate::note::outline::{sections, Section};
use crate::note::placeholders::is_placeholder_line;
use crate::ops::{self, Operation, RowRef};
use crate::templates::career_index;
use crate::templates::links::LinkFormat;
use crate::templates::upgrade::insert_missing;

/// A note being changed step by step.
pub(super) struct Draft {
    pub(super) text: String,
    today: Day,
}

impl Draft {
    pub(super) fn edits(&mut self, edits: &[TextEdit]) -> CoreResult<()> {
        if let Applied::Changed(new) = apply(&self.text, edits)? {
            self.text = new;
        }
        Ok(())
    }

    pub(super) fn op(&mut self, op: &Operation) -> CoreResult<()> {
        if let Some(new) = ops::run(&self.text, op)?.text {
            self.text = new;
        }
        Ok(())
    }

    /// The first section of a canonical kind, inserting it from the template if missing.
    pub(super) fn section(&mut self, kind: &str) -> CoreResult<Section> {
        if let Some(found) = find_kind(&self.text, kind) {
            return Ok(found);
        }
        let template = career_index::sections(
            self.today,
            &format!("{} Goals", self.today.year()),
            LinkFormat::Wikilink,
        );
        let edits = insert_missing(&self.text, &template, &[kind])?;
        self.edits(&edits)?;
        find_kind(&self.text, kind).ok_or_else(|| {
            CoreError::new(
                ErrorCode::SectionNotFound,
                format!("The Career Index has no place for \"{kind}\" and one could not be added."),
            )
        })
    }
}

/// The first section whose heading names this canonical kind.
pub fn find_kind(text: &str, kind: &str) -> Option<Section> {
    sections(text)
        .into_iter()
        .find(|s| kind_of(&s.title).is_some_and(|k| k.id == kind))
}

/// Writes a confirmed reading for `section` into `note`, returning the new text.
pub fn write(note: &str, section: &str, reading: &Reading, today: Day) -> CoreResult<String> {
    let mut draft = Draft {
        text: note.to_string(),
        today,
    };
    for key in &reading.remove {
        if !entries::remove(&mut draft, section, key)? {
            // Nothing by that name: the line is kept, so nothing typed is lost.
            let home = draft.section(section)?;
            add_note(&mut draft, &home, &format!("remove {key}"))?;
        }
    }
    let entries = &reading.entries;
    let value = |id: &str| reading.get(id).map(str::to_string);
    match section {
        "vision" => {
            for (field, label) in [
                ("north_star", "North Star"),
                ("life", "Life"),
                ("role", "Role"),
                ("impact", "Impact"),
                ("reach", "Reach"),
            ] {
                if let Some(v) = value(field) {
                    let home = if field == "north_star" {
                        "vision"
                    } else {
                        "the_picture"
                    };
                    set_labeled(&mut draft, home, label, &v)?;
                }
            }
        }
        "headline" => {
            if let Some(tagline) = value("tagline") {
                set_quote(&mut draft, "headline", &tagline)?;
            }
            if let Some(link) = value("link") {
                set_link_line(&mut draft, &link)?;
            }
        }
        "annual_theme" => {
            if let Some(theme) = value("theme") {
                set_quote(
                    &mut draft,
                    "annual_theme",
                    &format!("**\"{}\"**", theme.trim_matches('"')),
                )?;
            }
        }
        "belief" => {
            if let Some(belief) = value("belief") {
                set_quote(&mut draft, "belief", &belief)?;
            }
        }
        "current_role" => {
            for (field, label) in [
                ("direct_reports", "Direct reports"),
                ("total_org", "Total org"),
                ("budget", "Budget"),
                ("focus", "Focus"),
            ] {
                if let Some(v) = value(field) {
                    let scope = draft.section("scope")?;
                    let update = Operation::TableUpdateRow {
                        section: scope.path.clone(),
                        table: 0,
                        row: RowRef::Key(label.into()),
                        cells: vec![None, Some(v.clone())],
                        set: Default::default(),
                    };
                    if draft.op(&update).is_err() {
                        add_row(&mut draft, "scope", vec![label.into(), v])?;
                    }
                }
            }
        }
        "stakeholders"
        | "timeline"
        | "skills"
        | "business_impact"
        | "risk_register"
        | "innovation_portfolio"
        | "failure_log" => {
            for entry in entries {
                add_row(&mut draft, section, entry.clone())?;
            }
        }
        "network" => {
            for entry in entries {
                let kind = match entry.get(1).map(String::as_str) {
                    Some("mentor") => "mentors",
                    Some("advisor") => "advisors",
                    Some("mentee") => "mentees",
                    _ => "sponsors",
                };
                let name = entry.first().cloned().unwrap_or_default();
                let context = entry.get(2).cloned().unwrap_or_default();
                add_row(&mut draft, kind, vec![name, context])?;
            }
        }
        "external_visibility" => {
            for entry in entries {
                let targets = draft.section("visibility_targets")?;
                let channel = entry.first().cloned().unwrap_or_default();
                let mut set = std::collections::BTreeMap::new();
                set.insert(
                    "Target".to_string(),
                    entry.get(1).cloned().unwrap_or_default(),
                );
                set.insert(
                    "Status".to_string(),
                    entry.get(2).cloned().unwrap_or_default(),
                );
                let update = Operation::TableUpdateRow {
                    section: targets.path.clone(),
                    table: 0,
                    row: RowRef::Key(channel.clone()),
                    cells: Vec::new(),
                    set,
                };
                let blank_row_for_channel = row_is_blank_but_key(&draft.text, &targets, &channel);
                if !(blank_row_for_channel && draft.op(&update).is_ok()) {
                    add_row(&mut draft, "visibility_targets", entry.clone())?;
                }
            }
        }
        "wins" => {
            for entry in entries {
                let year = entry
                    .first()
                    .cloned()
                    .unwrap_or_else(|| today.year().to_string());
                let title = entry.get(1).cloned().unwrap_or_default();
                let description = entry.get(2).cloned().unwrap_or_default();
                let bullet = if description.is_empty() {
                    format!("**{title}**")
                } else {
                    format!("**{title}** — {description}")
                };
                if !entries::replace_win(&mut draft, &title, &bullet)? {
                    let home = year_section(&mut draft, &year)?;
                    add_bullet(&mut draft, &home, &bullet)?;
                }
            }
        }
        "open_tasks" | "success_criteria" | "active_development" => {
            let tasks = draft.section(section)?;
            for item in &reading.items {
                draft.op(&Operation::TaskAdd {
                    section: tasks.path.clone(),
                    text: item.clone(),
                })?;
            }
        }
        "current_focus" => {
            for item in &reading.items {
                let home = draft.section("current_focus")?;
                add_bullet(&mut draft, &home, item)?;
            }
        }
        other => {
            return Err(CoreError::new(
                ErrorCode::InvalidInput,
                format!("There is no writer for the section \"{other}\"."),
            ));
        }
    }
    // What the reader could not place is kept, verbatim, as a line of the section.
    for kept in &reading.unplaced {
        let home = draft.section(section)?;
        add_note(&mut draft, &home, kept)?;
    }
    Ok(draft.text)
}

/// Adds a deepening answer to a section as `- **label:** answer` (once).
pub fn write_follow_up(
    note: &str,
    section: &str,
    label: &str,
    answer: &str,
    today: Day,
) -> CoreResult<String> {
    let mut draft = Draft {
        text: note.to_string(),
        today,
    };
    let home_kind = match section {
        "stakeholders" => "current_role",
        "skills" => "growth",
        "belief" => "innovation_thesis",
        other => other,
    };
    let home = draft.section(home_kind)?;
    add_note(
        &mut draft,
        &home,
        &format!("**{label}:** {}", answer.trim()),
    )?;
    Ok(draft.text)
}

fn add_row(draft: &mut Draft, kind: &str, cells: Vec<String>) -> CoreResult<()> {
    // An entry named like one already there edits it (no second copy).
    if kind != "timeline" && entries::update_row(draft, kind, &cells)? {
        return Ok(());
    }
    let home = draft.section(kind)?;
    let op = Operation::TableAddRow {
        section: home.path.clone(),
        table: 0,
        cells,
    };
    draft.op(&op)
}

fn row_is_blank_but_key(text: &str, section: &Section, key: &str) -> bool {
    crate::note::tables::tables_in(text, section.body_span)
        .first()
        .is_some_and(|t| {
            t.rows.iter().any(|r| {
                r.cells
                    .first()
                    .is_some_and(|c| normalize(&c.text) == normalize(key))
                    && r.cells.iter().skip(1).all(|c| c.text.trim().is_empty())
            })
        })
}

/// Sets the text after a bold label (`**Life:**`, `**North Star (2031):**`), or adds a bullet.
fn set_labeled(draft: &mut Draft, kind: &str, label: &str, value: &str) -> CoreResult<()> {
    let home = draft.section(kind)?;
    let needle = format!("**{label}");
    let found = lines_in(&draft.text, home.own_span()).find(|l| l.content.contains(&needle));
    match found {
        Some(line) => {
            let after_label = line.content.find(&needle).and_then(|at| {
                let rest = line.content.get(at + needle.len()..)?;
                let close = rest.find("**")?;
                Some(at + needle.len() + close + 2)
            });
            let Some(offset) = after_label else {
                return add_bullet(draft, &home, &format!("**{label}:** {value}"));
            };
            let span = crate::span::Span::new(line.start + offset, line.start + line.content.len());
            let edit = TextEdit::replace(&draft.text, span, format!(" {}", value.trim()));
            draft.edits(&[edit])
        }
        None => add_bullet(draft, &home, &format!("**{label}:** {value}")),
    }
}

/// Replaces the title block's link line (the template's prompt, or an earlier link).
fn set_link_line(draft: &mut Draft, link: &str) -> CoreResult<()> {
    let home = draft.section("headline")?;
    let is_link_line = |l: &str| {
        let t = l.trim();
        t == "[LinkedIn or portfolio link]"
            || ((t.starts_with("http") || t.starts_with("www.")) && !t.contains(' '))
    };
    let found = lines_in(&draft.text, home.own_span()).find(|l| is_link_line(l.content));
    match found {
        Some(line) => {
            let edit = TextEdit::replace(&draft.text, line.content_span(), link.trim());
            draft.edits(&[edit])
        }
        None => draft.op(&Operation::SectionAppend {
            section: home.path.clone(),
            text: link.trim().to_string(),
            position: crate::edit::section::AppendAt::BeforeSubsections,
        }),
    }
}

/// Replaces the first quote line of a section, or adds one.
fn set_quote(draft: &mut Draft, kind: &str, value: &str) -> CoreResult<()> {
    let home = draft.section(kind)?;
    let quote =
        lines_in(&draft.text, home.own_span()).find(|l| l.content.trim_start().starts_with('>'));
    match quote {
        Some(line) => {
            let edit = TextEdit::replace(
                &draft.text,
                line.content_span(),
                format!("> {}", value.trim()),
            );
            draft.edits(&[edit])
        }
        None => draft.op(&Operation::SectionAppend {
            section: home.path.clone(),
            text: format!("> {}", value.trim()),
            position: crate::edit::section::AppendAt::BeforeSubsections,
        }),
    }
}

/// The `### {year}` subsection under Wins, added before the other subsections if missing.
fn year_section(draft: &mut Draft, year: &str) -> CoreResult<Section> {
    let wins = draft.section("wins")?;
    let all = sections(&draft.text);
    let under_wins = |s: &&Section| s.path.starts_with(&format!("{}/", wins.path));
    if let Some(found) = all
        .iter()
        .filter(under_wins)
        .find(|s| s.title.trim() == year)
    {
        return Ok(found.clone());
    }
    let first_child = all.iter().find(under_wins).map(|s| s.path.clone());
    let insert = Operation::SectionInsert {
        heading: year.to_string(),
        level: Some(wins.level + 1),
        body: String::new(),
        before: first_child.clone(),
        after: if first_child.is_none() {
            Some(wins.path.clone())
        } else {
            None
        },
    };
    draft.op(&insert)?;
    sections(&draft.text)
        .into_iter()
        .find(|s| s.title.trim() == year && s.path.starts_with(&format!("{}/", wins.path)))
        .ok_or_else(|| {
            CoreError::new(
                ErrorCode::SectionNotFound,
                format!("Could not add \"{year}\" under Wins."),
            )
        })
}

/// Adds `- bullet` to a section's own list: replacing the template's
/// placeholder bullets, after the last bullet, or as a new list. Nothing if present.
fn add_bullet(draft: &mut Draft, home: &Section, bullet: &str) -> CoreResult<()> {
    let text = draft.text.clone();
    let items: Vec<_> = lines_in(&text, home.own_span())
        .filter(|l| {
            (l.content.starts_with("- ") || l.content.starts_with("* "))
                && !l
                    .content
                    .get(2..)
                    .is_some_and(|r| r.starts_with("[ ]") || r.starts_with("[x]"))
        })
        .collect();
    let wanted = normalize(bullet);
    if items
        .iter()
        .any(|l| normalize(l.content.get(2..).unwrap_or("")) == wanted)
    {
        return Ok(());
    }
    if !items.is_empty() && items.iter().all(|l| is_placeholder_line(l.content)) {
        let mut edits = Vec::new();
        for (i, line) in items.iter().enumerate() {
            if i == 0 {
                edits.push(TextEdit::replace(
                    &text,
                    line.content_span(),
                    format!("- {bullet}"),
                ));
            } else {
                edits.push(TextEdit::replace(&text, line.span(), ""));
            }
        }
        return draft.edits(&edits);
    }
    match items.last() {
        Some(last) => {
            let edit = crate::edit::lines::insert_lines(&text, last.end, &[format!("- {bullet}")]);
            draft.edits(&[edit])
        }
        None => draft.op(&Operation::SectionAppend {
            section: home.path.clone(),
            text: format!("- {bullet}"),
            position: crate::edit::section::AppendAt::BeforeSubsections,
        }),
    }
}

/// Whether a line is a thematic break (`---`, `***`, `___`), the rule that closes a section.
fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
}

/// Adds `- text` (one line) inside a section's own content, once: after its
/// last line of content (a list continues, anything else gets a blank line
/// first), so before the section's closing `---` rule and its subsections;
/// right under the heading when the section has no content of its own.
pub(super) fn add_note(draft: &mut Draft, home: &Section, text: &str) -> CoreResult<()> {
    let bullet = format!("- {}", crate::edit::lines::one_line_at_start(text));
    let current = draft.text.clone();
    let lines: Vec<_> = lines_in(&current, home.own_span()).collect();
    if lines
        .iter()
        .any(|l| normalize(l.content) == normalize(&bullet))
    {
        return Ok(());
    }
    let last = lines
        .iter()
        .rev()
        .find(|l| !l.content.trim().is_empty() && !is_rule(l.content));
    let edit = match last {
        Some(line) => {
            let in_list = line.content.starts_with("- ") || line.content.starts_with("* ");
            let new = if in_list {
                vec![bullet]
            } else {
                vec![String::new(), bullet]
            };
            crate::edit::lines::insert_lines(&current, line.end, &new)
        }
        None => {
            // Under the heading: the blank line after it stays between heading and note.
            let at = home.own_span().start;
            let blank_follows = lines.first().is_some_and(|l| l.content.trim().is_empty());
            let new = if blank_follows {
                vec![String::new(), bullet]
            } else {
                vec![String::new(), bullet, String::new()]
            };
            crate::edit::lines::insert_lines(&current, at, &new)
        }
    };
    draft.edits(&[edit])
}

#[cfg(test)]
#[path = "writers_tests.rs"]
mod tests;
