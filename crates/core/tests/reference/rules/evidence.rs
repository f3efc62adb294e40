//! As it was before the whole-note reading (commit 645e324), for the
//! equivalence tests only: see `crates/core/tests/blindspots_agree.rs`.
//!
//! `blindspots::rules::evidence`.
use super::support::{cites, coach, coach_or_add, finding, is_quantified, Index, State};
use crate::reference::readers::employer::{employer, works_at};
use crate::reference::readers::{self, Entry, Form};
use career_core::blindspots::{Finding, FindingAction, Note, Severity};
use career_core::note::aliases::normalize;
use career_core::note::frontmatter::{frontmatter, Value};
use career_core::Day;

pub(super) fn visibility(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = "Who outside your company would recommend you for a role?";
    let targets: Vec<Entry> = index
        .entries("visibility_targets")
        .into_iter()
        .chain(index.entries("external_visibility"))
        .filter(|e| {
            e.form != Form::Row
                || e.field(&["target"]).is_some()
                || e.headers.is_empty()
                || e.field(&["channel"]).is_none()
        })
        .collect();
    if !targets.is_empty() {
        return;
    }
    let company = employer(index.text);
    let internal: Vec<Entry> = company.as_ref().map_or_else(Vec::new, |c| {
        index
            .entries("wins")
            .into_iter()
            .filter(|w| c.named_in(&w.text))
            .collect()
    });
    let evidence = match (&company, internal.len()) {
        (Some(c), n) if n > 0 => format!(
            "No external visibility targets, and {n} win(s) are internal to {}.",
            c.name
        ),
        _ => "No external visibility targets: speaking and writing are empty.".to_string(),
    };
    let line = index.heading_line("external_visibility");
    let f = finding(
        "internal_only_visibility",
        Severity::High,
        "External Visibility Plan",
        evidence,
        line,
        q,
        coach_or_add(line, "external_visibility", "external_visibility"),
    );
    out.push(cites(f, internal.iter().map(|w| w.line)));
}

/// The wins as items: rows, bullets and tasks; paragraphs only when the
/// section has nothing else (an intro line is not a win).
fn wins(index: &Index<'_>) -> Vec<Entry> {
    let all = index.entries("wins");
    if all.iter().any(|e| e.form != Form::Paragraph) {
        all.into_iter()
            .filter(|e| e.form != Form::Paragraph)
            .collect()
    } else {
        all
    }
}

/// Words too common in win titles to tie a win to an impact line.
const COMMON: &[&str] = &[
    "project",
    "program",
    "programme",
    "launch",
    "launched",
    "delivery",
    "initiative",
    "team",
    "teams",
    "award",
    "certification",
    "new",
    "first",
];

/// Whether a quantified Business Impact entry speaks of this win: it names
/// the win, the win names it, or they share a distinctive word of the win's
/// title ("Claims platform cut-over" and "claims processing cost down 18%").
fn quantified_elsewhere(win: &Entry, impact: &[&Entry]) -> bool {
    let name = normalize(&win.name);
    let distinctive: Vec<&str> = name
        .split(' ')
        .filter(|w| w.chars().count() >= 5 && !COMMON.contains(w))
        .collect();
    impact.iter().any(|i| {
        let text = normalize(&i.text);
        let words: Vec<&str> = text.split(' ').collect();
        let lead = normalize(&i.name);
        (!name.is_empty() && text.contains(&name))
            || (lead.len() >= 3 && normalize(&win.text).contains(&lead))
            || distinctive.iter().any(|d| words.contains(d))
    })
}

pub(super) fn metrics(index: &Index<'_>, out: &mut Vec<Finding>) {
    let impact = index.entries("business_impact");
    let quantified_impact: Vec<&Entry> = impact.iter().filter(|e| is_quantified(&e.text)).collect();
    let wins = wins(index);
    let quantified_wins: Vec<&Entry> = wins.iter().filter(|w| is_quantified(&w.text)).collect();
    if quantified_impact.is_empty() && quantified_wins.is_empty() {
        let line = index.heading_line("business_impact");
        let f = finding(
            "no_business_metrics",
            Severity::High,
            "Business Impact Metrics",
            "No money or measured outcome in Business Impact or the wins.".into(),
            line,
            "Can you quantify the $ impact of your wins?",
            coach_or_add(line, "business_impact", "business_impact"),
        );
        out.push(cites(f, impact.iter().chain(&wins).map(|e| e.line)));
    }
    let unquantified: Vec<&Entry> = wins
        .iter()
        .filter(|w| !is_quantified(&w.text) && !quantified_elsewhere(w, &quantified_impact))
        .collect();
    if let Some(first) = unquantified.first() {
        let titles: Vec<&str> = unquantified.iter().map(|w| w.name.as_str()).collect();
        let f = finding(
            "wins_not_quantified",
            Severity::Medium,
            "Wins & Artifacts",
            format!("Wins without numbers: {}.", titles.join("; ")),
            Some(first.line),
            "Can you quantify the $ impact?",
            coach("wins"),
        );
        out.push(cites(f, unquantified.iter().map(|w| w.line)));
    }
}

/// Words that say a risk has a plan.
const MITIGATION: &[&str] = &[
    "mitigat",
    "plan",
    "fallback",
    "fall back",
    "hedge",
    "backup",
    "if ",
    "then",
    "→",
    "->",
    "contingency",
    "build",
    "keep",
    "maintain",
    "option",
];

/// Table columns that hold a risk's mitigation.
const MITIGATION_COLUMNS: [&str; 6] = [
    "mitigation",
    "plan",
    "response",
    "contingency",
    "fallback",
    "action",
];

fn mitigated(risk: &Entry) -> bool {
    if risk.form == Form::Row && !risk.headers.is_empty() {
        // A mitigation column with text in it, or (without one) a filled fourth cell.
        return risk.field(&MITIGATION_COLUMNS).is_some()
            || (!risk
                .headers
                .iter()
                .any(|h| MITIGATION_COLUMNS.iter().any(|n| h.starts_with(n)))
                && risk.cells.get(3).is_some_and(|c| !c.is_empty()));
    }
    let rest = format!(
        "{} {}",
        risk.detail,
        risk.text.lines().skip(1).collect::<Vec<_>>().join(" ")
    )
    .to_lowercase();
    MITIGATION.iter().any(|m| rest.contains(m))
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
            let risks: Vec<Entry> = index
                .entries("risk_register")
                .into_iter()
                .filter(|e| e.form != Form::Paragraph || e.group.is_some())
                .collect();
            let unmitigated: Vec<&Entry> = risks.iter().filter(|r| !mitigated(r)).collect();
            if !unmitigated.is_empty() {
                let names: Vec<&str> = unmitigated.iter().map(|r| r.name.as_str()).collect();
                let f = finding(
                    "no_contingency",
                    Severity::Medium,
                    &s.title,
                    format!("Risks without mitigation: {}.", names.join("; ")),
                    Some(index.line_of(s.heading_span.start)),
                    q,
                    coach("risk_register"),
                );
                out.push(cites(f, unmitigated.iter().map(|r| r.line)));
            }
        }
    }
}

pub(super) fn sponsors(index: &Index<'_>, out: &mut Vec<Finding>) {
    let q = "Who outside your company advocates for you when you're not in the room?";
    let sponsors = readers::people(index.text, "sponsors");
    let line = index
        .heading_line("sponsors")
        .or_else(|| index.heading_line("network"));
    if sponsors.is_empty() {
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
    let Some(company) = employer(index.text) else {
        return;
    };
    let is_internal = |e: &Entry| works_at(&company, &e.text);
    if sponsors.iter().all(is_internal) {
        let names: Vec<&str> = sponsors.iter().map(|e| e.name.as_str()).collect();
        let f = finding(
            "no_external_sponsor",
            Severity::Medium,
            "Sponsors",
            format!(
                "Every sponsor is at {}: {}.",
                company.name,
                names.join(", ")
            ),
            line,
            q,
            coach("network"),
        );
        out.push(cites(
            f,
            sponsors.iter().map(|e| e.line).chain([company.line]),
        ));
    }
}

pub(super) fn transition(index: &Index<'_>, out: &mut Vec<Finding>) {
    let Some(role) = index.section("current_role") else {
        return;
    };
    let lines = index.filled(role.body_span);
    let says = |words: &[&str]| -> Vec<usize> {
        lines
            .iter()
            .filter(|e| {
                let t = e.text.to_lowercase();
                words.iter().any(|w| t.contains(w))
            })
            .map(|e| e.line)
            .collect()
    };
    let in_transition = says(&[
        "transition",
        "handoff",
        "hand off",
        "handover",
        "hand over",
        "handing over",
        "handing off",
        "moving to",
        "taking over",
        "new role",
        // The same in the languages people most often keep notes in.
        "übergabe",
        "übergeben",
        "neue rolle",
        "rollenwechsel",
        "passation",
        "nouveau rôle",
        "transición",
        "traspaso",
        "nuevo rol",
        "overdracht",
        "nieuwe rol",
    ]);
    let criteria = index
        .sections_of("success_criteria")
        .iter()
        .any(|s| !index.is_empty(s));
    let defined = criteria
        || !index
            .everything()
            .iter()
            .filter(|e| {
                let t = e.text.to_lowercase();
                [
                    "transition success",
                    "success looks like",
                    "success criteria",
                    "success means",
                    "done when",
                    "erfolgskriterien",
                    "erfolg bedeutet",
                    "critères de succès",
                    "criterios de éxito",
                    "succescriteria",
                ]
                .iter()
                .any(|w| t.contains(w))
            })
            .collect::<Vec<_>>()
            .is_empty();
    if !in_transition.is_empty() && !defined {
        let f = finding(
            "no_transition_success_criteria",
            Severity::Medium,
            &role.title,
            "The role is in transition, but nothing says what success looks like.".into(),
            Some(index.line_of(role.heading_span.start)),
            "What does success in the transition look like, and by when?",
            coach("current_role"),
        );
        out.push(cites(f, in_transition));
    }
}

pub(super) fn mentees(index: &Index<'_>, out: &mut Vec<Finding>) {
    if readers::people(index.text, "mentees").is_empty() {
        let line = index.heading_line("mentees");
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
        "updated",
        "modified",
        "last_updated",
        "last-updated",
        "lastmod",
        "reviewed",
        "created",
    ]
    .iter()
    .filter_map(|k| date_of(index.text, k))
    .chain(last_log)
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
