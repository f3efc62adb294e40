//! The rules about the plan itself: sections left empty, the vision, one
//! theme for the year, and a point of view (the innovation thesis).

use super::super::{Finding, FindingAction, Severity};
use super::support::{cites, coach, coach_or_add, finding, question, Index, State};
use crate::note::aliases::{normalize, normalized_chars};
use crate::note::readers::{self, Item};

/// Sections the dedicated rules below judge themselves.
const JUDGED_ELSEWHERE: &[&str] = &[
    "vision",
    "annual_theme",
    "innovation_thesis",
    "external_visibility",
    "business_impact",
    "risk_register",
    "network",
];

pub(super) fn empty_sections(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (kind, asks) in [
        ("current_role", "current_role"),
        ("timeline", "timeline"),
        ("growth", "skills"),
        ("wins", "wins"),
        ("open_tasks", "open_tasks"),
    ] {
        if JUDGED_ELSEWHERE.contains(&kind) {
            continue;
        }
        let title = crate::note::aliases::by_id(kind).map_or(kind, |k| k.canonical);
        // A top-level Skills Inventory is the growth section under another name.
        let state = match (index.state(kind), kind) {
            (State::Missing, "growth") => index.state("skills"),
            (state, _) => state,
        };
        match state {
            State::Missing => out.push(finding(
                "empty_section",
                Severity::Medium,
                title,
                format!("The index has no {title} section."),
                None,
                &question(asks),
                FindingAction::AddSection {
                    section: kind.into(),
                },
            )),
            State::Empty(s) => out.push(finding(
                "empty_section",
                Severity::Medium,
                &s.title,
                format!("{} holds only the template's prompts.", s.title),
                Some(index.line_of(s.heading_span.start)),
                &question(asks),
                coach(asks),
            )),
            State::Filled(_) => {}
        }
    }
}

/// The vision's parts and the labels that state them.
const VISION_PARTS: &[(&str, &[&str])] = &[
    (
        "north star",
        &["north star", "vision", "5 year vision", "goal"],
    ),
    ("life", &["life"]),
    ("role", &["role"]),
    ("impact", &["impact"]),
    ("reach", &["reach"]),
];

/// Whether an entry (or a subsection title) states a labelled part: its
/// name and group normalised, and whether it says more than its name.
fn states((name, group, detailed): &(String, String, bool), labels: &[&str]) -> bool {
    labels.iter().any(|l| {
        let named = |n: &str| {
            n.strip_prefix(l)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        };
        (named(name) && *detailed) || named(group)
    })
}

pub(super) fn vision(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = question("vision");
    let Some(s) = index.section("vision") else {
        out.push(finding(
            "vision_incomplete",
            Severity::High,
            "Vision",
            "The index has no Vision section.".into(),
            None,
            &q,
            FindingAction::AddSection {
                section: "vision".into(),
            },
        ));
        return;
    };
    let entries = index.body(s);
    let names: Vec<(String, String, bool)> = entries
        .iter()
        .map(|e| {
            (
                normalize(&e.name),
                e.group.map(normalize).unwrap_or_default(),
                !e.detail.trim().is_empty(),
            )
        })
        .collect();
    let own = index.own(s);
    let mut missing = Vec::new();
    let mut seen = Vec::new();
    let mut labelled = 0;
    for (part, labels) in VISION_PARTS {
        let found: Vec<&Item<'_>> = entries
            .iter()
            .zip(&names)
            .filter(|(_, n)| states(n, labels))
            .map(|(e, _)| e)
            .collect();
        if !found.is_empty() && *part != "north star" {
            labelled += 1;
        }
        // An unlabelled statement of the vision is its north star.
        let north_star = *part == "north star" && !own.is_empty();
        if found.is_empty() && !north_star {
            missing.push(*part);
        }
        seen.extend(found.iter().map(|e| e.line));
    }
    // A vision told in its own words, with no part labelled, is not judged
    // by the template's parts: only a missing north star is a gap then.
    let prompts_left = crate::note::lines::lines_in(index.text, s.body_span).any(|l| {
        l.content.contains('[') && crate::note::placeholders::is_placeholder_line(l.content)
    });
    if labelled == 0 && !prompts_left {
        missing.retain(|p| *p == "north star");
    }
    if !missing.is_empty() {
        let severity = if missing.contains(&"north star") {
            Severity::High
        } else {
            Severity::Medium
        };
        let f = finding(
            "vision_incomplete",
            severity,
            &s.title,
            format!("The vision lacks: {}.", missing.join(", ")),
            Some(index.line_of(s.heading_span.start)),
            &q,
            coach("vision"),
        );
        out.push(cites(f, seen));
    }
}

pub(super) fn theme(index: &Index<'_>, goals: Option<&str>, out: &mut Vec<Finding>) {
    let q = "If this year had ONE theme, what would it be?";
    let themes: Vec<_> = index
        .sections_of("annual_theme")
        .into_iter()
        .filter(|s| !index.is_empty(s))
        .collect();
    let focus = index.entries("current_focus");
    let goal_count = goals.map(count_goals).unwrap_or(0);
    let mut why = Vec::new();
    if themes.len() > 1 {
        why.push(format!("{} themes", themes.len()));
    }
    if goal_count > 3 {
        why.push(format!("{goal_count} annual goals"));
    }
    if focus.len() > 3 {
        why.push(format!("{} priorities in Current Focus", focus.len()));
    }
    let theme_lines = themes.iter().map(|s| index.line_of(s.heading_span.start));
    if !why.is_empty() {
        let missing = if themes.is_empty() {
            " and no theme for the year"
        } else {
            ""
        };
        let f = finding(
            "too_many_priorities",
            Severity::High,
            "Annual Theme",
            format!("{}{missing}.", why.join(", ")),
            focus.first().map(|e| e.line),
            q,
            coach("annual_theme"),
        );
        out.push(cites(f, focus.iter().map(|e| e.line).chain(theme_lines)));
    } else if themes.is_empty() {
        out.push(finding(
            "no_annual_theme",
            Severity::High,
            "Annual Theme",
            "No theme for the year.".into(),
            None,
            q,
            coach("annual_theme"),
        ));
    }
}

fn count_goals(goals: &str) -> usize {
    let Some(s) = crate::note::outline::sections(goals)
        .into_iter()
        .find(|s| normalize(&s.title).starts_with("annual goals"))
    else {
        return 0;
    };
    readers::filled(goals, s.body_span)
        .iter()
        .filter(|e| e.form != readers::Form::Paragraph)
        .count()
}

/// Labels and phrases that state a point of view.
const POV: &[&str] = &[
    "belief",
    "i believe",
    "we believe",
    "my belief",
    "thesis",
    "innovation thesis",
    "point of view",
    "pov",
    "my pov",
    "contrarian view",
];

/// Lines outside the thesis that state a point of view (under Vision, say).
fn pov_elsewhere(index: &Index<'_>) -> Vec<usize> {
    index
        .everything()
        .iter()
        .filter(|e| {
            (!e.detail.trim().is_empty() && pov_in(&e.name, true)) || pov_in(&e.text, false)
        })
        .map(|e| e.line)
        .collect()
}

/// Whether `text`, normalised, is a phrase of [`POV`] (`whole`), or opens
/// with one and a space and runs more than twelve bytes past the phrase.
/// Normalises only as far as it takes to tell: most texts part from every
/// phrase within a character or two.
fn pov_in(text: &str, whole: bool) -> bool {
    // Most texts start with a letter no phrase starts with.
    // Every phrase is ASCII: a character opens one only as its first byte.
    let opens = |c: char| {
        u8::try_from(c).is_ok_and(|b| POV.iter().any(|p| p.as_bytes().first() == Some(&b)))
    };
    if !normalized_chars(text).next().is_some_and(opens) {
        return false;
    }
    let mut alive: u16 = (1 << POV.len()) - 1;
    // The shortest phrase it opens with (then a space), and its length so far.
    let mut opened: Option<usize> = None;
    let mut len = 0;
    let mut count = 0;
    for c in normalized_chars(text) {
        len += c.len_utf8();
        let mut left = alive;
        while left != 0 {
            let k = left.trailing_zeros() as usize;
            let bit = 1 << k;
            left &= !bit;
            if let Some(p) = POV.get(k) {
                match p.as_bytes().get(count) {
                    // Every character so far is the phrase's (ASCII) byte.
                    Some(&b) if char::from(b) == c => continue,
                    None if !whole && c == ' ' => {
                        opened = Some(opened.map_or(p.len(), |o| o.min(p.len())));
                    }
                    _ => {}
                }
                alive &= !bit;
            }
        }
        count += 1;
        match opened {
            None if alive == 0 => return false,
            Some(at) if len > at + 12 => return true,
            _ => {}
        }
    }
    whole
        && POV
            .iter()
            .enumerate()
            .any(|(k, p)| alive & (1 << k) != 0 && p.len() == count)
}

pub(super) fn thesis(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = "What do you believe about your industry that others don't?";
    let elsewhere = pov_elsewhere(index);
    if !elsewhere.is_empty() {
        return;
    }
    let belief = index
        .section("belief")
        .filter(|s| !index.is_empty(s))
        .or_else(|| {
            index
                .section("innovation_thesis")
                .filter(|s| !index.own(s).is_empty())
        });
    if belief.is_some() {
        return;
    }
    let line = index.heading_line("innovation_thesis");
    let (section, evidence) = match index.section("innovation_thesis") {
        None => (
            "Innovation Thesis".to_string(),
            "The index has no Innovation Thesis, and no belief or point of view is written anywhere."
                .to_string(),
        ),
        Some(s) => (
            s.title.clone(),
            "The Innovation Thesis has no belief written down.".to_string(),
        ),
    };
    out.push(finding(
        "no_innovation_thesis",
        Severity::High,
        &section,
        evidence,
        line,
        q,
        match line {
            Some(_) => coach("belief"),
            None => coach_or_add(line, "belief", "innovation_thesis"),
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_of_view_is_told_by_its_opening_phrase_whatever_its_first_letter() {
        for (text, whole) in [
            ("Belief", true),
            ("**My POV:**", true),
            ("Contrarian view", true),
            ("Thesis", true),
            ("Innovation thesis", true),
            ("We believe platforms beat projects every time", false),
            ("I believe small teams ship faster than big ones", false),
            ("Point of view: calm teams outlast heroic ones", false),
        ] {
            assert!(pov_in(text, whole), "{text:?}");
        }
        for (text, whole) in [
            ("Beliefs", true),
            ("Élan", true),
            ("ÿ", true),
            ("Ⅰ believe", true),
            ("[[People/Pat Kim]]", false),
            ("Follow up with Pat", false),
            ("I believe", false),
            ("", true),
        ] {
            assert!(!pov_in(text, whole), "{text:?}");
        }
    }
}
