//! The rules about evidence of reach and results: external visibility,
//! business metrics, contingency, sponsors, a defined transition, mentees,
//! and an index left untouched for too long.

use super::super::{Finding, FindingAction, Note, Severity};
use super::support::{coach, employer, finding, is_quantified, mentions, Index, State};
use crate::dates::Day;
use crate::note::frontmatter::{frontmatter, Value};

pub(super) fn visibility(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = "Who outside your company would recommend you for a role?";
    let targets: Vec<Vec<String>> = index
        .rows("visibility_targets")
        .into_iter()
        .filter(|r| r.get(1).is_some_and(|t| !t.is_empty()))
        .collect();
    if !targets.is_empty() {
        return;
    }
    let company = employer(index);
    let wins = index
        .section("wins")
        .map(|s| index.content_lines(&s))
        .unwrap_or_default();
    let internal_wins = company
        .as_ref()
        .map_or(0, |c| wins.iter().filter(|(_, w)| mentions(w, c)).count());
    let evidence = match (&company, internal_wins) {
        (Some(c), n) if n > 0 => {
            format!("No external visibility targets, and {n} win(s) are internal to {c}.")
        }
        _ => "No external visibility targets: speaking and writing are empty.".to_string(),
    };
    let line = index
        .section("external_visibility")
        .map(|s| index.line_of(s.heading_span.start));
    let action = if line.is_some() {
        coach("external_visibility")
    } else {
        FindingAction::AddSection {
            section: "external_visibility".into(),
        }
    };
    out.push(finding(
        "internal_only_visibility",
        Severity::High,
        "External Visibility Plan",
        evidence,
        line,
        q,
        action,
    ));
}

pub(super) fn metrics(index: &Index<'_>, out: &mut Vec<Finding>) {
    let impact_rows = index.rows("business_impact");
    let quantified_impact = impact_rows
        .iter()
        .any(|r| r.iter().any(|c| is_quantified(c)));
    let wins = index
        .section("wins")
        .map(|s| index.content_lines(&s))
        .unwrap_or_default();
    let quantified_wins = wins.iter().filter(|(_, w)| is_quantified(w)).count();
    if !quantified_impact && quantified_wins == 0 {
        let section = index.section("business_impact");
        out.push(finding(
            "no_business_metrics",
            Severity::High,
            "Business Impact Metrics",
            "No money or measured outcome in Business Impact or the wins.".into(),
            section
                .as_ref()
                .map(|s| index.line_of(s.heading_span.start)),
            "Can you quantify the $ impact of your wins?",
            if section.is_some() {
                coach("business_impact")
            } else {
                FindingAction::AddSection {
                    section: "business_impact".into(),
                }
            },
        ));
    }
    let unquantified: Vec<&(usize, String)> = wins
        .iter()
        .filter(|(_, w)| (w.starts_with("- ") || w.starts_with("* ")) && !is_quantified(w))
        .collect();
    if let Some((line, _)) = unquantified.first() {
        let titles: Vec<String> = unquantified
            .iter()
            .map(|(_, w)| {
                w.trim_start_matches(['-', '*', ' '])
                    .split(" — ")
                    .next()
                    .unwrap_or("")
                    .trim_matches('*')
                    .to_string()
            })
            .collect();
        out.push(finding(
            "wins_not_quantified",
            Severity::Medium,
            "Wins & Artifacts",
            format!("Wins without numbers: {}.", titles.join("; ")),
            Some(*line),
            "Can you quantify the $ impact?",
            coach("wins"),
        ));
    }
}

pub(super) fn contingency(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = "What if your current path doesn't work out?";
    match index.state("risk_register") {
        State::Missing => out.push(finding(
            "no_contingency",
            Severity::Medium,
            "Risk Register",
            "The index has no Risk Register.".into(),
            None,
            q,
            FindingAction::AddSection {
                section: "risk_register".into(),
            },
        )),
        State::Empty(s) => out.push(finding(
            "no_contingency",
            Severity::Medium,
            &s.title,
            "The Risk Register is empty.".into(),
            Some(index.line_of(s.heading_span.start)),
            q,
            coach("risk_register"),
        )),
        State::Filled(s) => {
            let rows = index.rows("risk_register");
            let unmitigated: Vec<String> = rows
                .iter()
                .filter(|r| r.get(3).is_none_or(|m| m.is_empty()))
                .filter_map(|r| r.first().cloned())
                .collect();
            if !unmitigated.is_empty() {
                out.push(finding(
                    "no_contingency",
                    Severity::Medium,
                    &s.title,
                    format!("Risks without mitigation: {}.", unmitigated.join("; ")),
                    Some(index.line_of(s.heading_span.start)),
                    q,
                    coach("risk_register"),
                ));
            }
        }
    }
}

pub(super) fn sponsors(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = "Who outside your company advocates for you when you're not in the room?";
    let rows = index.rows("sponsors");
    let line = index
        .section("sponsors")
        .map(|s| index.line_of(s.heading_span.start));
    if rows.is_empty() {
        out.push(finding(
            "no_external_sponsor",
            Severity::Medium,
            "Sponsors",
            "No sponsors are listed.".into(),
            line,
            q,
            coach("network"),
        ));
        return;
    }
    let Some(company) = employer(index) else {
        return;
    };
    if rows.iter().all(|r| mentions(&r.join(" "), &company)) {
        let names: Vec<String> = rows.iter().filter_map(|r| r.first().cloned()).collect();
        out.push(finding(
            "no_external_sponsor",
            Severity::Medium,
            "Sponsors",
            format!("Every sponsor is at {company}: {}.", names.join(", ")),
            line,
            q,
            coach("network"),
        ));
    }
}

pub(super) fn transition(index: &Index<'_>, out: &mut Vec<Finding>) {
    let Some(role) = index.section("current_role") else {
        return;
    };
    let text = role.body_span.of(index.text).to_lowercase();
    let in_transition = [
        "transition",
        "handoff",
        "hand off",
        "handover",
        "moving to",
        "taking over",
        "new role",
    ]
    .iter()
    .any(|w| text.contains(w));
    let defined = text.contains("success")
        && (text.contains("transition success")
            || text.contains("success looks like")
            || text.contains("success criteria"));
    if in_transition && !defined {
        out.push(finding(
            "no_transition_success_criteria",
            Severity::Medium,
            &role.title,
            "The role is in transition, but nothing says what success looks like.".into(),
            Some(index.line_of(role.heading_span.start)),
            "What does success in the transition look like, and by when?",
            coach("current_role"),
        ));
    }
}

pub(super) fn mentees(index: &Index<'_>, out: &mut Vec<Finding>) {
    if index.rows("mentees").is_empty() {
        let line = index
            .section("mentees")
            .map(|s| index.line_of(s.heading_span.start));
        out.push(finding(
            "no_mentee",
            Severity::Low,
            "Mentees",
            "No mentees are listed.".into(),
            line,
            "Who are you helping grow?",
            coach("network"),
        ));
    }
}

pub(super) fn stale(index: &Index<'_>, logs: &[Note], today: Day, out: &mut Vec<Finding>) {
    let date_of = |text: &str, key: &str| {
        frontmatter(text)
            .and_then(|f| f.get(key).map(|k| k.value.clone()))
            .and_then(|v| match v {
                Value::Scalar(d) => Day::parse(d.get(..10).unwrap_or(&d)).ok(),
                _ => None,
            })
    };
    let last_log = logs.iter().filter_map(|(_, t)| date_of(t, "date")).max();
    let touched = [
        date_of(index.text, "updated"),
        date_of(index.text, "created"),
        last_log,
    ]
    .into_iter()
    .flatten()
    .max();
    let Some(last) = touched else { return };
    let days = today.days_since(last);
    if days > 90 {
        out.push(finding(
            "stale_index",
            Severity::Medium,
            "Career Index",
            format!(
                "No session log or index update for {days} days (last: {}).",
                last.iso()
            ),
            None,
            "What has changed since you last looked at your Career Index?",
            coach("vision"),
        ));
    }
}
