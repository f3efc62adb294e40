//! Entries already in a section: an answer that names one edits it rather
//! than adding a second copy, and `remove NAME` removes it. An entry is named
//! by its first value (a person, a risk, a skill) or, for a win, its title.

use super::writers::Draft;
use crate::error::CoreResult;
use crate::note::aliases::normalize;
use crate::note::lines::lines_in;
use crate::note::tables::tables_in;
use crate::ops::{Operation, RowRef};

/// The tables a section's entries live in (the network's four kinds).
fn homes(section: &str) -> Vec<&str> {
    match section {
        "network" => vec!["sponsors", "mentors", "advisors", "mentees"],
        "external_visibility" => vec!["visibility_targets"],
        other => vec![other],
    }
}

/// Whether the first table of `kind` has a row whose first cell is `key`.
fn has_row(draft: &mut Draft, kind: &str, key: &str) -> CoreResult<bool> {
    let home = draft.section(kind)?;
    Ok(tables_in(&draft.text, home.body_span)
        .first()
        .is_some_and(|t| {
            t.rows.iter().any(|r| {
                r.cells
                    .first()
                    .is_some_and(|c| normalize(&c.text) == normalize(key))
            })
        }))
}

/// Updates the row named like `cells[0]` with the values given (empty ones
/// keep the cell). False when there is no such row.
pub(super) fn update_row(draft: &mut Draft, kind: &str, cells: &[String]) -> CoreResult<bool> {
    let Some(key) = cells.first().filter(|k| !k.trim().is_empty()) else {
        return Ok(false);
    };
    if !has_row(draft, kind, key)? {
        return Ok(false);
    }
    let home = draft.section(kind)?;
    draft.op(&Operation::TableUpdateRow {
        section: home.path.clone(),
        table: 0,
        row: RowRef::Key(key.clone()),
        cells: cells
            .iter()
            .map(|c| (!c.trim().is_empty()).then(|| c.clone()))
            .collect(),
        set: Default::default(),
    })?;
    Ok(true)
}

/// The win bullet titled `title` anywhere under Wins, replaced by `bullet`.
/// False when there is none.
pub(super) fn replace_win(draft: &mut Draft, title: &str, bullet: &str) -> CoreResult<bool> {
    if title.trim().is_empty() {
        return Ok(false);
    }
    let wins = draft.section("wins")?;
    let text = draft.text.clone();
    let wanted = normalize(title);
    let found = lines_in(&text, wins.body_span).find(|l| {
        l.content
            .strip_prefix("- **")
            .and_then(|rest| rest.split_once("**"))
            .is_some_and(|(t, _)| normalize(t) == wanted)
    });
    let Some(line) = found else {
        return Ok(false);
    };
    let new = format!("- {bullet}");
    if line.content != new {
        let edit = crate::edit::TextEdit::replace(&text, line.content_span(), new);
        draft.edits(&[edit])?;
    }
    Ok(true)
}

/// Removes the entry named `key` (a table row, or a win by its title).
/// False when the section has no entry by that name.
pub(super) fn remove(draft: &mut Draft, section: &str, key: &str) -> CoreResult<bool> {
    if section == "wins" {
        let wins = draft.section("wins")?;
        let text = draft.text.clone();
        let wanted = normalize(key);
        let found = lines_in(&text, wins.body_span).find(|l| {
            l.content
                .strip_prefix("- **")
                .and_then(|rest| rest.split_once("**"))
                .is_some_and(|(t, _)| normalize(t) == wanted)
        });
        return match found {
            Some(line) => {
                let edit = crate::edit::TextEdit::replace(&text, line.span(), "");
                draft.edits(&[edit])?;
                Ok(true)
            }
            None => Ok(false),
        };
    }
    for kind in homes(section) {
        if has_row(draft, kind, key)? {
            let home = draft.section(kind)?;
            draft.op(&Operation::TableRemoveRow {
                section: home.path.clone(),
                table: 0,
                row: RowRef::Key(key.to_string()),
            })?;
            return Ok(true);
        }
    }
    Ok(false)
}
