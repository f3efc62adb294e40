//! Which reviews are due, read from the reviews that exist.
//!
//! Reviews are recognised by their frontmatter, never by file name: a review
//! note has `type: weekly-review` (or `monthly-`, `quarterly-`,
//! `annual-review`) and `period: 2026-W03`, and a catch-up review lists the
//! periods it also covered under `covers:`. A Periodic Notes note that holds
//! a career review has `career_review: weekly-review` and
//! `career_period: 2026-W03` instead.
//!
//! When a review becomes due (and then stays due until done):
//!
//! - a week's on its Friday;
//! - a month's in its last 3 days;
//! - a quarter's in its last 7 days;
//! - a year's in its last 17 days (from Dec 15 with a calendar year).
//!
//! Forgiving: after missed periods, ONE catch-up review is offered, whose
//! `period` is the newest due period and whose `covers` lists every period
//! missed since the last review. With no review of a kind ever, nothing is
//! owed from before the person started: only the newest due period is
//! offered, and only while it is fresh (until 3 days after a week ends, 7
//! after a month, 14 after a quarter, 31 after a year), so someone who starts
//! in November is not told last year's annual review is due.

use serde::{Deserialize, Serialize};

use crate::dates::Day;
use crate::note::frontmatter::{frontmatter, Value};
use crate::periods::{FiscalYear, Period, PeriodKind};

/// The kinds of review, shortest period first.
pub const KINDS: [PeriodKind; 4] = [
    PeriodKind::Week,
    PeriodKind::Month,
    PeriodKind::Quarter,
    PeriodKind::Year,
];

/// A review that exists, as its frontmatter says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExistingReview {
    /// The note's vault path.
    pub path: String,
    /// The period reviewed.
    pub period: Period,
    /// Every period the review covered (its `period` included).
    #[serde(default)]
    pub covers: Vec<Period>,
}

impl ExistingReview {
    /// Whether this review covered `period`.
    pub fn covered(&self, period: Period) -> bool {
        self.period == period || self.covers.contains(&period)
    }

    /// The note's name, for links: the path's last segment without `.md`.
    pub fn name(&self) -> &str {
        let file = self.path.rsplit('/').next().unwrap_or(&self.path);
        file.strip_suffix(".md").unwrap_or(file)
    }
}

/// A review that is due now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Due {
    /// Which kind of review.
    pub kind: PeriodKind,
    /// The period to review now: the newest one due.
    pub period: Period,
    /// Every missed period the review catches up, oldest first (`period` last).
    pub covers: Vec<Period>,
    /// The day the oldest covered period's review became due.
    pub since: String,
    /// For people: "Weekly review due", "Weekly review: catch up 3 weeks".
    pub label: String,
}

/// `weekly-review`, `monthly-review`, `quarterly-review`, `annual-review`.
pub fn review_type(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Week => "weekly-review",
        PeriodKind::Month => "monthly-review",
        PeriodKind::Quarter => "quarterly-review",
        PeriodKind::Year => "annual-review",
    }
}

fn kind_of_type(text: &str) -> Option<PeriodKind> {
    KINDS.into_iter().find(|&k| review_type(k) == text.trim())
}

/// The reviews among `notes` (vault path, text), by their frontmatter.
pub fn reviews_in(notes: &[(String, String)]) -> Vec<ExistingReview> {
    notes
        .iter()
        .filter_map(|(path, text)| review_of(path, text))
        .collect()
}

/// The review a note holds, if its frontmatter says it is one.
pub fn review_of(path: &str, text: &str) -> Option<ExistingReview> {
    let front = frontmatter(text)?;
    let scalar = |key: &str| match &front.get(key)?.value {
        Value::Scalar(s) => Some(s.clone()),
        _ => None,
    };
    let (kind, period) = match (scalar("type"), scalar("period")) {
        (Some(t), Some(p)) if kind_of_type(&t).is_some() => (kind_of_type(&t)?, p),
        _ => (
            kind_of_type(&scalar("career_review")?)?,
            scalar("career_period")?,
        ),
    };
    let period = Period::parse(&period).ok().filter(|p| p.kind() == kind)?;
    let mut covers: Vec<Period> = match front.get("covers").map(|k| &k.value) {
        Some(Value::List(items)) => items.iter().filter_map(|i| Period::parse(i).ok()).collect(),
        Some(Value::Scalar(s)) => Period::parse(s).ok().into_iter().collect(),
        _ => Vec::new(),
    };
    covers.retain(|p| p.kind() == kind);
    if !covers.contains(&period) {
        covers.push(period);
    }
    covers.sort();
    Some(ExistingReview {
        path: path.to_string(),
        period,
        covers,
    })
}

/// The day a period's review becomes due (see the module's rules).
pub fn due_from(period: Period, fiscal: FiscalYear) -> Day {
    match period {
        Period::Week { .. } => period.first_day(fiscal).add_days(4),
        Period::Month { .. } => period.last_day(fiscal).add_days(-2),
        Period::Quarter { .. } => period.last_day(fiscal).add_days(-6),
        Period::Year { .. } => period.last_day(fiscal).add_days(-16),
    }
}

/// The newest period of `kind` whose review is due on `today`.
pub fn newest_due(kind: PeriodKind, today: Day, fiscal: FiscalYear) -> Period {
    let current = Period::containing(kind, today, fiscal);
    if today >= due_from(current, fiscal) {
        current
    } else {
        current.previous(fiscal)
    }
}

/// Days after a period's end during which a first-ever review of it is still offered.
fn grace(kind: PeriodKind) -> i64 {
    match kind {
        PeriodKind::Week => 3,
        PeriodKind::Month => 7,
        PeriodKind::Quarter => 14,
        PeriodKind::Year => 31,
    }
}

/// A catch-up never lists more periods than this (a decade of weeks and more).
const MAX_COVERED: usize = 600;

/// The reviews due on `today`: at most one per kind.
pub fn due(today: Day, fiscal: FiscalYear, reviews: &[ExistingReview]) -> Vec<Due> {
    KINDS
        .into_iter()
        .filter_map(|kind| due_of(kind, today, fiscal, reviews))
        .collect()
}

fn due_of(
    kind: PeriodKind,
    today: Day,
    fiscal: FiscalYear,
    reviews: &[ExistingReview],
) -> Option<Due> {
    let newest = newest_due(kind, today, fiscal);
    if newest.in_range(fiscal).is_err() || newest.next(fiscal).in_range(fiscal).is_err() {
        // No review of it could be written (its label would not be four digits).
        return None;
    }
    let reviewed: Vec<Period> = reviews
        .iter()
        .flat_map(|r| r.covers.iter().copied().chain([r.period]))
        .filter(|p| p.kind() == kind && *p <= newest)
        .collect();
    if reviewed.contains(&newest) {
        return None;
    }
    if reviewed.is_empty() && today > newest.last_day(fiscal).add_days(grace(kind)) {
        return None;
    }
    let mut covers = Vec::new();
    if let Some(last) = reviewed.iter().max() {
        let mut p = last.next(fiscal);
        while p <= newest && covers.len() < MAX_COVERED {
            covers.push(p);
            p = p.next(fiscal);
        }
    }
    if covers.last() != Some(&newest) {
        covers = vec![newest];
    }
    let since = covers
        .first()
        .map_or(due_from(newest, fiscal), |p| due_from(*p, fiscal));
    Some(Due {
        kind,
        period: newest,
        label: label(kind, covers.len()),
        covers,
        since: since.iso(),
    })
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn label(kind: PeriodKind, count: usize) -> String {
    let adjective = capitalized(kind.adjective());
    if count <= 1 {
        return format!("{adjective} review due");
    }
    let unit = match kind {
        PeriodKind::Week => "weeks",
        PeriodKind::Month => "months",
        PeriodKind::Quarter => "quarters",
        PeriodKind::Year => "years",
    };
    format!("{adjective} review: catch up {count} {unit}")
}

/// One line for a status bar: the one review's label, or "N reviews due".
pub fn status_line(due: &[Due]) -> Option<String> {
    match due {
        [] => None,
        [one] => Some(one.label.clone()),
        many => Some(format!("{} reviews due", many.len())),
    }
}

/// The theme an annual review of the year before `year` chose for `year`
/// (its frontmatter `next_theme`): where the next goal cascade starts when the
/// Career Index has no theme for that year yet. The newest such review wins.
pub fn planned_theme(year: i32, notes: &[(String, String)]) -> Option<String> {
    let previous = Period::Year { year: year - 1 };
    notes
        .iter()
        .filter(|(path, text)| review_of(path, text).is_some_and(|r| r.period == previous))
        .filter_map(
            |(_, text)| match &frontmatter(text)?.get("next_theme")?.value {
                Value::Scalar(theme) if !theme.trim().is_empty() => Some(theme.trim().to_string()),
                _ => None,
            },
        )
        .next_back()
}
