//! Carry-forward in the goals note, the session logs' convention applied to
//! the cascade: an unfinished weekly action moves into the next week (done
//! by the weekly review), an unfinished milestone into the next month (done
//! by the monthly review).
//!
//! The old checkbox is marked `[>]` (forwarded, as the Tasks plugin reads
//! it) and a copy is added under the next period's heading with
//! `[carried:: N+1]`; the heading is created (after the old one) when
//! missing. Items carried three or more times are flagged so the review asks
//! whether to keep, re-scope or drop them.
//!
//! Invariants:
//! - Edits are one status character per old item and one insertion of whole
//!   lines; every other byte of the note stays.
//! - Idempotent: a forwarded item is no longer open, so a second run of the
//!   same review carries nothing; an item whose open copy is already in the
//!   next period is only marked.
//! - Across a planning year the copy goes into next year's goals note when
//!   it exists ([`carry_between`]); otherwise the item is reported as left
//!   open, and the first review in the new year collects it from last
//!   year's note.

use serde::{Deserialize, Serialize};

use crate::edit::TextEdit;
use crate::goals::edits::add_to_period;
use crate::goals::model::{display_text, part_section, read, Item, ItemState, Part};
use crate::log::threads::{split_carried, with_carried};
use crate::note::outline::sections;
use crate::periods::{FiscalYear, Period, PeriodKind};

/// Items carried this many times or more are flagged for keep, re-scope or drop.
pub const FLAG_AT: u32 = 3;

/// One item carried forward (or left open).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Carried {
    /// The item's text for people (no tags, no count).
    pub text: String,
    /// The goals it serves.
    pub goals: Vec<String>,
    /// The period it was in.
    pub from: Period,
    /// The period it moves to.
    pub to: Period,
    /// Its carried count after this move.
    pub carried: u32,
    /// Carried [`FLAG_AT`] times or more: keep, re-scope or drop?
    pub flagged: bool,
    /// False when it did not move: kept or dropped by the person, or its next
    /// period is in next year's goals note.
    pub moved: bool,
    /// What the person decided (carry unless they said keep or drop).
    pub decision: Decision,
}

/// What happens to an unfinished item at a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Move it into the next period with its count raised (the default).
    #[default]
    Carry,
    /// Leave it open where it is.
    Keep,
    /// Cancel it (`[-]`).
    Drop,
}

/// The person's decisions, by the item's text as [`Carried::text`] gives it;
/// an item not named is carried.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Decisions {
    /// Items to leave open where they are.
    pub keep: Vec<String>,
    /// Items to cancel.
    pub drop: Vec<String>,
    /// Items an earlier review left where they are (its `kept:`), by period
    /// and text: not asked about again.
    #[serde(skip)]
    pub left: Vec<(Period, String)>,
}

impl Decisions {
    /// The decision for an item's text (drop wins over keep if both name it).
    pub fn of(&self, text: &str) -> Decision {
        let named = |list: &[String]| list.iter().any(|t| t.trim() == text.trim());
        if named(&self.drop) {
            Decision::Drop
        } else if named(&self.keep) {
            Decision::Keep
        } else {
            Decision::Carry
        }
    }
}

/// What carrying forward does to the goals note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Carry {
    /// The edits to the goals note (empty when nothing moves).
    pub edits: Vec<TextEdit>,
    /// Every unfinished item, moved or left open.
    pub items: Vec<Carried>,
}

/// Carries the unfinished items of `from` (weeks or months, oldest first)
/// into the period after `last` (the reviewed period), within one note.
/// When that period is outside the note's `year`, items are only reported
/// (see [`carry_between`] to carry them into next year's note).
pub fn carry_forward(
    goals_text: &str,
    from: &[Period],
    last: Period,
    year: Option<i32>,
    fiscal: FiscalYear,
    decisions: &Decisions,
) -> Carry {
    let to = last.next(fiscal);
    let in_note = year.is_none_or(|y| Period::Year { year: y }.contains(to.anchor(fiscal), fiscal));
    let (mut carry, lines) = select(goals_text, from, last, fiscal, decisions, in_note);
    if in_note {
        carry
            .edits
            .extend(insert(goals_text, last.kind(), to, &lines));
    }
    carry
}

/// Carries the unfinished items of `from` in `source` into the period after
/// `last` in another note, `target` (next year's goals note, or this year's
/// for items left in last year's): the `[>]` edits are on `source` (in the
/// returned [`Carry`]), the copies are the second value's edits on `target`.
pub fn carry_between(
    source: &str,
    target: &str,
    from: &[Period],
    last: Period,
    fiscal: FiscalYear,
    decisions: &Decisions,
) -> (Carry, Vec<TextEdit>) {
    let to = last.next(fiscal);
    let (carry, lines) = select(source, from, last, fiscal, decisions, true);
    let already: Vec<String> = items_of(&read(target), last.kind())
        .iter()
        .filter(|i| i.period == to && i.state == ItemState::Open)
        .map(|i| display_text(&i.raw))
        .collect();
    let lines: Vec<String> = lines
        .into_iter()
        .filter(|l| !already.contains(&display_text(l)))
        .collect();
    let target_edits = insert(target, last.kind(), to, &lines);
    (carry, target_edits)
}

pub(crate) fn items_of(note: &crate::goals::model::GoalsNote, kind: PeriodKind) -> Vec<Item> {
    match kind {
        PeriodKind::Week => note.actions.clone(),
        PeriodKind::Month => note.milestones.clone(),
        _ => Vec::new(),
    }
}

pub(crate) fn insert(text: &str, kind: PeriodKind, to: Period, lines: &[String]) -> Vec<TextEdit> {
    let part = match kind {
        PeriodKind::Week => Part::WeeklyActions,
        PeriodKind::Month => Part::MonthlyMilestones,
        _ => return Vec::new(),
    };
    if lines.is_empty() {
        return Vec::new();
    }
    let all = sections(text);
    part_section(&all, part)
        .map(|part| add_to_period(text, &all, part, to, lines))
        .into_iter()
        .collect()
}

/// The decisions on `source`'s unfinished items of `from`: the status edits
/// and what is reported, and the lines to add to the next period (when
/// `movable`; an item whose open copy is already there is only marked).
pub(crate) fn select(
    source: &str,
    from: &[Period],
    last: Period,
    fiscal: FiscalYear,
    decisions: &Decisions,
    movable: bool,
) -> (Carry, Vec<String>) {
    let note = read(source);
    let items = items_of(&note, last.kind());
    let to = last.next(fiscal);
    let already: Vec<String> = items
        .iter()
        .filter(|i| i.period == to && i.state == ItemState::Open)
        .map(|i| display_text(&i.raw))
        .collect();
    let open: Vec<&Item> = items
        .iter()
        .filter(|i| from.contains(&i.period) && i.state == ItemState::Open)
        .filter(|i| {
            !decisions
                .left
                .iter()
                .any(|(p, t)| *p == i.period && t.trim() == i.text.trim())
        })
        .collect();
    let mut carry = Carry::default();
    let mut lines = Vec::new();
    for item in open {
        let decision = decisions.of(&item.text);
        if decision != Decision::Carry {
            if decision == Decision::Drop {
                carry
                    .edits
                    .push(TextEdit::replace(source, item.status_span, "-"));
            }
            carry.items.push(Carried {
                text: item.text.clone(),
                goals: item.goals.clone(),
                from: item.period,
                to: item.period,
                carried: item.carried,
                flagged: false,
                moved: false,
                decision,
            });
            continue;
        }
        let count = item.carried + 1;
        carry.items.push(Carried {
            text: item.text.clone(),
            goals: item.goals.clone(),
            from: item.period,
            to,
            carried: count,
            flagged: count >= FLAG_AT,
            moved: movable,
            decision,
        });
        if !movable {
            continue;
        }
        carry
            .edits
            .push(TextEdit::replace(source, item.status_span, ">"));
        if !already.contains(&display_text(&item.raw)) {
            let (base, _) = split_carried(&item.raw);
            lines.push(with_carried(&base, count));
        }
    }
    (carry, lines)
}
