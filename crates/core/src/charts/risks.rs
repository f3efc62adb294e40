//! The risk matrix, from the Career Index's Risk Register.
//!
//! A 3 × 3 likelihood × impact grid, each risk a numbered mark (a ring and
//! ✓ when it has a mitigation, filled otherwise), and a numbered list below
//! saying the same.

use super::scene::{placeholder, Anchor, Canvas, Role, Scene};
use super::{cell, section_rows};

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
