//! How far the cascade has come: completion per goal, quarter and month.
//!
//! Items are the note's milestones and weekly actions. Done (`[x]`) and open
//! items count; dropped (`[-]`) and forwarded (`[>]`) ones do not, since a
//! forwarded item's copy counts where it went.
//!
//! The one formula, used by every figure (a goal's, a quarter's, a month's
//! and the overall one, in the terminal, the JSON and the `career-progress`
//! block): **done items ÷ counted items**, rounded to the nearest whole
//! percent, where an item is done when it is ticked *or a goal it serves is
//! Complete* (a Complete goal's remaining items no longer need doing). A
//! goal counts the items tagged with it; a Complete goal with no items is at
//! 100%; anything else with nothing to count is at 0%. A quarter or month
//! counts the items of its months and of the weeks whose Thursday falls in
//! it. Items outside the note's year count nowhere. So the overall figure is
//! exactly the goals' items summed (plus untagged ones), never a separate
//! guess.

use serde::Serialize;

use crate::dates::Day;
use crate::edit::table::cell_text;
use crate::goals::model::{GoalStatus, GoalsNote, Item};
use crate::goals::template::quarter_label;
use crate::periods::{FiscalYear, Period, PeriodKind};

/// Done out of total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// Items done.
    pub done: usize,
    /// Items that count (done or open).
    pub total: usize,
    /// 0–100.
    pub percent: u32,
}

impl Tally {
    /// Done over counted among `items`; `complete` lists the Complete goals,
    /// whose items count as done.
    fn of<'a>(items: impl Iterator<Item = &'a Item>, complete: &[String]) -> Self {
        let (done, total) = items
            .filter(|i| i.state.counts())
            .fold((0, 0), |(d, t), i| {
                let done = i.state == crate::goals::ItemState::Done
                    || i.goals.iter().any(|g| complete.contains(g));
                (d + usize::from(done), t + 1)
            });
        Self {
            done,
            total,
            percent: percent(done, total),
        }
    }
}

fn percent(done: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    let p = (done.saturating_mul(100) + total / 2) / total;
    u32::try_from(p.min(100)).unwrap_or(100)
}

/// One goal's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalProgress {
    /// `G1`.
    pub id: String,
    /// The outcome.
    pub outcome: String,
    /// The success metric.
    pub metric: String,
    /// The Status column.
    pub status: GoalStatus,
    /// The tagged items (all done when the status is Complete; 100% then).
    #[serde(flatten)]
    pub tally: Tally,
}

/// One quarter's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuarterProgress {
    /// `2026-Q1`.
    pub period: Period,
    /// `Q1 (Jan–Mar)`.
    pub label: String,
    /// The intention from the Quarterly Intentions table.
    pub intention: String,
    /// Its focus.
    pub focus: String,
    /// Items of its months and weeks.
    #[serde(flatten)]
    pub tally: Tally,
    /// Whether today is in it.
    pub current: bool,
}

/// One month's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthProgress {
    /// `2026-01`.
    pub period: Period,
    /// `2026-01 January`.
    pub title: String,
    /// Its milestones and the actions of its weeks.
    #[serde(flatten)]
    pub tally: Tally,
    /// Whether today is in it.
    pub current: bool,
}

/// The whole cascade's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// The planning year (the note's when it is a four-digit year, else the
    /// one containing today).
    pub year: i32,
    /// The theme, when the note has one.
    pub theme: Option<String>,
    /// Every item of the note.
    pub overall: Tally,
    /// Per goal, in table order.
    pub goals: Vec<GoalProgress>,
    /// The four quarters.
    pub quarters: Vec<QuarterProgress>,
    /// The twelve months, in (fiscal) order.
    pub months: Vec<MonthProgress>,
    /// Today's quarter, when today is in the year.
    pub current_quarter: Option<Period>,
    /// Today's month, when today is in the year.
    pub current_month: Option<Period>,
    /// Today's ISO week, when its Thursday is in the year.
    pub current_week: Option<Period>,
}

/// Computes the note's progress as of `today`.
pub fn progress(note: &GoalsNote, fiscal: FiscalYear, today: Day) -> Progress {
    let year = note
        .year
        .filter(|y| crate::goals::template::YEARS.contains(y))
        .unwrap_or_else(
            || match Period::containing(PeriodKind::Year, today, fiscal) {
                Period::Year { year } => year,
                _ => today.year(),
            },
        );
    let span = Period::Year { year };
    let items = || {
        note.milestones
            .iter()
            .chain(note.actions.iter())
            .filter(move |i| i.period.within(span, fiscal))
    };
    let now = |kind| {
        let p = Period::containing(kind, today, fiscal);
        p.within(span, fiscal).then_some(p)
    };
    let current_quarter = now(PeriodKind::Quarter);
    let current_month = now(PeriodKind::Month);
    let complete: Vec<String> = note
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Complete)
        .map(|g| g.id.clone())
        .collect();
    let complete = complete.as_slice();
    let goals = note
        .goals
        .iter()
        .map(|g| {
            let mut tally = Tally::of(items().filter(|i| i.goals.contains(&g.id)), complete);
            if g.status == GoalStatus::Complete {
                tally.percent = 100;
            }
            GoalProgress {
                id: g.id.clone(),
                outcome: g.outcome.clone(),
                metric: g.metric.clone(),
                status: g.status.clone(),
                tally,
            }
        })
        .collect();
    let quarters = (1..=4)
        .map(|quarter| {
            let period = Period::Quarter { year, quarter };
            let row = note.quarter(quarter);
            QuarterProgress {
                period,
                label: quarter_label(year, quarter, fiscal),
                intention: row.map(|r| r.intention.clone()).unwrap_or_default(),
                focus: row.map(|r| r.focus.clone()).unwrap_or_default(),
                tally: Tally::of(
                    items().filter(|i| i.period.within(period, fiscal)),
                    complete,
                ),
                current: current_quarter == Some(period),
            }
        })
        .collect();
    let months = span
        .months(fiscal)
        .into_iter()
        .map(|period| MonthProgress {
            period,
            title: period.title(),
            tally: Tally::of(
                items().filter(|i| i.period.within(period, fiscal)),
                complete,
            ),
            current: current_month == Some(period),
        })
        .collect();
    Progress {
        year,
        theme: note.theme.clone(),
        overall: Tally::of(items(), complete),
        goals,
        quarters,
        months,
        current_quarter,
        current_month,
        current_week: now(PeriodKind::Week),
    }
}

/// A ten-cell bar, rounded to the nearest cell: `███░░░░░░░`.
fn bar(percent: u32) -> String {
    let full = usize::try_from((percent.min(100) + 5) / 10).unwrap_or(0);
    format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
}

fn tally_text(t: &Tally) -> String {
    format!(
        "{} {:>3}%  {}/{}",
        bar(t.percent),
        t.percent,
        t.done,
        t.total
    )
}

/// The progress for a terminal: bars, with today's quarter and month marked.
pub fn render_text(p: &Progress) -> String {
    let mut out = Vec::new();
    let theme = p
        .theme
        .as_deref()
        .map(|t| format!(" — \"{t}\""))
        .unwrap_or_default();
    out.push(format!("{} Goals{theme}", p.year));
    out.push(format!("Overall  {}", tally_text(&p.overall)));
    let now: Vec<String> = [p.current_quarter, p.current_month, p.current_week]
        .iter()
        .flatten()
        .map(ToString::to_string)
        .collect();
    if !now.is_empty() {
        out.push(format!("Now: {}", now.join(" · ")));
    }
    out.push(String::new());
    out.push("Goals".into());
    if p.goals.is_empty() {
        out.push("  (no goals in the Annual Goals table)".into());
    }
    for g in &p.goals {
        out.push(format!(
            "  {:<3} {}  {}  {}",
            g.id,
            tally_text(&g.tally),
            g.status.label(),
            g.outcome
        ));
    }
    out.push(String::new());
    out.push("Quarters".into());
    for q in &p.quarters {
        let mark = if q.current { "  ← now" } else { "" };
        out.push(format!(
            "  {:<13} {}  {}{mark}",
            q.label,
            tally_text(&q.tally),
            q.intention
        ));
    }
    out.push(String::new());
    out.push("Months".into());
    for m in p.months.iter().filter(|m| m.tally.total > 0 || m.current) {
        let mark = if m.current { "  ← now" } else { "" };
        out.push(format!("  {:<18} {}{mark}", m.title, tally_text(&m.tally)));
    }
    let lines: Vec<&str> = out.iter().map(|l| l.trim_end()).collect();
    lines.join("\n") + "\n"
}

fn cell(text: &str) -> String {
    let t = cell_text(text);
    if t.is_empty() {
        " ".into()
    } else {
        format!(" {t} ")
    }
}

fn table(header: &[&str], rows: &[Vec<String>]) -> Vec<String> {
    let mut out = vec![
        format!(
            "|{}|",
            header.iter().map(|h| cell(h)).collect::<Vec<_>>().join("|")
        ),
        format!(
            "|{}|",
            header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
        ),
    ];
    for row in rows {
        out.push(format!(
            "|{}|",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join("|")
        ));
    }
    out
}

fn now_mark(current: bool, text: &str) -> String {
    if current {
        format!("**{text}** (now)")
    } else {
        text.to_string()
    }
}

/// The progress as plain markdown tables (`goalsProgress`'s `markdown`).
pub fn render_markdown(p: &Progress) -> String {
    let mut out = vec![format!(
        "**Overall:** {}/{} done ({}%)",
        p.overall.done, p.overall.total, p.overall.percent
    )];
    out.push(String::new());
    let goals: Vec<Vec<String>> = p
        .goals
        .iter()
        .map(|g| {
            vec![
                g.id.clone(),
                g.outcome.clone(),
                g.status.label().to_string(),
                format!("{}/{}", g.tally.done, g.tally.total),
                format!("{}%", g.tally.percent),
            ]
        })
        .collect();
    out.extend(table(
        &["Goal", "Outcome", "Status", "Done", "Progress"],
        &goals,
    ));
    out.push(String::new());
    let quarters: Vec<Vec<String>> = p
        .quarters
        .iter()
        .map(|q| {
            vec![
                now_mark(q.current, &q.label),
                q.intention.clone(),
                format!("{}/{}", q.tally.done, q.tally.total),
                format!("{}%", q.tally.percent),
            ]
        })
        .collect();
    out.extend(table(
        &["Quarter", "Intention", "Done", "Progress"],
        &quarters,
    ));
    let months: Vec<Vec<String>> = p
        .months
        .iter()
        .filter(|m| m.tally.total > 0 || m.current)
        .map(|m| {
            vec![
                now_mark(m.current, &m.title),
                format!("{}/{}", m.tally.done, m.tally.total),
                format!("{}%", m.tally.percent),
            ]
        })
        .collect();
    if !months.is_empty() {
        out.push(String::new());
        out.extend(table(&["Month", "Done", "Progress"], &months));
    }
    out.join("\n") + "\n"
}
