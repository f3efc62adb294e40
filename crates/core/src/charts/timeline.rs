//! The career timeline, from the Career Index.
//!
//! One bar per role over the years, grouped under its company (companies in
//! the order they began), open-ended roles running to today and marked "now"
//! in words, and the pattern line (the section's "Pattern:" line, or the
//! roles in order). The roles come from `note::readers::roles`: a table, a
//! list or a LinkedIn paste.

use crate::dates::Day;

use super::scene::{label_width, placeholder, Anchor, Canvas, Role, Scene, NARROW};
use crate::note::readers::roles::{pattern, roles};

struct Held {
    role: String,
    company: String,
    achievement: String,
    start: i32,
    /// Exclusive end in months since year 0; `None` when still held.
    end: Option<i32>,
    years: String,
}

/// The career timeline.
pub fn timeline(index: Option<&str>, today: Day, width: i32) -> Scene {
    const TITLE: &str = "Career timeline";
    let Some(index) = index else {
        return placeholder(
            "timeline",
            width,
            TITLE,
            "No Career Index yet: create it to see your timeline.",
        );
    };
    let now = today.year() * 12 + i32::try_from(today.month()).unwrap_or(1) - 1;
    let mut roles: Vec<Held> = roles(index)
        .into_iter()
        .filter_map(|r| {
            let (start, end) = r.years?;
            Some(Held {
                years: r.when,
                role: r.role,
                company: r.company,
                achievement: r.achievement,
                start: start * 12,
                end: end.map(|e| (e + 1) * 12),
            })
        })
        .collect();
    if roles.is_empty() {
        return placeholder(
            "timeline",
            width,
            TITLE,
            "No roles with years yet: fill in the Timeline (a row or a line like 2019-now — Role, Company).",
        );
    }
    crate::order::sort_by_key(&mut roles, |r| r.start);
    let first = roles.iter().map(|r| r.start).min().unwrap_or(now) / 12;
    let last = roles
        .iter()
        .map(|r| r.end.unwrap_or(now + 1))
        .max()
        .unwrap_or(now)
        .max(now + 1);
    let last_year = (last + 11) / 12;
    let left = label_width(width);
    let right = width - 20;
    let span = ((last_year - first) * 12).max(12);
    let x = |months: i32| left + (months - first * 12) * (right - left) / span;

    let mut companies: Vec<&str> = Vec::new();
    for r in &roles {
        if !companies.contains(&r.company.as_str()) {
            companies.push(&r.company);
        }
    }
    let mut c = Canvas::new(width);
    let mut y = 24;
    // Year axis: a tick at least 44 px apart.
    let years_total = last_year - first;
    let step = (1..=10)
        .find(|s| years_total == 0 || (right - left) * s / years_total.max(1) >= 44)
        .unwrap_or(10);
    let top = y;
    let mut alt = Vec::new();
    y += 8;
    for company in &companies {
        y += 18;
        let label_max = if width < NARROW {
            width - 28
        } else {
            left - 28
        };
        y += c.lines(8, y, company, Role::Heading, label_max + 16);
        for r in roles.iter().filter(|r| r.company == *company) {
            y += 24;
            let end = r.end.unwrap_or(now + 1);
            let role = if r.end.is_none() {
                Role::Accent
            } else {
                Role::Bar
            };
            let shown = if r.end.is_none() {
                format!("{} (now)", r.role)
            } else {
                r.role.clone()
            };
            let tip = format!(
                "{}, {}: {}{}",
                r.role,
                r.company,
                r.years,
                if r.achievement.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", r.achievement)
                }
            );
            let label = if r.end.is_none() {
                format!("Now: {}", r.role)
            } else {
                r.role.clone()
            };
            // The label wraps in its column; the bar sits on its first line
            // (wide) or below its last (narrow).
            let extra = c.lines(
                20,
                y,
                &label,
                if r.end.is_none() {
                    Role::Accent
                } else {
                    Role::Label
                },
                label_max,
            );
            let bar_y = if width < NARROW { y + extra + 16 } else { y };
            c.rect(
                x(r.start),
                bar_y - 12,
                x(end) - x(r.start),
                14,
                role,
                Some(tip.clone()),
            );
            y = bar_y.max(y + extra);
            alt.push(format!(
                "{shown} at {}, {}{}",
                r.company,
                r.years,
                if r.achievement.is_empty() {
                    String::new()
                } else {
                    format!(": {}", r.achievement)
                }
            ));
        }
        y += 6;
    }
    let bottom = y + 8;
    let mut year = first;
    while year <= last_year {
        let at = x(year * 12);
        c.line(at, top, at, bottom, Role::Grid);
        c.text(
            at,
            top - 6,
            &year.to_string(),
            Role::Muted,
            Anchor::Middle,
            60,
        );
        year += step;
    }
    let t = x(now);
    c.line(t, top, t, bottom, Role::Today);
    y = bottom + 22;
    let pattern = pattern(index).unwrap_or_else(|| {
        roles
            .iter()
            .map(|r| r.role.as_str())
            .collect::<Vec<_>>()
            .join(" → ")
    });
    let pattern_text = format!("Pattern: {pattern}");
    y += c.lines(8, y, &pattern_text, Role::Muted, width - 16);
    alt.push(pattern_text);
    let desc = format!(
        "{} roles at {} companies from {} to today.",
        roles.len(),
        companies.len(),
        first
    );
    c.grid_to_back();
    c.finish("timeline", y + 12, TITLE.to_string(), desc, alt)
}
