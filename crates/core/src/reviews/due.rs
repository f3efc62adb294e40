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
//! What is due can't lose a period. The person *started* on the earliest
//! `created` date of a goals note (`type: goals`), or else when their first
//! review (of any kind) became due. From then on, every period whose due
//! day is on or after the start stays due until a review covers it (its
//! `period` or `covers`) or lists it under `skipped:`. Periods before the
//! start are never due. With no start at all (no goals note, no review),
//! only the newest due period is offered, and only while it is fresh (until
//! 3 days after a week ends, 7 after a month, 14 after a quarter, 31 after a
//! year), so someone who installs the plugin in November is not told last
//! year's annual review is due.
//!
//! Forgiving: the missed periods of a kind make ONE catch-up review, whose
//! `period` is the newest missed one. A catch-up covers at most
//! [`catch_up_bound`] periods (13 weeks, 3 months, 4 quarters, 1 year: about
//! a quarter's worth of reviewing); older missed periods are listed in
//! `skipped`, and the review records them under `skipped:` so they are
//! acknowledged, never silently dropped.

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
    /// Missed periods the review acknowledged as skipped (`skipped:`).
    #[serde(default)]
    pub skipped: Vec<Period>,
    /// Unfinished items the person kept where they were (`kept:`, by text).
    #[serde(default)]
    pub kept: Vec<String>,
}

impl ExistingReview {
    /// Whether this review covered `period`.
    pub fn covered(&self, period: Period) -> bool {
        self.period == period || self.covers.contains(&period)
    }

    /// Whether this review covered `period` or listed it as skipped.
    pub fn settled(&self, period: Period) -> bool {
        self.covered(period) || self.skipped.contains(&period)
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
    /// Missed periods older than the catch-up's bound, oldest first: the
    /// review lists them as skipped.
    pub skipped: Vec<Period>,
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
    // A review note says `covers`; a review inside a periodic note, `career_covers`.
    let value = |key: &str| {
        front
            .get(key)
            .or_else(|| front.get(&format!("career_{key}")))
            .map(|k| &k.value)
    };
    let list = |key: &str| -> Vec<Period> {
        let mut found: Vec<Period> = match value(key) {
            Some(Value::List(items)) => {
                items.iter().filter_map(|i| Period::parse(i).ok()).collect()
            }
            Some(Value::Scalar(s)) => Period::parse(s).ok().into_iter().collect(),
            _ => Vec::new(),
        };
        found.retain(|p| p.kind() == kind);
        found
    };
    let mut covers = list("covers");
    if !covers.contains(&period) {
        covers.push(period);
    }
    crate::order::sort(&mut covers);
    let mut skipped = list("skipped");
    crate::order::sort(&mut skipped);
    let kept = match value("kept") {
        Some(Value::List(items)) => items.iter().map(|i| i.trim().to_string()).collect(),
        Some(Value::Scalar(s)) if !s.trim().is_empty() => vec![s.trim().to_string()],
        _ => Vec::new(),
    };
    Some(ExistingReview {
        path: path.to_string(),
        period,
        covers,
        skipped,
        kept,
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

/// The most periods one catch-up review covers; older missed periods are
/// listed as skipped.
pub fn catch_up_bound(kind: PeriodKind) -> usize {
    match kind {
        PeriodKind::Week => 13,
        PeriodKind::Month => 3,
        PeriodKind::Quarter => 4,
        PeriodKind::Year => 1,
    }
}

/// Never look further back than this many periods (a decade of weeks and more).
const MAX_LOOKBACK: usize = 600;

/// The day the person started: the earliest `created` date of a goals note
/// among `notes`, or else the day their first review became due.
pub fn started(notes: &[(String, String)], fiscal: FiscalYear) -> Option<Day> {
    let created = notes
        .iter()
        .filter_map(|(_, text)| {
            let front = frontmatter(text)?;
            let scalar = |key: &str| match &front.get(key)?.value {
                Value::Scalar(s) => Some(s.trim().to_string()),
                _ => None,
            };
            if scalar("type")? != "goals" {
                return None;
            }
            Day::parse(scalar("created")?.get(..10)?).ok()
        })
        .min();
    created.or_else(|| first_review_due(&reviews_in(notes), fiscal))
}

fn first_review_due(reviews: &[ExistingReview], fiscal: FiscalYear) -> Option<Day> {
    reviews
        .iter()
        .flat_map(|r| r.covers.iter().chain(&r.skipped).copied())
        .map(|p| due_from(p, fiscal))
        .min()
}

/// The reviews due on `today` for the notes of the career folder (reviews
/// and goals notes, by frontmatter): at most one per kind.
pub fn due_in(today: Day, fiscal: FiscalYear, notes: &[(String, String)]) -> Vec<Due> {
    due_since(today, fiscal, started(notes, fiscal), &reviews_in(notes))
}

/// The reviews due on `today` when only the reviews are known (the start is
/// the first review's due day): at most one per kind.
pub fn due(today: Day, fiscal: FiscalYear, reviews: &[ExistingReview]) -> Vec<Due> {
    due_since(today, fiscal, first_review_due(reviews, fiscal), reviews)
}

/// The reviews due on `today` for a person who started on `start`.
pub fn due_since(
    today: Day,
    fiscal: FiscalYear,
    start: Option<Day>,
    reviews: &[ExistingReview],
) -> Vec<Due> {
    KINDS
        .into_iter()
        .filter_map(|kind| due_of(kind, today, fiscal, start, reviews))
        .collect()
}

fn reviewable(period: Period, fiscal: FiscalYear) -> bool {
    // A review of it could be written (its label, and its next period's, are four digits).
    period.in_range(fiscal).is_ok() && period.next(fiscal).in_range(fiscal).is_ok()
}

/// Every period of `kind` that is due on `today` and not yet reviewed or
/// skipped, oldest first.
pub fn missed(
    kind: PeriodKind,
    today: Day,
    fiscal: FiscalYear,
    start: Option<Day>,
    reviews: &[ExistingReview],
) -> Vec<Period> {
    let newest = newest_due(kind, today, fiscal);
    if !reviewable(newest, fiscal) {
        return Vec::new();
    }
    // Every period a review covered or skipped, once (a vault holds hundreds of reviews).
    let done: std::collections::BTreeSet<Period> = reviews
        .iter()
        .flat_map(|r| r.covers.iter().chain(&r.skipped).copied().chain([r.period]))
        .filter(|p| p.kind() == kind)
        .collect();
    let settled = |p: Period| done.contains(&p);
    let Some(start) = start else {
        let fresh = today <= newest.last_day(fiscal).add_days(grace(kind));
        return if fresh && !settled(newest) {
            vec![newest]
        } else {
            Vec::new()
        };
    };
    let mut found = Vec::new();
    let mut p = newest;
    for _ in 0..MAX_LOOKBACK {
        if due_from(p, fiscal) < start || !reviewable(p, fiscal) {
            break;
        }
        if !settled(p) {
            found.push(p);
        }
        p = p.previous(fiscal);
    }
    found.reverse();
    found
}

fn due_of(
    kind: PeriodKind,
    today: Day,
    fiscal: FiscalYear,
    start: Option<Day>,
    reviews: &[ExistingReview],
) -> Option<Due> {
    let mut covers = missed(kind, today, fiscal, start, reviews);
    let period = *covers.last()?;
    let skipped: Vec<Period> = covers
        .drain(..covers.len().saturating_sub(catch_up_bound(kind)))
        .collect();
    let oldest = skipped
        .first()
        .or(covers.first())
        .copied()
        .unwrap_or(period);
    Some(Due {
        kind,
        period,
        label: label(kind, covers.len(), skipped.len()),
        covers,
        skipped,
        since: due_from(oldest, fiscal).iso(),
    })
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn label(kind: PeriodKind, count: usize, skipped: usize) -> String {
    let adjective = capitalized(kind.adjective());
    let unit = match kind {
        PeriodKind::Week => "week",
        PeriodKind::Month => "month",
        PeriodKind::Quarter => "quarter",
        PeriodKind::Year => "year",
    };
    let older = match skipped {
        0 => String::new(),
        1 => format!(" (1 older {unit} skipped)"),
        n => format!(" ({n} older {unit}s skipped)"),
    };
    if count <= 1 {
        return format!("{adjective} review due{older}");
    }
    format!("{adjective} review: catch up {count} {unit}s{older}")
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
