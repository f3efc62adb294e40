//! The skills inventory, from the Career Index.
//!
//! One bar per skill on a five-step scale, stale skills (two or more years
//! since last active) drawn faded and labelled with the year. The inventory
//! is a table (Domain, Level, Last Active) or a list (`- Rust — expert,
//! 2026`), under any of the Skills section's names, else the Growth
//! section's items that state a level.

use crate::dates::Day;

use super::scene::{label_width, placeholder, Anchor, Canvas, Role, Scene, NARROW};
use crate::note::readers::roles::years;
use crate::note::readers::{self, Entry, Form};

/// One skill as the note states it.
struct Skill {
    name: String,
    /// The level as written ("Expert", "4/5"); may be empty.
    level: String,
    /// Where the last active year is written.
    last: String,
}

/// The skills: the Skills section's rows or items, else the Growth
/// section's items that state a level.
fn read(index: &str) -> Vec<Skill> {
    let listed: Vec<Skill> = readers::section(index, "skills")
        .map(|s| readers::filled(index, s.body_span))
        .unwrap_or_default()
        .iter()
        .map(skill)
        // A header row whose separator line is missing.
        .filter(|s| !s.level.eq_ignore_ascii_case("level"))
        .collect();
    if !listed.is_empty() {
        return listed;
    }
    readers::section(index, "growth")
        .map(|s| readers::filled(index, s.body_span))
        .unwrap_or_default()
        .iter()
        .map(skill)
        .filter(|s| level(&s.level).is_some())
        .collect()
}

/// A row by its headers (else Domain, Level, Last Active by position); an
/// item as `Name — level, year`.
fn skill(e: &Entry) -> Skill {
    if e.form == Form::Row {
        let at = |i: usize| e.cells.get(i).cloned().unwrap_or_default();
        let named = |names: &[&str], i: usize| e.field(names).map_or_else(|| at(i), str::to_string);
        return Skill {
            name: at(0),
            level: named(&["level", "proficiency", "rating"], 1),
            last: named(&["last", "active", "used", "year"], 2),
        };
    }
    // "Rust — expert, 2024", continuation lines included.
    let more: Vec<&str> = e.text.lines().skip(1).collect();
    let body = std::iter::once(e.detail.as_str())
        .chain(more)
        .collect::<Vec<_>>()
        .join(", ");
    let level = body
        .split([',', ';', '·', '(', ')', '—', '–'])
        .map(str::trim)
        .find(|clause| level(clause).is_some())
        .unwrap_or("")
        .to_string();
    Skill {
        name: e.name.clone(),
        level,
        last: body,
    }
}

/// A level word or number on a five-step scale.
fn level(text: &str) -> Option<i32> {
    let lower = text.to_ascii_lowercase();
    // A lone digit ("4", "4/5"), never part of a year.
    if let Some(d) = lower
        .split(|c: char| !c.is_ascii_digit())
        .find(|t| t.len() == 1)
    {
        return d.parse::<i32>().ok().filter(|d| (1..=5).contains(d));
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
    let rows = read(index);
    if rows.is_empty() {
        return placeholder(
            "skills",
            width,
            TITLE,
            "No skills yet: fill in the Skills Inventory (Domain, Level, Last Active, or a line like Rust — expert, 2026).",
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
        let name = row.name.as_str();
        let lvl = level(&row.level);
        let last_year = years(&row.last).map(|(s, e)| e.unwrap_or(today.year()).max(s));
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
                row.level,
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
                || format!("level \"{}\" not on the scale", row.level),
                |n| format!("{n} ({})", row.level)
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
        y += c.wrapped(
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
