//! The network map and the risk matrix, from the Career Index.
//!
//! Network: sponsors, mentors, advisors and mentees in two columns, inside
//! and outside the current employer (the company of the role still held),
//! filled dots inside and rings outside, with the counts in words, so an
//! all-internal network shows at a glance. Risks: a 3 × 3 likelihood ×
//! impact grid, each risk a numbered mark (filled when it has a mitigation,
//! marked ✓ when it has a mitigation), and a numbered list below saying the same.

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

/// Low, medium, high as 0, 1, 2.
fn band(text: &str) -> Option<i32> {
    let l = text.trim().to_ascii_lowercase();
    if let Some(d) = l
        .chars()
        .find(|c| c.is_ascii_digit())
        .and_then(|d| d.to_digit(10))
    {
        return Some(match d {
            0..=2 => 0,
            3 => 1,
            _ => 2,
        });
    }
    if l.contains("high") || l.contains("critical") || l == "h" || l.contains("severe") {
        Some(2)
    } else if l.contains("med") || l.contains("moderate") || l == "m" {
        Some(1)
    } else if l.contains("low") || l == "l" || l.contains("minor") {
        Some(0)
    } else {
        None
    }
}

const BANDS: [&str; 3] = ["Low", "Medium", "High"];

/// The risk matrix.
pub fn risks(index: Option<&str>, width: i32) -> Scene {
    const TITLE: &str = "Risk matrix";
    let Some(index) = index else {
        return placeholder(
            "risks",
            width,
            TITLE,
            "No Career Index yet: create it to map your risks.",
        );
    };
    let rows = section_rows(index, "risk_register");
    if rows.is_empty() {
        return placeholder(
            "risks",
            width,
            TITLE,
            "No risks yet: fill in the Risk Register (Risk, Likelihood, Impact, Mitigation).",
        );
    }
    let left = 78;
    let size = ((width - left - 16) / 3).clamp(70, 120);
    let top = 16;
    let mut c = Canvas::new(width);
    for li in 0..3 {
        for ii in 0..3 {
            let x = left + li * size;
            let y = top + (2 - ii) * size;
            if li + ii >= 3 {
                c.rect(x, y, size, size, Role::Track, None);
            }
            if li + ii >= 3 {
                c.text(x + size - 6, y + 14, "!", Role::Danger, Anchor::End, 20);
            }
        }
    }
    for i in 0..=3 {
        c.line(
            left + i * size,
            top,
            left + i * size,
            top + 3 * size,
            Role::Grid,
        );
        c.line(
            left,
            top + i * size,
            left + 3 * size,
            top + i * size,
            Role::Grid,
        );
    }
    for (i, name) in BANDS.iter().enumerate() {
        let i = i32::try_from(i).unwrap_or(0);
        c.text(
            left + i * size + size / 2,
            top + 3 * size + 16,
            name,
            Role::Muted,
            Anchor::Middle,
            size,
        );
        c.text(
            left - 6,
            top + (2 - i) * size + size / 2 + 4,
            name,
            Role::Muted,
            Anchor::End,
            left - 8,
        );
    }
    c.text(
        left + 3 * size / 2,
        top + 3 * size + 32,
        "Likelihood →",
        Role::Label,
        Anchor::Middle,
        3 * size,
    );
    c.text(
        4,
        top + 12,
        "Impact ↑",
        Role::Label,
        Anchor::Start,
        left - 6,
    );
    let mut counts = [[0i32; 3]; 3];
    let mut alt = Vec::new();
    let mut y = top + 3 * size + 56;
    let mut unplaced = 0;
    let mut unmitigated = 0;
    for (n, row) in rows.iter().enumerate() {
        let number = n + 1;
        let risk = cell(row, 0);
        let mitigation = cell(row, 3);
        let mitigated = !mitigation.is_empty();
        unmitigated += usize::from(!mitigated);
        let (l, i) = (band(cell(row, 1)), band(cell(row, 2)));
        let place = match (l, i) {
            (Some(l), Some(i)) => {
                let k = counts
                    .get_mut(usize::try_from(l).unwrap_or(0))
                    .and_then(|r| r.get_mut(usize::try_from(i).unwrap_or(0)));
                let slot = k.map_or(0, |k| {
                    *k += 1;
                    *k - 1
                });
                let per_row = (size - 8) / 26;
                let cx = left + l * size + 18 + (slot % per_row.max(1)) * 26;
                let cy = top + (2 - i) * size + 22 + (slot / per_row.max(1)) * 26;
                c.circle(
                    cx,
                    cy,
                    10,
                    if mitigated { Role::Ring } else { Role::Danger },
                    Some(format!("{number}. {risk}")),
                );
                c.text(
                    cx,
                    cy + 4,
                    &number.to_string(),
                    Role::Heading,
                    Anchor::Middle,
                    24,
                );
                if mitigated {
                    c.sized(cx + 9, cy - 6, "✓", Role::Success, Anchor::Start, 14, 11);
                }
                format!(
                    "likelihood {}, impact {}",
                    BANDS.get(usize::try_from(l).unwrap_or(0)).unwrap_or(&""),
                    BANDS.get(usize::try_from(i).unwrap_or(0)).unwrap_or(&"")
                )
            }
            _ => {
                unplaced += 1;
                "not placed: likelihood or impact unclear".to_string()
            }
        };
        let line = format!(
            "{number}. {risk} ({place}){}",
            if mitigated {
                format!(" — mitigation: {mitigation}")
            } else {
                " — no mitigation yet".to_string()
            }
        );
        c.text(
            8,
            y,
            &line,
            if mitigated {
                Role::Label
            } else {
                Role::Warning
            },
            Anchor::Start,
            width - 16,
        );
        alt.push(line);
        y += 20;
    }
    let legend = "✓ has a mitigation · ! high exposure";
    c.text(8, y + 4, legend, Role::Muted, Anchor::Start, width - 16);
    let desc = format!(
        "{} risks by likelihood and impact; {unmitigated} without a mitigation{}.",
        rows.len(),
        if unplaced > 0 {
            format!(", {unplaced} not placed")
        } else {
            String::new()
        }
    );
    c.finish("risks", y + 16, TITLE.to_string(), desc, alt)
}
