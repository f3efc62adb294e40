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
//! - An item is not carried across the goals note's year (into next year's
//!   note); it is reported as left open instead.

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
/// into the period after `last` (the reviewed period).
pub fn carry_forward(
    goals_text: &str,
    from: &[Period],
    last: Period,
    year: Option<i32>,
    fiscal: FiscalYear,
    decisions: &Decisions,
) -> Carry {
    let note = read(goals_text);
    let kind = last.kind();
    let (part, items) = match kind {
        PeriodKind::Week => (Part::WeeklyActions, &note.actions),
        PeriodKind::Month => (Part::MonthlyMilestones, &note.milestones),
        _ => return Carry::default(),
    };
    let to = last.next(fiscal);
    let in_note = year.is_none_or(|y| Period::Year { year: y }.contains(to.anchor(fiscal), fiscal));
    let already: Vec<String> = items
        .iter()
        .filter(|i| i.period == to && i.state == ItemState::Open)
        .map(|i| display_text(&i.raw))
        .collect();
    let open: Vec<&Item> = items
        .iter()
        .filter(|i| from.contains(&i.period) && i.state == ItemState::Open)
        .collect();
    let mut carry = Carry::default();
    let mut lines = Vec::new();
    for item in open {
        let decision = decisions.of(&item.text);
        if decision != Decision::Carry {
            if decision == Decision::Drop {
                carry
                    .edits
                    .push(TextEdit::replace(goals_text, item.status_span, "-"));
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
            moved: in_note,
            decision,
        });
        if !in_note {
            continue;
        }
        carry
            .edits
            .push(TextEdit::replace(goals_text, item.status_span, ">"));
        if !already.contains(&display_text(&item.raw)) {
            let (base, _) = split_carried(&item.raw);
            lines.push(with_carried(&base, count));
        }
    }
    if !lines.is_empty() {
        let all = sections(goals_text);
        if let Some(part) = part_section(&all, part) {
            carry
                .edits
                .push(add_to_period(goals_text, &all, part, to, &lines));
        }
    }
    carry
}
