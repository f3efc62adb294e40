//! The rules. Each reads the index through the note model (sections by their
//! canonical kind, tables, tasks, placeholders), never by matching raw text
//! layout, so a hand-edited index is judged by what it says.

use super::{Finding, FindingAction, Note, Severity};
use crate::coach::questions::for_section;
use crate::coach::writers::find_kind;
use crate::dates::Day;
use crate::note::frontmatter::{frontmatter, Value};
use crate::note::lines::lines_in;
use crate::note::outline::Section;
use crate::note::placeholders::{is_placeholder_line, is_placeholder_only};
use crate::note::tables::{tables_in, Table};

struct Index<'a> {
    text: &'a str,
}

impl Index<'_> {
    fn section(&self, kind: &str) -> Option<Section> {
        find_kind(self.text, kind)
    }

    /// The section, and whether it holds only the template's prompts.
    fn state(&self, kind: &str) -> State {
        match self.section(kind) {
            None => State::Missing,
            Some(s) if is_placeholder_only(self.text, s.body_span) => State::Empty(s),
            Some(s) => State::Filled(s),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.text
            .get(..offset)
            .map_or(1, |t| t.matches('\n').count() + 1)
    }

    /// Body rows of the first table in a section that hold real content.
    fn rows(&self, kind: &str) -> Vec<Vec<String>> {
        let Some(s) = self.section(kind) else {
            return Vec::new();
        };
        tables_in(self.text, s.body_span)
            .first()
            .map(filled_rows)
            .unwrap_or_default()
    }

    /// Content lines of a section (not headings, not prompts).
    fn content_lines(&self, s: &Section) -> Vec<(usize, String)> {
        lines_in(self.text, s.body_span)
            .filter(|l| !is_placeholder_line(l.content) && !l.content.trim_start().starts_with('#'))
            .map(|l| (self.line_of(l.start), l.content.trim().to_string()))
            .collect()
    }
}

enum State {
    Missing,
    Empty(Section),
    Filled(Section),
}

fn filled_rows(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .filter(|r| {
            !is_placeholder_line(
                &r.cells
                    .iter()
                    .map(|c| format!("| {} ", c.text))
                    .collect::<String>(),
            )
        })
        .map(|r| r.cells.iter().map(|c| c.text.trim().to_string()).collect())
        .collect()
}

fn question(section: &str) -> String {
    for_section(section)
        .map(|q| q.question.to_string())
        .unwrap_or_default()
}

fn finding(
    id: &str,
    severity: Severity,
    section: &str,
    evidence: String,
    line: Option<usize>,
    question: &str,
    action: FindingAction,
) -> Finding {
    Finding {
        id: id.into(),
        severity,
        section: section.into(),
        evidence,
        line,
        question: question.into(),
        action,
    }
}

fn coach(section: &str) -> FindingAction {
    FindingAction::Coach {
        section: section.into(),
    }
}

/// Whether text states an amount or a measured outcome: money, a percentage,
/// or a number with a unit of scale ("3x", "40 hours", "2M").
fn is_quantified(text: &str) -> bool {
    let t = text.to_lowercase();
    if t.contains(['$', '€', '£', '%']) {
        return true;
    }
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let has_number =
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
        let is_year = w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit());
        let scaled = w.len() > digits.len()
            || words.get(i + 1).is_some_and(|n| {
                [
                    "k",
                    "m",
                    "million",
                    "billion",
                    "x",
                    "hours",
                    "days",
                    "weeks",
                    "people",
                    "users",
                    "customers",
                    "percent",
                    "times",
                ]
                .contains(n)
            });
        has_number && !is_year && scaled
    })
}

/// The current employer, from the Timeline's current row or Current Role's text.
fn employer(index: &Index<'_>) -> Option<String> {
    let rows = index.rows("timeline");
    let current = rows.iter().find(|r| {
        r.first().is_some_and(|y| {
            let y = y.to_lowercase();
            y.contains("now")
                || y.contains("present")
                || y.contains("current")
                || y.trim_end().ends_with('–')
                || y.trim_end().ends_with('-')
        })
    });
    if let Some(company) = current
        .or(rows.first())
        .and_then(|r| r.get(2))
        .filter(|c| !c.is_empty())
    {
        return Some(company.clone());
    }
    let role = index.section("current_role")?;
    let text = role.body_span.of(index.text);
    let at = text.find(" at ")?;
    text.get(at + 4..)?
        .split(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '&'))
        .next()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn mentions(text: &str, name: &str) -> bool {
    !name.is_empty() && text.to_lowercase().contains(&name.to_lowercase())
}

/// Runs every rule over the Career Index, the goals note and the session logs.
pub fn analyze(index_text: &str, goals: Option<&str>, logs: &[Note], today: Day) -> Vec<Finding> {
    let index = Index { text: index_text };
    let mut out = Vec::new();
    empty_sections(&index, &mut out);
    vision(&index, &mut out);
    theme(&index, goals, &mut out);
    thesis(&index, &mut out);
    visibility(&index, &mut out);
    metrics(&index, &mut out);
    contingency(&index, &mut out);
    sponsors(&index, &mut out);
    transition(&index, &mut out);
    mentees(&index, &mut out);
    stale(&index, logs, today, &mut out);
    out.sort_by_key(|f| f.severity);
    out
}

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

fn empty_sections(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn vision(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn theme(index: &Index<'_>, goals: Option<&str>, out: &mut Vec<Finding>) {
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

fn thesis(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn visibility(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn metrics(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn contingency(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn sponsors(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn transition(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn mentees(index: &Index<'_>, out: &mut Vec<Finding>) {
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

fn stale(index: &Index<'_>, logs: &[Note], today: Day, out: &mut Vec<Finding>) {
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

#[cfg(test)]
mod tests {
    use super::is_quantified;

    #[test]
    fn quantified_means_money_percentages_or_scaled_numbers_not_years() {
        for yes in [
            "$4M yearly savings",
            "cut cost 30%",
            "3x faster",
            "saved 40 hours a week",
            "€200k",
        ] {
            assert!(is_quantified(yes), "{yes}");
        }
        for no in [
            "GAS Summit, three years running",
            "Ran the summit in 2025",
            "Chennai to Trivandrum",
        ] {
            assert!(!is_quantified(no), "{no}");
        }
    }
}
