//! The career timeline, from the Career Index.
//!
//! One bar per role over the years, grouped under its company (companies in
//! the order they began), open-ended roles running to today and marked "now"
//! in words, and the pattern line (the section's "Pattern:" line, or the
//! roles in order).

use crate::dates::Day;

use super::scene::{label_width, placeholder, Anchor, Canvas, Role, Scene, NARROW};
use super::{cell, section_rows};

struct Held {
    role: String,
    company: String,
    achievement: String,
    start: i32,
    /// Exclusive end in months since year 0; `None` when still held.
    end: Option<i32>,
    years: String,
}

/// `2019-now`, `2012–2019`, `2021`, `2019 - present`: start year, end year
/// (inclusive) or `None` when open.
pub(super) fn years(text: &str) -> Option<(i32, Option<i32>)> {
    let numbers: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() == 4)
        .filter_map(|s| s.parse().ok())
        .collect();
    let start = *numbers.first()?;
    let lower = text.to_ascii_lowercase();
    let open = ["now", "present", "current", "today", "ongoing"]
        .iter()
        .any(|w| lower.contains(w))
        || lower.trim_end().ends_with(['-', '–', '—']);
    match numbers.get(1) {
        Some(end) if !open => Some((start, Some((*end).max(start)))),
        _ if open => Some((start, None)),
        _ => Some((start, Some(start))),
    }
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
    let mut roles: Vec<Held> = section_rows(index, "timeline")
        .iter()
        .filter_map(|row| {
            let (start, end) = years(cell(row, 0))?;
            Some(Held {
                years: cell(row, 0).to_string(),
                role: cell(row, 1).to_string(),
                company: cell(row, 2).to_string(),
                achievement: cell(row, 3).to_string(),
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
            "No roles with years yet: fill in the Timeline table (e.g. 2019-now).",
        );
    }
    roles.sort_by_key(|r| r.start);
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
        c.text(8, y, company, Role::Heading, Anchor::Start, label_max + 16);
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
            c.text(
                20,
                y,
                &label,
                if r.end.is_none() {
                    Role::Accent
                } else {
                    Role::Label
                },
                Anchor::Start,
                label_max,
            );
            if width < NARROW {
                y += 16;
            }
            c.rect(
                x(r.start),
                y - 12,
                x(end) - x(r.start),
                14,
                role,
                Some(tip.clone()),
            );
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
    let pattern = pattern_line(index).unwrap_or_else(|| {
        roles
            .iter()
            .map(|r| r.role.as_str())
            .collect::<Vec<_>>()
            .join(" → ")
    });
    let pattern_text = format!("Pattern: {pattern}");
    c.text(8, y, &pattern_text, Role::Muted, Anchor::Start, width - 16);
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

/// The Timeline section's `Pattern:` line, if it has one.
fn pattern_line(index: &str) -> Option<String> {
    let section = crate::coach::writers::find_kind(index, "timeline")?;
    let body = index.get(section.body_span.start..section.body_span.end)?;
    body.lines().find_map(|l| {
        let l = l
            .trim()
            .trim_start_matches(['-', '*', '>', ' '])
            .replace("**", "");
        let lower = l.to_ascii_lowercase();
        ["pattern:", "identified pattern:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .and_then(|p| l.get(p.len()..))
            .map(|rest| rest.trim().to_string())
            .filter(|rest| !rest.is_empty())
    })
}
