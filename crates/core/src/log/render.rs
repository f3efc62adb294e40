//! The session log note, in the structure of the seed's own log.
//!
//! Duration, focus and output; the objective; what was done, grouped by phase
//! (per section: the question, what was captured, that it was confirmed); key
//! decisions; frameworks used; artifacts; open threads as checkboxes; meta
//! observations; and the footer link to the methodology note. Frontmatter
//! (`type: coaching-session`, date, duration, focus, sections) makes logs
//! queryable with Bases or Dataview.

use chrono::NaiveDateTime;

use crate::coach::session::{AnswerStatus, Decision, Session};
use crate::dates::Day;
use crate::edit::frontmatter::yaml_scalar;
use crate::edit::lines::{one_line, one_line_at_start};
use crate::edit::table::cell_text;
use crate::log::threads::{with_carried, Thread};
use crate::templates::links::LinkFormat;

/// Everything a session log is made from.
#[derive(Debug, Clone, Default)]
pub struct LogInput<'a> {
    /// The coaching session, when the log comes from one.
    pub session: Option<&'a Session>,
    /// The log's date.
    pub date: String,
    /// Minutes, when known.
    pub duration: Option<u32>,
    /// One line: what the session was about.
    pub focus: String,
    /// Notes changed or created: (label, link target).
    pub outputs: Vec<(String, String)>,
    /// Decisions beyond those marked in the session.
    pub decisions: Vec<Decision>,
    /// What was done, for sessions held elsewhere.
    pub did: Vec<String>,
    /// Threads carried from earlier logs.
    pub carried: Vec<Thread>,
    /// New open threads.
    pub threads: Vec<String>,
    /// What worked well.
    pub worked: Vec<String>,
    /// What to improve.
    pub improve: Vec<String>,
    /// The log's own name (link target).
    pub name: String,
    /// The methodology note's name.
    pub methodology: String,
    /// Wikilinks or markdown links.
    pub links: LinkFormat,
}

/// Minutes between the session's first and last events.
pub fn duration(session: &Session) -> Option<u32> {
    let parse =
        |t: &str| NaiveDateTime::parse_from_str(t.get(..19).unwrap_or(t), "%Y-%m-%dT%H:%M:%S").ok();
    let first = parse(&session.started_at)?;
    let last = session.events.iter().rev().find_map(|e| parse(&e.at))?;
    u32::try_from((last - first).num_minutes().max(0)).ok()
}

/// The sections a session wrote, as titles.
pub fn sections_touched(session: &Session) -> Vec<String> {
    session
        .plan
        .iter()
        .zip(&session.answers)
        .filter(|(_, a)| a.status == Some(AnswerStatus::Written))
        .map(|(p, _)| p.title.clone())
        .collect()
}

/// A table cell from the person's text: one line, pipes escaped.
fn escape_cell(text: &str) -> String {
    cell_text(&one_line(text))
}

/// Renders the whole log note.
///
/// Every field the person typed is one line here ([`one_line`]): a focus,
/// thread, decision or item with line breaks is flattened, so it can never
/// add a heading, a list item or a table row to the log.
pub fn render(input: &LogInput<'_>) -> String {
    let links = input.links;
    let focus = one_line(&input.focus);
    let link = |target: &str| links.link(target, None, None);
    let sections = input.session.map(sections_touched).unwrap_or_default();
    let mut out = String::new();
    out.push_str("---\ntype: coaching-session\n");
    out.push_str(&format!("date: {}\n", input.date));
    if let Some(minutes) = input.duration {
        out.push_str(&format!("duration: {minutes}\n"));
    }
    out.push_str(&format!("focus: {}\n", yaml_scalar(&focus)));
    if sections.is_empty() {
        out.push_str("sections: []\n");
    } else {
        out.push_str("sections:\n");
        for s in &sections {
            out.push_str(&format!("  - {}\n", yaml_scalar(s)));
        }
    }
    out.push_str("tags:\n  - career\n---\n");

    let heading_date = Day::parse(&input.date)
        .map(|d| d.long())
        .unwrap_or_else(|_| input.date.clone());
    out.push_str(&format!("# Career Coaching Session — {heading_date}\n\n"));
    if let Some(minutes) = input.duration {
        out.push_str(&format!("**Duration:** ~{minutes} min\n"));
    }
    out.push_str(&format!("**Focus:** {focus}\n"));
    let outputs: Vec<String> = input
        .outputs
        .iter()
        .map(|(_, target)| link(target))
        .collect();
    out.push_str(&format!(
        "**Output:** {}\n\n---\n\n",
        if outputs.is_empty() {
            "—".to_string()
        } else {
            outputs.join(", ")
        }
    ));

    out.push_str(&format!(
        "## Session Objective\n\n{}\n\n---\n\n",
        one_line_at_start(&input.focus)
    ));

    out.push_str("## What We Did\n\n");
    let mut n = 0;
    let carried: Vec<&Thread> = input
        .carried
        .iter()
        .chain(input.session.map_or(&[][..], |s| s.carried.as_slice()))
        .collect();
    let threads: Vec<&String> = input
        .threads
        .iter()
        .chain(input.session.map_or(&[][..], |s| s.threads.as_slice()))
        .collect();
    if let Some(session) = input.session {
        if !carried.is_empty() {
            out.push_str("### Threads From Earlier Sessions\n\n");
            for t in &carried {
                n += 1;
                out.push_str(&format!("{n}. Carried forward: {}\n", one_line(&t.text)));
            }
            out.push('\n');
        }
        out.push_str("### Phase 3: Coaching Conversation (One Question at a Time)\n\n");
        let questions = session.events.iter().filter(|e| e.kind == "asked");
        for (index, (planned, answer)) in session.plan.iter().zip(&session.answers).enumerate() {
            n += 1;
            let question = questions
                .clone()
                .find(|e| e.section == planned.section)
                .map(|e| e.text.clone())
                .unwrap_or_default();
            out.push_str(&format!(
                "{n}. **{}** — Asked \"{}\"\n",
                planned.title, question
            ));
            match answer.status {
                Some(AnswerStatus::Written) => {
                    let captured = session
                        .reading_at(index)
                        .map(|r| r.summary())
                        .unwrap_or_default();
                    for c in captured.iter().take(8) {
                        out.push_str(&format!("   - Captured: {}\n", one_line(c)));
                    }
                    for f in &answer.follow_ups {
                        out.push_str(&format!(
                            "   - {} {}\n",
                            one_line_at_start(&f.question),
                            one_line(&f.answer)
                        ));
                    }
                    out.push_str("   - Confirmed and updated\n");
                }
                Some(AnswerStatus::Skipped) => out.push_str("   - Skipped\n"),
                _ => out.push_str("   - Not finished\n"),
            }
        }
    }
    for item in &input.did {
        n += 1;
        out.push_str(&format!("{n}. {}\n", one_line_at_start(item)));
    }
    if n == 0 {
        out.push_str("- [What was discussed]\n");
    }
    out.push_str("\n---\n\n");

    out.push_str("## Key Decisions\n\n| Decision | Rationale |\n|----------|-----------|\n");
    let marked: &[Decision] = input.session.map_or(&[], |s| s.decisions.as_slice());
    let decisions: Vec<&Decision> = marked.iter().chain(&input.decisions).collect();
    if decisions.is_empty() {
        out.push_str("| | |\n");
    }
    for d in decisions {
        out.push_str(&format!(
            "| {} | {} |\n",
            escape_cell(&d.what),
            escape_cell(&d.why)
        ));
    }
    out.push_str("\n---\n\n");

    out.push_str("## Frameworks Used\n\n");
    let mut frameworks =
        vec!["**One Question at a Time** — Confirm before updating, iterate in small batches"];
    if sections.iter().any(|s| s.contains("Network")) {
        frameworks.push("**Sponsor/Mentor/Advisor distinction** — Different relationship types serve different purposes");
    }
    if !sections.is_empty() {
        frameworks.push("**Career Index Structure** — Vision → Role → Timeline → Growth → Network → Wins → Tasks");
    }
    for (i, f) in frameworks.iter().enumerate() {
        out.push_str(&format!("{}. {f}\n", i + 1));
    }
    out.push_str("\n---\n\n");

    out.push_str("## Artifacts Created\n\n| Artifact | Path |\n|----------|------|\n");
    for (label, target) in &input.outputs {
        out.push_str(&format!(
            "| {} | {} |\n",
            escape_cell(label),
            links.link_in_table(target, None)
        ));
    }
    out.push_str(&format!(
        "| This session log | {} |\n\n---\n\n",
        links.link_in_table(&input.name, None)
    ));

    out.push_str("## Open Threads for Future Sessions\n\n");
    let mut open = 0;
    for t in &carried {
        out.push_str(&format!(
            "- [ ] {}\n",
            with_carried(&one_line(&t.text), t.carried + 1)
        ));
        open += 1;
    }
    for t in &threads {
        out.push_str(&format!("- [ ] {}\n", one_line(t)));
        open += 1;
    }
    if open == 0 {
        // Plain text, not a checkbox: an empty list must not look like an open thread.
        out.push_str("None.\n");
    }
    out.push_str("\n---\n\n");

    out.push_str("## Meta Observations\n\n**What worked well:**\n");
    for w in if input.worked.is_empty() {
        vec!["[What worked]".to_string()]
    } else {
        input.worked.clone()
    } {
        out.push_str(&format!("- {}\n", one_line_at_start(&w)));
    }
    out.push_str("\n**What to improve:**\n");
    for w in if input.improve.is_empty() {
        vec!["[What to improve]".to_string()]
    } else {
        input.improve.clone()
    } {
        out.push_str(&format!("- {}\n", one_line_at_start(&w)));
    }
    out.push_str(&format!(
        "\n---\n\n*This session log is part of the {} — a reusable framework for AI-assisted career planning.*\n",
        link(&input.methodology)
    ));
    out
}

/// A name for the log from the pattern, distinct from the names already used.
pub fn log_name(pattern: &str, date: &str, year: i32, taken: &[String]) -> String {
    let base = pattern
        .replace("{date}", date)
        .replace("{year}", &year.to_string())
        .trim()
        .to_string();
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|name| !taken.contains(name))
        .unwrap_or(base)
}
