//! Writing a quarter's intention and focus into the goals note's Quarterly
//! Intentions table, cell by cell (the rest of the table and note untouched).

use crate::edit::table::{add_row, update_row};
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::goals::model::read;
use crate::note::aliases::normalize;
use crate::note::tables::{tables_in, Table};

fn column(table: &Table, names: &[&str]) -> Option<usize> {
    table.header.cells.iter().position(|c| {
        let n = normalize(&c.text);
        names.iter().any(|name| n == *name || n.starts_with(name))
    })
}

/// The seed writes intentions as quoted italics: `*"Go external"*`.
pub fn as_written(intention: &str) -> String {
    let t = intention
        .trim()
        .trim_matches(['*', '_'])
        .trim_matches(['"', '“', '”'])
        .trim();
    if t.is_empty() {
        String::new()
    } else {
        format!("*\"{t}\"*")
    }
}

/// The edits setting quarter `quarter`'s intention and focus (a `None` or
/// blank answer keeps the cell); adds the `Qn` row when the table lacks it.
pub fn set_intention(
    goals_text: &str,
    quarter: u32,
    intention: Option<&str>,
    focus: Option<&str>,
) -> CoreResult<Vec<TextEdit>> {
    let note = read(goals_text);
    let table = note
        .quarters_table
        .and_then(|span| tables_in(goals_text, span).into_iter().next())
        .ok_or_else(|| {
            CoreError::new(
                ErrorCode::TableNotFound,
                "The goals note has no Quarterly Intentions table to write the next quarter into.",
            )
        })?;
    let intention = intention.map(as_written).filter(|t| !t.is_empty());
    let focus = focus
        .map(|f| f.trim().to_string())
        .filter(|t| !t.is_empty());
    if intention.is_none() && focus.is_none() {
        return Ok(Vec::new());
    }
    let intention_at = column(&table, &["intention", "theme"]).unwrap_or(1);
    let focus_at = column(&table, &["focus", "priorities"]).unwrap_or(2);
    let width = table.columns().max(intention_at.max(focus_at) + 1);
    let mut cells: Vec<Option<String>> = vec![None; width];
    if let Some(slot) = cells.get_mut(intention_at) {
        slot.clone_from(&intention);
    }
    if let Some(slot) = cells.get_mut(focus_at) {
        slot.clone_from(&focus);
    }
    match note.quarter(quarter) {
        Some(row) => update_row(goals_text, &table, row.row, &cells),
        None => {
            let mut full: Vec<String> = cells.into_iter().map(Option::unwrap_or_default).collect();
            if let Some(first) = full.first_mut() {
                *first = format!("Q{quarter}");
            }
            full.truncate(table.columns().max(1));
            Ok(vec![add_row(goals_text, &table, &full)?])
        }
    }
}
