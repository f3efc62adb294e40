//! The review streak: a calendar heatmap of a year's weekly reviews.
//!
//! One cell per ISO week, a row per quarter of 13 weeks: done on time (a
//! review of that week), caught up (covered by a later review), missed (past,
//! and no review covers it, or acknowledged as skipped), or still to come.
//! Each state has its own glyph as well as its role, so it reads in grey too.

use crate::dates::Day;
use crate::periods::{FiscalYear, Period, PeriodKind};
use crate::reviews::due::ExistingReview;

use super::scene::{Anchor, Canvas, Role, Scene};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Done,
    CaughtUp,
    Missed,
    Ahead,
}

/// The weekly review streak of calendar `year`.
pub fn streak(reviews: &[ExistingReview], year: i32, today: Day, width: i32) -> Scene {
    // ISO weeks are calendar weeks: their Thursday's year is the year.
    let calendar = FiscalYear::starting(1).unwrap_or_else(|_| FiscalYear::default());
    let weeks = Period::Year { year }.weeks(calendar);
    let now = Period::containing(PeriodKind::Week, today, calendar);
    let weekly: Vec<&ExistingReview> = reviews
        .iter()
        .filter(|r| r.period.kind() == PeriodKind::Week)
        .collect();
    let states: Vec<State> = weeks
        .iter()
        .map(|w| {
            if weekly.iter().any(|r| r.period == *w) {
                State::Done
            } else if weekly.iter().any(|r| r.covers.contains(w)) {
                State::CaughtUp
            } else if *w < now {
                State::Missed
            } else {
                State::Ahead
            }
        })
        .collect();
    let left = 40;
    let cell = ((width - left - 8) / 14).clamp(16, 40);
    let mut c = Canvas::new(width);
    let top = 24;
    for col in 0..13 {
        if col % 2 == 0 || cell >= 28 {
            c.sized(
                left + col * cell + cell / 2,
                top - 6,
                &format!("{}", col + 1),
                Role::Muted,
                Anchor::Middle,
                cell,
                10,
            );
        }
    }
    for (i, (w, s)) in weeks.iter().zip(&states).enumerate() {
        let i = i32::try_from(i).unwrap_or(0);
        let (row, col) = ((i / 13).min(3), if i >= 52 { 13 } else { i % 13 });
        if col == 0 {
            c.text(
                4,
                top + row * cell + cell / 2 + 4,
                &format!("Q{}", row + 1),
                Role::Muted,
                Anchor::Start,
                left - 6,
            );
        }
        let (role, glyph, what) = match s {
            State::Done => (Role::Success, "✓", "reviewed"),
            State::CaughtUp => (Role::Warning, "↻", "caught up later"),
            State::Missed => (Role::Danger, "×", "missed"),
            State::Ahead => (Role::Track, "", "to come"),
        };
        let (x, y) = (left + col * cell, top + row * cell);
        c.rect(
            x + 1,
            y + 1,
            cell - 2,
            cell - 2,
            role,
            Some(format!("{w}: {what}")),
        );
        if *w == now {
            c.rect(x, y, cell, cell, Role::Grid, None);
        }
        c.sized(
            x + cell / 2,
            y + cell / 2 + cell / 6,
            glyph,
            Role::OnFill,
            Anchor::Middle,
            cell,
            (cell / 2).max(9),
        );
    }
    let count = |s: State| states.iter().filter(|x| **x == s).count();
    let (done, late, missed) = (
        count(State::Done),
        count(State::CaughtUp),
        count(State::Missed),
    );
    // The current streak: reviewed weeks (on time or caught up) back from the last past week.
    let past: Vec<&State> = weeks
        .iter()
        .zip(&states)
        .filter(|(w, _)| **w < now)
        .map(|(_, s)| s)
        .collect();
    let current = past
        .iter()
        .rev()
        .take_while(|s| matches!(s, State::Done | State::CaughtUp))
        .count();
    let mut longest = 0;
    let mut run = 0;
    for s in &past {
        run = if matches!(s, State::Done | State::CaughtUp) {
            run + 1
        } else {
            0
        };
        longest = longest.max(run);
    }
    let y = top + 4 * cell + 20;
    let summary = format!(
        "{done} on time · {late} caught up · {missed} missed · streak {current} (best {longest})"
    );
    let legend = y + c.lines(8, y, &summary, Role::Label, width - 16) + 18;
    let bottom = legend
        + c.lines(
            8,
            legend,
            "✓ reviewed · ↻ caught up later · × missed · ▢ to come",
            Role::Muted,
            width - 16,
        );
    let mut alt = vec![summary];
    let list = |s: State| -> String {
        weeks
            .iter()
            .zip(&states)
            .filter(|(_, x)| **x == s)
            .map(|(w, _)| w.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (s, name) in [
        (State::Done, "Reviewed"),
        (State::CaughtUp, "Caught up"),
        (State::Missed, "Missed"),
    ] {
        let weeks = list(s);
        if !weeks.is_empty() {
            alt.push(format!("{name}: {weeks}"));
        }
    }
    let desc = format!("Weekly reviews of {year}, one square per week, a row per quarter.");
    c.finish(
        "streak",
        bottom + 12,
        "Review streak".to_string(),
        desc,
        alt,
    )
}
