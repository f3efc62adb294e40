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
use crate::log::phases::Phases;
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
    /// The phases worked besides the coaching questions (see [`crate::log::phases`]).
    pub phases: Phases,
    /// Frameworks the person says were used (a session held elsewhere lists only these).
    pub frameworks: Vec<String>,
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
    let mut outputs: Vec<String> = input
        .outputs
        .iter()
        .map(|(_, target)| link(target))
        .collect();
    if let Some(g) = &input.phases.goals {
        let goals = link(&g.note);
        if !outputs.contains(&goals) {
            outputs.push(goals);
        }
    }
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
    if !carried.is_empty() {
        out.push_str("### Threads From Earlier Sessions\n\n");
        for t in &carried {
            n += 1;
            out.push_str(&format!("{n}. Carried forward: {}\n", one_line(&t.text)));
        }
        out.push('\n');
    }
    let phases = &input.phases;
    let mut grouped = false;
    if !phases.profile.is_empty() {
        grouped = true;
        n += 1;
        out.push_str("### Phase 1: Foundation (Profile)\n\n");
        out.push_str(&format!(
            "{n}. **User Preferences** — Coached the profile in {}, one question at a time\n",
            link(&phases.profile_note)
        ));
        for item in &phases.profile {
            out.push_str(&format!("   - {}\n", one_line_at_start(item)));
        }
        out.push_str("   - Confirmed and updated\n\n");
    }
    if !phases.structure.is_empty() {
        grouped = true;
        out.push_str("### Phase 2: Career Index Structure\n\n");
        for item in &phases.structure {
            n += 1;
            out.push_str(&format!("{n}. {}\n", one_line_at_start(item)));
        }
        out.push('\n');
    }
    if let Some(session) = input.session.filter(|s| !s.plan.is_empty()) {
        grouped = true;
        n = coaching(&mut out, session, n);
    }
    if let Some(b) = &phases.blind_spots {
        grouped = true;
        n += 1;
        out.push_str("### Phase 4: Blind Spot Analysis\n\n");
        let saved = if b.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", link(&b.note))
        };
        out.push_str(&format!(
            "{n}. **Reviewed the Career Index holistically** — Asked \"What's missing?\"{saved}\n"
        ));
        if b.gaps.is_empty() {
            out.push_str("   - No gaps found\n");
        } else {
            let s = if b.gaps.len() == 1 { "" } else { "s" };
            out.push_str(&format!("   - Identified {} gap{s}:\n", b.gaps.len()));
            for gap in &b.gaps {
                out.push_str(&format!("     - {}\n", one_line(gap)));
            }
        }
        if !b.added.is_empty() {
            n += 1;
            out.push_str(&format!("{n}. **Added new sections:**\n"));
            for section in &b.added {
                out.push_str(&format!("   - {}\n", one_line(section)));
            }
        }
        out.push('\n');
    }
    if let Some(g) = &phases.goals {
        grouped = true;
        n += 1;
        out.push_str("### Phase 5: Goal Cascade\n\n");
        let plural = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
        out.push_str(&format!(
            "{n}. **Created {}** — {}, {}, {}\n",
            link(&g.note),
            plural(g.goals.len(), "annual goal"),
            plural(g.quarters, "quarterly intention"),
            plural(g.milestones, "monthly milestone"),
        ));
        for goal in &g.goals {
            out.push_str(&format!("   - {}\n", one_line(goal)));
        }
        out.push('\n');
    }
    if grouped && !input.did.is_empty() {
        out.push_str("### Also\n\n");
    }
    for item in &input.did {
        n += 1;
        out.push_str(&format!("{n}. {}\n", one_line_at_start(item)));
    }
    if n == 0 {
        out.push_str("- [What was discussed]\n");
    }
    let body_end = out.trim_end_matches('\n').len();
    out.truncate(body_end);
    out.push_str("\n\n---\n\n");

    out.push_str("## Key Decisions Made\n\n| Decision | Rationale |\n|----------|-----------|\n");
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
    let frameworks = frameworks_used(input, &sections);
    if frameworks.is_empty() {
        out.push_str("None recorded.\n");
    }
    for (i, f) in frameworks.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, one_line_at_start(f)));
    }
    out.push_str("\n---\n\n");

    out.push_str("## Artifacts Created\n\n| Artifact | Path |\n|----------|------|\n");
    let mut artifacts: Vec<(String, String)> = Vec::new();
    for (label, target) in input.outputs.iter().cloned().chain(phases.artifacts()) {
        if !artifacts.iter().any(|(_, t)| *t == target) {
            artifacts.push((label, target));
        }
    }
    for (label, target) in &artifacts {
        let (note, heading) = match target.split_once('#') {
            Some((note, heading)) => (note, Some(heading)),
            None => (target.as_str(), None),
        };
        out.push_str(&format!(
            "| {} | {} |\n",
            escape_cell(label),
            links.link(note, heading, None).replace('|', "\\|")
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

/// Phase 3: each planned section with its question, what was captured and
/// whether it was confirmed; returns the last item number.
fn coaching(out: &mut String, session: &Session, mut n: usize) -> usize {
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
            planned.title,
            one_line(&question)
        ));
        match answer.status {
            Some(AnswerStatus::Written) => {
                let captured = session
                    .reading_at(index)
                    .map(|r| r.summary())
                    .unwrap_or_default();
                for c in &answer.changed {
                    out.push_str(&format!("   - {}\n", one_line_at_start(c)));
                }
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
    out.push('\n');
    n
}

/// The frameworks the session actually used, then those the person named.
fn frameworks_used(input: &LogInput<'_>, sections: &[String]) -> Vec<String> {
    let phases = &input.phases;
    let asked = input
        .session
        .is_some_and(|s| s.events.iter().any(|e| e.kind == "asked"));
    let [structure, network, cascade, blind_spots, one_question] = KNOWN;
    let mut used: Vec<String> = Vec::new();
    if !sections.is_empty() || !phases.structure.is_empty() {
        used.push(structure.into());
    }
    if sections.iter().any(|s| s.contains("Network")) {
        used.push(network.into());
    }
    if phases.goals.is_some() {
        used.push(cascade.into());
    }
    if phases.blind_spots.is_some() {
        used.push(blind_spots.into());
    }
    if asked || !phases.profile.is_empty() {
        used.push(one_question.into());
    }
    // Named ones: a known name gets its description, others stay as typed.
    for told in &input.frameworks {
        let told = one_line(told);
        if told.is_empty() {
            continue;
        }
        let bold = format!("**{}**", told.to_lowercase());
        let line = KNOWN
            .iter()
            .find(|k| k.to_lowercase().starts_with(&bold))
            .map_or_else(|| told.clone(), |k| (*k).to_string());
        if !used.contains(&line) {
            used.push(line);
        }
    }
    used
}

/// The method's frameworks, as the seed's own log names them.
const KNOWN: [&str; 5] = [
    "**Career Index Structure** — Vision → Role → Timeline → Growth → Network → Wins → Tasks",
    "**Sponsor/Mentor/Advisor distinction** — Different relationship types serve different purposes",
    "**Goal Cascade** — Vision → Annual Goals → Quarterly Intentions → Monthly Milestones → Weekly Actions",
    "**Blind Spot Analysis** — Review holistically, identify gaps, add missing sections",
    "**One Question at a Time** — Confirm before updating, iterate in small batches",
];
