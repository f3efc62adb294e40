//! Goal progress: a bar per goal and per quarter, and a burn-up of the weekly
//! actions over the year's weeks, all from the goals note's checkboxes and
//! statuses (through `goals::progress`, so the figures match the
//! `career-progress` table and `career goals progress`).

use crate::dates::Day;
use crate::goals::progress::{progress as tally, Tally};
use crate::goals::{read, ItemState};
use crate::periods::{FiscalYear, Period, PeriodKind};

use super::scene::{placeholder, text_width, Anchor, Canvas, Role, Scene, FONT, NARROW};

#[allow(clippy::too_many_arguments)]
fn bar(
    c: &mut Canvas,
    y: &mut i32,
    left: i32,
    right: i32,
    label: &str,
    t: Tally,
    role: Role,
    tip: String,
) -> i32 {
    let count = format!("{}/{} · {}%", t.done, t.total, t.percent);
    // The label wraps in its column; the bar sits below it (narrow) or on
    // its first line (wide), and `y` ends on the bar's line.
    let extra = if c.width < NARROW {
        c.text(c.width - 8, *y, &count, Role::Muted, Anchor::End, 100);
        let extra = c.lines(8, *y, label, Role::Label, c.width - 110);
        *y += extra + 20;
        0
    } else {
        c.text(right + 8, *y, &count, Role::Muted, Anchor::Start, 100);
        c.lines(8, *y, label, Role::Label, left - 14)
    };
    c.rect(left, *y - 13, right - left, 16, Role::Track, None);
    let done = i32::try_from(t.percent).unwrap_or(0);
    c.rect(
        left,
        *y - 13,
        (right - left) * done / 100,
        16,
        role,
        Some(tip),
    );
    extra
}

/// The goal progress chart of the goals note at `path` (its text, if it exists).
pub fn progress(
    text: Option<&str>,
    path: &str,
    only: &[String],
    fiscal: FiscalYear,
    today: Day,
    width: i32,
) -> Scene {
    const TITLE: &str = "Goal progress";
    let Some(text) = text else {
        return placeholder(
            "progress",
            width,
            TITLE,
            &format!("No goals note at {path} yet: create it to see progress."),
        );
    };
    let mut note = read(text);
    if !only.is_empty() {
        note.goals.retain(|g| only.contains(&g.id));
        let keep = |i: &crate::goals::Item| i.goals.iter().any(|g| only.contains(g));
        note.milestones.retain(keep);
        note.actions.retain(keep);
    }
    if note.goals.is_empty() {
        return placeholder(
            "progress",
            width,
            TITLE,
            "No goals yet: add them to the Annual Goals table.",
        );
    }
    let p = tally(&note, fiscal, today);
    let goal_label = |g: &crate::goals::progress::GoalProgress| {
        if g.outcome.is_empty() {
            g.id.clone()
        } else {
            format!("{} {}", g.id, g.outcome)
        }
    };
    let (left, right) = if width < NARROW {
        (8, width - 8)
    } else {
        // Wide enough for the longest label on one line, up to 40% of the width.
        let longest = p
            .goals
            .iter()
            .map(goal_label)
            .chain(p.quarters.iter().map(|q| format!("{} (now)", q.label)))
            .map(|l| text_width(l.chars().count(), FONT) + 22)
            .max()
            .unwrap_or(0);
        let least = (width * 30 / 100).clamp(110, 230);
        (
            longest.clamp(least, (width * 40 / 100).max(least)),
            width - 108,
        )
    };
    let mut c = Canvas::new(width);
    let mut alt = Vec::new();
    let mut y = 20;
    c.text(
        8,
        y,
        "Annual goals",
        Role::Heading,
        Anchor::Start,
        width - 16,
    );
    for g in &p.goals {
        y += 26;
        let status = g.status.label().to_string();
        let role = match status.as_str() {
            "Complete" => Role::Success,
            "At risk" => Role::Warning,
            _ => Role::Bar,
        };
        let label = goal_label(g);
        let line = format!(
            "{label} — {status}: {} of {} done ({}%)",
            g.tally.done, g.tally.total, g.tally.percent
        );
        let row = y;
        let extra = bar(
            &mut c,
            &mut y,
            left,
            right,
            &label,
            g.tally,
            role,
            line.clone(),
        );
        y += 14;
        c.sized(
            left,
            y,
            &status,
            if role == Role::Bar { Role::Muted } else { role },
            Anchor::Start,
            right - left,
            11,
        );
        y = y.max(row + extra);
        alt.push(line);
    }
    y += 24;
    c.text(8, y, "Quarters", Role::Heading, Anchor::Start, width - 16);
    for q in &p.quarters {
        y += 26;
        let label = if q.current {
            format!("{} (now)", q.label)
        } else {
            q.label.clone()
        };
        let line = format!(
            "{label}: {} of {} done ({}%){}",
            q.tally.done,
            q.tally.total,
            q.tally.percent,
            if q.intention.is_empty() {
                String::new()
            } else {
                format!(" — {}", q.intention)
            }
        );
        let extra = bar(
            &mut c,
            &mut y,
            left,
            right,
            &label,
            q.tally,
            if q.current { Role::Accent } else { Role::Bar },
            line.clone(),
        );
        y += extra;
        alt.push(line);
    }
    y += 30;
    y = burn_up(&mut c, &note, p.year, fiscal, today, y, &mut alt);
    let desc = format!(
        "{} goals of {}: {} of {} items done ({}%).",
        p.goals.len(),
        p.year,
        p.overall.done,
        p.overall.total,
        p.overall.percent
    );
    c.finish("progress", y + 10, TITLE.to_string(), desc, alt)
}

/// Cumulative weekly actions planned (dashed) and done (thick) over the year's weeks.
fn burn_up(
    c: &mut Canvas,
    note: &crate::goals::GoalsNote,
    year: i32,
    fiscal: FiscalYear,
    today: Day,
    top: i32,
    alt: &mut Vec<String>,
) -> i32 {
    let width = c.width;
    c.text(
        8,
        top,
        "Weekly actions, cumulative",
        Role::Heading,
        Anchor::Start,
        width - 16,
    );
    let weeks = Period::Year { year }.weeks(fiscal);
    let now = Period::containing(PeriodKind::Week, today, fiscal);
    let (mut planned, mut done) = (Vec::new(), Vec::new());
    let (mut p, mut d) = (0i32, 0i32);
    for w in &weeks {
        for a in note
            .actions
            .iter()
            .filter(|a| a.period == *w && a.state.counts())
        {
            p += 1;
            d += i32::from(a.state == ItemState::Done);
        }
        planned.push(p);
        if *w <= now {
            done.push(d);
        }
    }
    if p == 0 {
        // An empty plot says nothing; say what would fill it.
        let message = "No weekly actions this year yet: add one with \"Add weekly action\" (career goals action) to see them add up here.";
        let end = top + 22 + c.lines(8, top + 22, message, Role::Muted, width - 16);
        alt.push("Weekly actions: none this year yet.".to_string());
        return end;
    }
    let total = p.max(1);
    let (left, right) = (40, width - 16);
    let (y0, y1) = (top + 16, top + 136);
    let n = i32::try_from(weeks.len().max(2)).unwrap_or(52) - 1;
    let x = |i: usize| left + i32::try_from(i).unwrap_or(0) * (right - left) / n;
    let y = |v: i32| y1 - v * (y1 - y0) / total;
    c.line(left, y1, right, y1, Role::Axis);
    c.line(left, y0, left, y1, Role::Axis);
    c.text(
        left - 6,
        y0 + 4,
        &total.to_string(),
        Role::Muted,
        Anchor::End,
        36,
    );
    c.text(left - 6, y1 + 4, "0", Role::Muted, Anchor::End, 36);
    for (i, w) in weeks.iter().enumerate() {
        if let Period::Week { week, .. } = w {
            if week % 13 == 1 {
                c.line(x(i), y1, x(i), y1 + 4, Role::Axis);
                c.text(
                    x(i),
                    y1 + 16,
                    &format!("W{week}"),
                    Role::Muted,
                    Anchor::Middle,
                    40,
                );
            }
        }
    }
    let line = |series: &[i32]| {
        series
            .iter()
            .enumerate()
            .map(|(i, v)| [x(i), y(*v)])
            .collect::<Vec<_>>()
    };
    c.shapes.push(super::Shape::Polyline {
        points: line(&planned),
        role: Role::Planned,
    });
    if !done.is_empty() {
        c.shapes.push(super::Shape::Polyline {
            points: line(&done),
            role: Role::Actual,
        });
    }
    if let Some(i) = weeks.iter().position(|w| *w == now) {
        c.line(x(i), y0, x(i), y1, Role::Today);
        c.text(x(i), y0 - 2, "today", Role::Accent, Anchor::Middle, 50);
    }
    let legend_y = y1 + 34;
    c.line(8, legend_y - 4, 30, legend_y - 4, Role::Planned);
    c.text(
        34,
        legend_y,
        &format!("planned ({p})"),
        Role::Muted,
        Anchor::Start,
        140,
    );
    c.line(170, legend_y - 4, 192, legend_y - 4, Role::Actual);
    c.text(
        196,
        legend_y,
        &format!("done ({d})"),
        Role::Muted,
        Anchor::Start,
        140,
    );
    alt.push(format!("Weekly actions: {d} of {p} done so far this year."));
    legend_y
}
