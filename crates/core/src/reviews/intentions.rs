//! Writing a quarter's intention and focus into the goals note's Quarterly
//! Intentions table, cell by cell (the rest of the table and note untouched),
//! and reading what is set, so a quarterly review shows the current plan and
//! keeps it unless the person changes it.

use crate::edit::lines::one_line;
use crate::edit::table::{add_row, update_row};
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::goals::model::read;
use crate::note::aliases::normalize;
use crate::note::tables::{tables_in, Table};
use crate::periods::{FiscalYear, Period};
use serde::Serialize;

fn column(table: &Table, names: &[&str]) -> Option<usize> {
    table.header.cells.iter().position(|c| {
        let n = normalize(&c.text);
        names.iter().any(|name| n == *name || n.starts_with(name))
    })
}

/// An intention in the table's own style: quoted italics (`*"Go external"*`)
/// when the table already writes them that way, as the seed does, plain
/// words otherwise (as `career goals new` writes them).
pub fn as_written(intention: &str, quoted: bool) -> String {
    let flat = one_line(intention);
    let t = flat
        .trim_matches(['*', '_'])
        .trim_matches(['"', '“', '”'])
        .trim();
    if t.is_empty() || !quoted {
        t.to_string()
    } else {
        format!("*\"{t}\"*")
    }
}

/// Whether any intention cell of the table is in quoted italics.
fn quotes_intentions(table: &Table, at: usize) -> bool {
    table.rows.iter().any(|row| {
        row.cells.get(at).is_some_and(|c| {
            let t = c.text.trim();
            (t.starts_with("*\"") || t.starts_with("_\"")) && t.len() > 3
        })
    })
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
    let intention_at = column(&table, &["intention", "theme"]).unwrap_or(1);
    let quoted = quotes_intentions(&table, intention_at);
    let intention = intention
        .map(|i| as_written(i, quoted))
        .filter(|t| !t.is_empty());
    let focus = focus.map(one_line).filter(|t| !t.is_empty());
    if intention.is_none() && focus.is_none() {
        return Ok(Vec::new());
    }
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

/// A quarter's intention and focus as the goals note has them (blank: not set).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuarterPlan {
    /// The quarter.
    pub period: Option<Period>,
    /// Its intention, emphasis and quotes stripped.
    pub intention: String,
    /// Its focus.
    pub focus: String,
}

/// What a quarterly review of `period` shows before asking anything: the
/// reviewed quarter's plan and next quarter's (from next year's goals note
/// when the next quarter starts a new planning year).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuarterContext {
    /// The reviewed quarter's intention and focus.
    pub reviewed: QuarterPlan,
    /// Next quarter's, as set so far.
    pub next: QuarterPlan,
}

/// The plan of `quarter` as set in a goals note's text.
pub fn plan_of(goals_text: Option<&str>, quarter: Period) -> QuarterPlan {
    let row = match quarter {
        Period::Quarter { quarter: q, .. } => goals_text.and_then(|t| read(t).quarter(q).cloned()),
        _ => None,
    };
    QuarterPlan {
        period: Some(quarter),
        intention: row
            .as_ref()
            .map(|r| as_written(&r.intention, false))
            .unwrap_or_default(),
        focus: row.map(|r| one_line(&r.focus)).unwrap_or_default(),
    }
}

/// The reviewed and next quarter's plans: `goals_text` is the reviewed
/// quarter's goals note, `next_goals_text` next year's.
pub fn quarter_context(
    period: Period,
    fiscal: FiscalYear,
    goals_text: Option<&str>,
    next_goals_text: Option<&str>,
) -> QuarterContext {
    let next = period.next(fiscal);
    let same_year =
        crate::reviews::goals_year(next, fiscal) == crate::reviews::goals_year(period, fiscal);
    QuarterContext {
        reviewed: plan_of(goals_text, period),
        next: plan_of(
            if same_year {
                goals_text
            } else {
                next_goals_text
            },
            next,
        ),
    }
}

/// An answer that changes what is set: `None` when blank or the same words
/// (emphasis, quotes, case and spacing aside).
pub fn changed(answer: Option<&str>, current: &str) -> Option<String> {
    let answer = answer
        .map(|a| as_written(a, false))
        .filter(|a| !a.is_empty())?;
    (normalize(&answer) != normalize(&as_written(current, false))).then_some(answer)
}

#[cfg(test)]
mod style_tests {
    use super::*;
    use crate::edit::{apply, Applied};

    fn written(note: &str) -> String {
        let edits =
            set_intention(note, 4, Some("Go external"), Some("Two talks")).unwrap_or_default();
        match apply(note, &edits) {
            Ok(Applied::Changed(text)) => text,
            _ => String::new(),
        }
    }

    #[test]
    fn an_intention_follows_the_tables_own_style() {
        let plain = "## Quarterly Intentions\n\n| Quarter | Intention | Focus |\n|---|---|---|\n| Q1 (Jan–Mar) | Stabilize the transition | Team |\n| Q4 (Oct–Dec) | | |\n";
        assert!(written(plain).contains("| Q4 (Oct–Dec) | Go external | Two talks |\n"));
        let seed = plain.replace(
            "| Stabilize the transition |",
            "| *\"Stabilize the transition\"* |",
        );
        assert!(written(&seed).contains("| Q4 (Oct–Dec) | *\"Go external\"* | Two talks |\n"));
    }
}
