//! The network map, from the Career Index.
//!
//! Sponsors, mentors, advisors and mentees (`note::readers::people`) in two
//! columns, inside and outside the current employer (the company of the
//! role still held, under any of its names: `note::readers::employer`),
//! filled dots inside and rings outside, with the counts in words, so an
//! all-internal network shows at a glance. Below 480 px each group's name
//! and counts go on a row above its people.

use crate::dates::Day;

use super::scene::{placeholder, Anchor, Canvas, Role, Scene, NARROW};
use crate::note::readers::employer::{employer, works_at};
use crate::note::readers::people;

/// Someone in the network, as the chart places them.
struct Person {
    /// Index into [`GROUPS`].
    group: usize,
    name: String,
    /// What the note says of them (role, company).
    context: String,
    /// Whether they work at the current employer.
    inside: bool,
}

const GROUPS: [(&str, &str); 4] = [
    ("sponsors", "Sponsors"),
    ("mentors", "Mentors"),
    ("advisors", "Advisors"),
    ("mentees", "Mentees"),
];

/// The network map.
pub fn network(index: Option<&str>, _today: Day, width: i32) -> Scene {
    const TITLE: &str = "Network map";
    let Some(index) = index else {
        return placeholder(
            "network",
            width,
            TITLE,
            "No Career Index yet: create it to map your network.",
        );
    };
    let employer = employer(index);
    let people: Vec<Person> = GROUPS
        .iter()
        .enumerate()
        .flat_map(|(group, (kind, _))| {
            let employer = employer.as_ref();
            people(index, kind).into_iter().map(move |e| Person {
                group,
                inside: employer.is_some_and(|c| works_at(c, &e.text)),
                name: e.name,
                context: e.detail,
            })
        })
        .filter(|p| !p.name.is_empty())
        .collect();
    if people.is_empty() {
        return placeholder(
            "network",
            width,
            TITLE,
            "No one in your network yet: add sponsors, mentors, advisors and mentees.",
        );
    }
    let where_in = employer.map_or_else(|| "your employer".to_string(), |e| e.name);
    // Wide: each group's name and counts in a column of their own. Narrow:
    // on a row above the group, so both columns get the whole width.
    let narrow = width < NARROW;
    let left = if narrow {
        0
    } else {
        (width * 22 / 100).clamp(84, 150)
    };
    let col = (width - left - 8) / 2;
    let mut c = Canvas::new(width);
    let inside_count = people.iter().filter(|p| p.inside).count();
    let outside_count = people.len() - inside_count;
    let inside_head = format!("Inside {where_in} ({inside_count})");
    let outside_head = format!("Outside ({outside_count})");
    let head = c
        .lines(left + 8, 22, &inside_head, Role::Heading, col - 12)
        .max(c.lines(left + col + 8, 22, &outside_head, Role::Heading, col - 12));
    let top = 34 + head;
    let mut y = top;
    let mut alt = Vec::new();
    for (g, (_, title)) in GROUPS.iter().enumerate() {
        let members: Vec<&Person> = people.iter().filter(|p| p.group == g).collect();
        let ins: Vec<_> = members.iter().filter(|p| p.inside).collect();
        let outs: Vec<_> = members.iter().filter(|p| !p.inside).collect();
        let rows = ins.len().max(outs.len());
        let counts = format!("{} in, {} out", ins.len(), outs.len());
        let band = if narrow {
            let rows = i32::try_from(rows.max(1)).unwrap_or(1);
            let h = 26 + rows * 22;
            if g % 2 == 0 {
                c.rect(0, y, width, h, Role::Track, None);
            }
            c.text(8, y + 18, title, Role::Heading, Anchor::Start, width / 2);
            c.text(
                width - 8,
                y + 18,
                &counts,
                Role::Muted,
                Anchor::End,
                width / 2 - 16,
            );
            c.line(col, y + 26, col, y + h, Role::Grid);
            y += 22;
            h - 22
        } else {
            let h = i32::try_from(rows.max(2)).unwrap_or(2) * 22 + 4;
            if g % 2 == 0 {
                c.rect(0, y, width, h, Role::Track, None);
            }
            c.text(8, y + 20, title, Role::Heading, Anchor::Start, left - 12);
            c.text(8, y + 36, &counts, Role::Muted, Anchor::Start, left - 12);
            h
        };
        for (side, list) in [(0, &ins), (1, &outs)] {
            if list.is_empty() {
                c.text(
                    left + side * col + 8,
                    y + 20,
                    "none",
                    Role::Muted,
                    Anchor::Start,
                    col - 12,
                );
            }
            for (i, p) in list.iter().enumerate() {
                let py = y + 16 + i32::try_from(i).unwrap_or(0) * 22;
                let x0 = left + side * col + 14;
                let tip = if p.context.is_empty() {
                    p.name.clone()
                } else {
                    format!("{}: {}", p.name, p.context)
                };
                c.circle(
                    x0,
                    py,
                    6,
                    if side == 0 { Role::Bar } else { Role::Ring },
                    Some(tip),
                );
                c.text(
                    x0 + 12,
                    py + 4,
                    &p.name,
                    Role::Label,
                    Anchor::Start,
                    col - 30,
                );
            }
        }
        alt.push(format!(
            "{title}: {}",
            if members.is_empty() {
                "none".to_string()
            } else {
                members
                    .iter()
                    .map(|p| {
                        format!(
                            "{} ({})",
                            p.name,
                            if p.inside { "inside" } else { "outside" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ));
        y += band;
    }
    if !narrow {
        c.line(left, top - 4, left, y, Role::Grid);
        c.line(left + col, top - 4, left + col, y, Role::Grid);
    }
    y += 22;
    let (verdict, role) = if outside_count == 0 {
        (
            if people.len() == 1 {
                format!("The one person listed is inside {where_in}: no one outside would vouch for you.")
            } else {
                format!(
                    "All {} are inside {where_in}: no one outside would vouch for you.",
                    people.len()
                )
            },
            Role::Danger,
        )
    } else if outside_count * 3 < people.len() {
        (
            format!(
                "Mostly internal: {outside_count} of {} outside {where_in}.",
                people.len()
            ),
            Role::Warning,
        )
    } else {
        (
            format!(
                "{outside_count} of {} {} outside {where_in}.",
                people.len(),
                if outside_count == 1 { "is" } else { "are" }
            ),
            Role::Muted,
        )
    };
    y += c.lines(8, y, &verdict, role, width - 16);
    alt.push(verdict.clone());
    c.finish(
        "network",
        y + 12,
        TITLE.to_string(),
        format!(
            "{} by role, inside and outside {where_in}. {verdict}",
            if people.len() == 1 {
                "1 person".to_string()
            } else {
                format!("{} people", people.len())
            }
        ),
        alt,
    )
}
