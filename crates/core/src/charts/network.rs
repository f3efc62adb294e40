//! The network map, from the Career Index.
//!
//! Sponsors, mentors, advisors and mentees in two columns, inside and
//! outside the current employer (the company of the role still held), filled
//! dots inside and rings outside, with the counts in words, so an
//! all-internal network shows at a glance.

use crate::dates::Day;

use super::scene::{placeholder, Anchor, Canvas, Role, Scene};
use super::{cell, section_rows};

const GROUPS: [(&str, &str); 4] = [
    ("sponsors", "Sponsors"),
    ("mentors", "Mentors"),
    ("advisors", "Advisors"),
    ("mentees", "Mentees"),
];

/// The company of the role still held, else of the latest role.
fn employer(index: &str) -> Option<String> {
    let rows = section_rows(index, "timeline");
    let open = rows.iter().find(|r| {
        let y = cell(r, 0).to_ascii_lowercase();
        ["now", "present", "current"].iter().any(|w| y.contains(w))
    });
    open.or_else(|| rows.first())
        .map(|r| cell(r, 2).to_string())
        .filter(|c| !c.is_empty())
}

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
    let people: Vec<(usize, String, String)> = GROUPS
        .iter()
        .enumerate()
        .flat_map(|(g, (kind, _))| {
            section_rows(index, kind)
                .into_iter()
                .map(move |r| (g, cell(&r, 0).to_string(), cell(&r, 1).to_string()))
        })
        .filter(|(_, name, _)| !name.is_empty())
        .collect();
    if people.is_empty() {
        return placeholder(
            "network",
            width,
            TITLE,
            "No one in your network yet: add sponsors, mentors, advisors and mentees.",
        );
    }
    let employer = employer(index);
    let inside = |context: &str, name: &str| {
        employer.as_deref().is_some_and(|e| {
            let e = e.to_lowercase();
            context.to_lowercase().contains(&e) || name.to_lowercase().contains(&e)
        })
    };
    let where_in = employer
        .clone()
        .unwrap_or_else(|| "your employer".to_string());
    let left = (width * 22 / 100).clamp(84, 150);
    let col = (width - left - 8) / 2;
    let mut c = Canvas::new(width);
    let inside_count = people.iter().filter(|(_, n, ctx)| inside(ctx, n)).count();
    let outside_count = people.len() - inside_count;
    c.text(
        left + 8,
        22,
        &format!("Inside {where_in} ({inside_count})"),
        Role::Heading,
        Anchor::Start,
        col - 12,
    );
    c.text(
        left + col + 8,
        22,
        &format!("Outside ({outside_count})"),
        Role::Heading,
        Anchor::Start,
        col - 12,
    );
    let mut y = 34;
    let mut alt = Vec::new();
    for (g, (_, title)) in GROUPS.iter().enumerate() {
        let members: Vec<&(usize, String, String)> = people.iter().filter(|p| p.0 == g).collect();
        let ins: Vec<_> = members.iter().filter(|p| inside(&p.2, &p.1)).collect();
        let outs: Vec<_> = members.iter().filter(|p| !inside(&p.2, &p.1)).collect();
        let rows = i32::try_from(ins.len().max(outs.len()).max(2)).unwrap_or(2);
        let h = rows * 22 + 4;
        if g % 2 == 0 {
            c.rect(0, y, width, h, Role::Track, None);
        }
        c.text(8, y + 20, title, Role::Heading, Anchor::Start, left - 12);
        c.text(
            8,
            y + 36,
            &format!("{} in, {} out", ins.len(), outs.len()),
            Role::Muted,
            Anchor::Start,
            left - 12,
        );
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
                let tip = if p.2.is_empty() {
                    p.1.clone()
                } else {
                    format!("{}: {}", p.1, p.2)
                };
                c.circle(
                    x0,
                    py,
                    6,
                    if side == 0 { Role::Bar } else { Role::Ring },
                    Some(tip),
                );
                c.text(x0 + 12, py + 4, &p.1, Role::Label, Anchor::Start, col - 30);
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
                            p.1,
                            if inside(&p.2, &p.1) {
                                "inside"
                            } else {
                                "outside"
                            }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ));
        y += h;
    }
    c.line(left, 30, left, y, Role::Grid);
    c.line(left + col, 30, left + col, y, Role::Grid);
    y += 22;
    let (verdict, role) = if outside_count == 0 {
        (
            format!(
                "All {} are inside {where_in}: no one outside would vouch for you.",
                people.len()
            ),
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
                "{outside_count} of {} are outside {where_in}.",
                people.len()
            ),
            Role::Muted,
        )
    };
    c.text(8, y, &verdict, role, Anchor::Start, width - 16);
    alt.push(verdict.clone());
    c.finish(
        "network",
        y + 12,
        TITLE.to_string(),
        format!(
            "{} people by role, inside and outside {where_in}. {verdict}",
            people.len()
        ),
        alt,
    )
}
