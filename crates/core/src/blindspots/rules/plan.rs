//! The rules about the plan itself: sections left empty, the vision, one
//! theme for the year, and a point of view (the innovation thesis).

use super::super::{Finding, FindingAction, Severity};
use super::support::{coach, filled_rows, finding, question, Index, State};
use crate::note::lines::lines_in;
use crate::note::outline::Section;
use crate::note::placeholders::{is_placeholder_line, is_placeholder_only};
use crate::note::tables::tables_in;

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
        match index.state(kind) {
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
    let mut missing = Vec::new();
    let lines: Vec<String> = lines_in(index.text, s.body_span)
        .map(|l| l.content.to_string())
        .collect();
    let labelled = |label: &str| lines.iter().find(|l| l.contains(&format!("**{label}")));
    for (label, name) in [
        ("North Star", "north star"),
        ("Life", "life"),
        ("Role", "role"),
        ("Impact", "impact"),
        ("Reach", "reach"),
    ] {
        match labelled(label) {
            Some(l) if !is_placeholder_line(l) => {}
            Some(_) => missing.push(name),
            None if label == "North Star" && !is_placeholder_only(index.text, s.own_span()) => {}
            None => missing.push(name),
        }
    }
    if !missing.is_empty() {
        let severity = if missing.contains(&"north star") {
            Severity::High
        } else {
            Severity::Medium
        };
        out.push(finding(
            "vision_incomplete",
            severity,
            &s.title,
            format!("The vision lacks: {}.", missing.join(", ")),
            Some(index.line_of(s.heading_span.start)),
            &q,
            coach("vision"),
        ));
    }
}

pub(super) fn theme(index: &Index<'_>, goals: Option<&str>, out: &mut Vec<Finding>) {
    let q = "If this year had ONE theme, what would it be?";
    let themes: Vec<Section> = crate::note::outline::sections(index.text)
        .into_iter()
        .filter(|s| {
            crate::note::aliases::kind_of(&s.title).is_some_and(|k| k.id == "annual_theme")
                && !is_placeholder_only(index.text, s.body_span)
        })
        .collect();
    let focus = index
        .section("current_focus")
        .map(|s| index.content_lines(&s))
        .unwrap_or_default();
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
    if !why.is_empty() {
        let missing = if themes.is_empty() {
            " and no theme for the year"
        } else {
            ""
        };
        out.push(finding(
            "too_many_priorities",
            Severity::High,
            "Annual Theme",
            format!("{}{missing}.", why.join(", ")),
            focus.first().map(|(l, _)| *l),
            q,
            coach("annual_theme"),
        ));
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
        .find(|s| crate::note::aliases::normalize(&s.title).starts_with("annual goals"))
    else {
        return 0;
    };
    tables_in(goals, s.body_span)
        .first()
        .map(|t| filled_rows(t).len())
        .unwrap_or(0)
}

pub(super) fn thesis(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = "What do you believe about your industry that others don't?";
    match (index.state("innovation_thesis"), index.state("belief")) {
        (State::Missing, _) => out.push(finding(
            "no_innovation_thesis",
            Severity::High,
            "Innovation Thesis",
            "The index has no Innovation Thesis: no point of view is written down.".into(),
            None,
            q,
            FindingAction::AddSection {
                section: "innovation_thesis".into(),
            },
        )),
        (State::Empty(s), _) | (State::Filled(s), State::Empty(_) | State::Missing) => {
            out.push(finding(
                "no_innovation_thesis",
                Severity::High,
                &s.title,
                "The Innovation Thesis has no belief written down.".into(),
                Some(index.line_of(s.heading_span.start)),
                q,
                coach("belief"),
            ))
        }
        _ => {}
    }
}
