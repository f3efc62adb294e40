//! The career timeline and the skills inventory, from the Career Index.
//!
//! Timeline: one bar per role over the years, grouped under its company
//! (companies in the order they began), open-ended roles running to today and
//! marked "now" in words, and the pattern line (the section's "Pattern:" line,
//! or the roles in order). Skills: one bar per row of the inventory on a
//! five-step scale, stale skills (two or more years since last active)
//! drawn faded and labelled with the year.

use crate::dates::Day;

use super::scene::{placeholder, Anchor, Canvas, Role, Scene};
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
fn years(text: &str) -> Option<(i32, Option<i32>)> {
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

/// Below this width labels go on their own line above full-width bars.
pub(crate) const NARROW: i32 = 480;

fn label_width(width: i32) -> i32 {
    if width < NARROW {
        20
    } else {
        (width * 32 / 100).clamp(110, 230)
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

/// A level word or number on a five-step scale.
fn level(text: &str) -> Option<i32> {
    let lower = text.to_ascii_lowercase();
    if let Some(d) = lower.chars().find(|c| c.is_ascii_digit()) {
        return d
            .to_digit(10)
            .and_then(|d| i32::try_from(d).ok())
            .filter(|d| (1..=5).contains(d));
    }
    let words: [(&str, i32); 14] = [
        ("expert", 5),
        ("master", 5),
        ("deep", 5),
        ("advanced", 4),
        ("strong", 4),
        ("proficient", 3),
        ("intermediate", 3),
        ("competent", 3),
        ("working", 2),
        ("developing", 2),
        ("familiar", 2),
        ("learning", 1),
        ("beginner", 1),
        ("novice", 1),
    ];
    words
        .iter()
        .find(|(w, _)| lower.contains(w))
        .map(|(_, l)| *l)
}

const LEVELS: [&str; 5] = ["Novice", "Developing", "Proficient", "Advanced", "Expert"];

/// The skills inventory.
pub fn skills(index: Option<&str>, today: Day, width: i32) -> Scene {
    const TITLE: &str = "Skills";
    let Some(index) = index else {
        return placeholder(
            "skills",
            width,
            TITLE,
            "No Career Index yet: create it to see your skills.",
        );
    };
    let rows = section_rows(index, "skills");
    if rows.is_empty() {
        return placeholder(
            "skills",
            width,
            TITLE,
            "No skills yet: fill in the Skills Inventory (Domain, Level, Last Active).",
        );
    }
    let narrow = width < NARROW;
    let (left, right) = if narrow {
        (8, width - 8)
    } else {
        (label_width(width), width - 110)
    };
    let mut c = Canvas::new(width);
    let top = 28;
    let short = (right - left) / 5 < 58;
    for (i, name) in LEVELS.iter().enumerate() {
        let i = i32::try_from(i).unwrap_or(0) + 1;
        let at = left + (right - left) * (2 * i - 1) / 10;
        let shown = if short {
            i.to_string()
        } else {
            (*name).to_string()
        };
        c.sized(
            at,
            top - 8,
            &shown,
            Role::Muted,
            Anchor::Middle,
            (right - left) / 5 - 2,
            10,
        );
    }
    let mut y = top;
    let mut alt = Vec::new();
    let mut stale = 0;
    for row in &rows {
        y += 26;
        let name = cell(row, 0);
        let lvl = level(cell(row, 1));
        let last = cell(row, 2);
        let last_year = years(last).map(|(s, e)| e.unwrap_or(today.year()).max(s));
        let is_stale = last_year.is_some_and(|l| today.year() - l >= 2);
        stale += usize::from(is_stale);
        let note = match (is_stale, last_year) {
            (true, Some(l)) => format!("stale · {l}"),
            (false, Some(l)) => format!("{l}"),
            _ => String::new(),
        };
        let (name_role, note_role) = if is_stale {
            (Role::Faded, Role::Warning)
        } else {
            (Role::Label, Role::Muted)
        };
        if narrow {
            c.text(8, y, name, name_role, Anchor::Start, width - 110);
            c.text(width - 8, y, &note, note_role, Anchor::End, 100);
            y += 20;
        } else {
            c.text(8, y, name, name_role, Anchor::Start, left - 14);
            c.text(right + 8, y, &note, note_role, Anchor::Start, 100);
        }
        c.rect(left, y - 13, right - left, 16, Role::Track, None);
        let level_name = lvl
            .and_then(|l| LEVELS.get(usize::try_from(l - 1).unwrap_or(0)))
            .copied();
        if let Some(l) = lvl {
            let tip = format!(
                "{name}: {} ({l}/5){}",
                cell(row, 1),
                last_year
                    .map(|y| format!(", last active {y}"))
                    .unwrap_or_default()
            );
            c.rect(
                left,
                y - 13,
                (right - left) * l / 5,
                16,
                if is_stale { Role::Faded } else { Role::Bar },
                Some(tip),
            );
        }
        alt.push(format!(
            "{name}: {}{}{}",
            level_name.map_or_else(
                || format!("level \"{}\" not on the scale", cell(row, 1)),
                |n| format!("{n} ({})", cell(row, 1))
            ),
            last_year
                .map(|l| format!(", last active {l}"))
                .unwrap_or_default(),
            if is_stale { " (stale)" } else { "" }
        ));
    }
    for i in 1..5 {
        let at = left + (right - left) * i / 5;
        c.line(at, top - 2, at, y + 6, Role::Grid);
    }
    c.grid_to_back();
    if short {
        y += 22;
        c.sized(
            8,
            y,
            "1 Novice · 2 Developing · 3 Proficient · 4 Advanced · 5 Expert",
            Role::Muted,
            Anchor::Start,
            width - 16,
            10,
        );
    }
    let desc = format!(
        "{} skills on a five-step scale from Novice to Expert; {stale} not used for two years or more.",
        rows.len()
    );
    c.finish("skills", y + 18, TITLE.to_string(), desc, alt)
}
