//! The risk matrix, from the Career Index's Risk Register.
//!
//! A 3 × 3 likelihood × impact grid, each risk a numbered mark (a ring and
//! ✓ when it has a mitigation, filled otherwise), and a numbered list below
//! saying the same.

use super::scene::{placeholder, Anchor, Canvas, Role, Scene};
use crate::note::readers::{section_entries, Entry, Form};

/// One risk as the note states it.
struct Risk {
    name: String,
    likelihood: Option<i32>,
    impact: Option<i32>,
    /// Empty when there is none ("none", "TBD" and "-" are none).
    mitigation: String,
}

/// The Risk Register's rows or items (a checklist too).
fn read(index: &str) -> Vec<Risk> {
    section_entries(index, "risk_register")
        .iter()
        .filter(|e| !e.is_nil())
        .map(risk)
        .filter(|r| !r.name.is_empty())
        .collect()
}

/// Words that open a mitigation in an item (`mitigation: …`), and the
/// headers of a mitigation column.
const MITIGATION: [&str; 7] = [
    "mitigation",
    "mitigate",
    "fallback",
    "contingency",
    "plan",
    "response",
    "action",
];

/// A row by its headers (else Risk, Likelihood, Impact, Mitigation by
/// position); an item as `Risk — high likelihood, medium impact;
/// mitigation: …`, `Risk (high/medium)`, its indented lines included.
fn risk(e: &Entry) -> Risk {
    if e.form == Form::Row {
        let at = |i: usize| e.cells.get(i).cloned().unwrap_or_default();
        let named = |names: &[&str], i: usize| {
            if e.headers.is_empty() {
                return at(i);
            }
            e.field(names).map_or_else(|| at(i), str::to_string)
        };
        return Risk {
            name: at(0),
            likelihood: band(&named(&["likelihood", "probability", "chance", "odds"], 1)),
            impact: band(&named(&["impact", "severity", "consequence"], 2)),
            mitigation: mitigation(&named(&MITIGATION, 3)),
        };
    }
    let more: Vec<&str> = e.text.lines().skip(1).collect();
    let body = std::iter::once(e.detail.as_str())
        .chain(more)
        .collect::<Vec<_>>()
        .join("; ");
    // ASCII case only, so byte offsets in `lower` are offsets in `body`.
    let lower = body.to_ascii_lowercase();
    let opens = MITIGATION
        .iter()
        .filter_map(|w| lower.find(&format!("{w}:")).map(|at| (at, w.len() + 1)))
        .min();
    let (said, mitigation_text) = match opens {
        Some((at, len)) => (
            body.get(..at).unwrap_or(""),
            body.get(at + len..).unwrap_or(""),
        ),
        None => (body.as_str(), ""),
    };
    let clauses: Vec<&str> = said
        .split([',', ';', '·', '—', '–', '(', ')'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let about = |words: &[&str]| {
        clauses
            .iter()
            .find(|c| {
                let c = c.to_lowercase();
                words.iter().any(|w| c.contains(w))
            })
            .and_then(|c| band(c))
    };
    let mut likelihood = about(&["likel", "probab", "chance", "odds"]);
    let mut impact = about(&["impact", "severity"]);
    if likelihood.is_none() && impact.is_none() {
        // "(high / medium)": likelihood, then impact.
        let mut bands = clauses.iter().flat_map(|c| c.split('/')).filter_map(band);
        likelihood = bands.next();
        impact = bands.next();
    }
    Risk {
        name: e.name.clone(),
        likelihood,
        impact,
        mitigation: mitigation(mitigation_text),
    }
}

/// A mitigation as written, or "" when it says there is none.
fn mitigation(text: &str) -> String {
    let t = text
        .trim()
        .trim_start_matches(['—', '–', '-', ':', ' '])
        .trim_end_matches(['.', ';', ' '])
        .trim();
    let nil = matches!(
        t.to_lowercase().as_str(),
        "" | "-" | "—" | "none" | "none yet" | "tbd" | "n/a" | "na" | "todo" | "?"
    );
    if nil {
        String::new()
    } else {
        t.to_string()
    }
}

/// Low, medium, high as 0, 1, 2: a word (`high`, `Med`, `critical`, `L`)
/// or a score out of five.
fn band(text: &str) -> Option<i32> {
    let l = text.trim().to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(d) = words
        .iter()
        .find(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_digit()))
        .and_then(|w| w.parse::<i32>().ok())
    {
        return Some(match d {
            0..=2 => 0,
            3 => 1,
            _ => 2,
        });
    }
    let has = |options: &[&str]| words.iter().any(|w| options.contains(w));
    if has(&["high", "critical", "severe", "h"]) {
        Some(2)
    } else if has(&["medium", "med", "moderate", "m", "mid"]) {
        Some(1)
    } else if has(&["low", "l", "minor", "unlikely"]) {
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
    let rows = read(index);
    if rows.is_empty() {
        return placeholder(
            "risks",
            width,
            TITLE,
            "No risks yet: fill in the Risk Register (Risk, Likelihood, Impact, Mitigation, or a line like Reorg — high likelihood, medium impact; mitigation: …).",
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
        let risk = row.name.as_str();
        let mitigation = row.mitigation.as_str();
        let mitigated = !mitigation.is_empty();
        unmitigated += usize::from(!mitigated);
        let (l, i) = (row.likelihood, row.impact);
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
                    if mitigated {
                        Role::Heading
                    } else {
                        Role::OnFill
                    },
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
        // The number, then the sentence wrapped beside it (a hanging indent).
        let role = if mitigated {
            Role::Label
        } else {
            Role::Warning
        };
        let mark = format!("{number}.");
        c.text(8, y, &mark, Role::Heading, Anchor::Start, 24);
        let rest = line.get(mark.len()..).unwrap_or("").trim();
        y += c.lines(30, y, rest, role, width - 38) + 20;
        alt.push(line);
    }
    let legend = "Ring with ✓: has a mitigation · filled: none yet · ! high exposure";
    y += c.lines(8, y + 4, legend, Role::Muted, width - 16);
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
