//! Each phase of the method, as the text an AI assistant is given to run it
//! (the MCP server's prompts).
//!
//! Every text is built from the data the notes are built from: the question
//! bank and its definitions, the profile questions, the methodology's blind
//! spot questions and cadence, the weekly questions, the blind spot findings
//! of the index as it is. Each one states the rules of the method: one
//! question at a time, confirm before writing, and a session log at the end.
//! Tool names are those of `career mcp`; its tests check that every tool a
//! prompt names exists.

use crate::assistant::coach::QuestionInfo;
use crate::blindspots::Finding;
use crate::coach::questions::{Shape, NETWORK_TERMS, QUESTIONS};
use crate::goals::template::{CascadeContext, WEEKLY_QUESTIONS};
use crate::periods::PeriodKind;
use crate::templates::methodology::{CADENCE, COMMON_BLIND_SPOTS, STEP_BACK_QUESTIONS};
use crate::templates::profile_coach::ProfileQuestion;

/// The rules every phase follows.
pub const RULES: &str = "How to work (the Career Coaching method):\n\
- Ask ONE question at a time. Wait for the answer, and let it shape your next question.\n\
- Confirm before updating: nothing is written by a single call. Call a `propose_…` tool with the person's answer in their own words, show them its read-back (\"here is what I understood\") and its diff, and call `confirm_change` with its token only after they agree. If they correct you, propose again.\n\
- Never confirm on the person's behalf, and never invent facts they did not give.\n\
- If `confirm_change` answers `stale_proposal`, the note changed meanwhile (in Obsidian, on another device): nothing was written; show the new preview it returns and ask again.\n\
- Note decisions (`note_decision`) and open threads (`note_open_thread`) as they come up.\n\
- At the end, close the session with `close_session`: show the log it proposes and confirm it, so the next session starts from its open threads.";

fn numbered(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .enumerate()
        .map(|(i, q)| format!("{}. {q}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

fn with_rules(body: String) -> String {
    format!("{body}\n\n{RULES}")
}

/// Phase 1: the profile interview. `current` holds each question with what
/// the profile says now (`None`: only the template's prompt).
pub fn profile_interview(current: &[(ProfileQuestion, Option<String>)]) -> String {
    let questions = numbered(current.iter().map(|(q, now)| {
        let now = now
            .as_deref()
            .map_or(String::new(), |v| format!(" — now: \"{v}\""));
        format!(
            "**{}** (`{}`, {}): {} {}{now}",
            q.label.unwrap_or(q.part),
            q.id,
            q.part,
            q.question,
            q.hint
        )
    }));
    with_rules(format!(
        "Phase 1 — Foundation: the profile.\n\n\
Goal: establish who the person is so your help is not generic. The profile's User Preferences hold it: profile, professional context, communication preferences, how to help, and things to avoid.\n\n\
Ask these in order, one at a time. Skip what is already right (read it with `read_profile`), and for each answer call `propose_profile_answer` with the question's id:\n\n{questions}"
    ))
}

/// Phase 2: the Career Index's structure.
pub fn index_structure(index_path: &str, exists: bool) -> String {
    let sections = numbered(QUESTIONS.iter().map(|q| {
        let title = crate::note::aliases::by_id(q.section).map_or(q.section, |k| k.canonical);
        format!("{title} (`{}`): {}", q.section, q.question)
    }));
    let start = if exists {
        format!("The Career Index is {index_path}. Read it with `read_index`, and offer `propose_setup` to add the sections it lacks (it only inserts; nothing there is rewritten).")
    } else {
        format!("There is no Career Index yet ({index_path}). Offer `propose_setup`: it creates the profile, the Career Index and the methodology note from the templates.")
    };
    with_rules(format!(
        "Phase 2 — Career Index structure.\n\n\
Goal: a comprehensive career document with the right sections. Start with whatever exists and enhance it section by section.\n\n{start}\n\n\
If the person pastes a LinkedIn history, give it as the Timeline answer as it is: the coach reads roles, companies and years from it. Name the pattern you see in their arc (for example DBA → Infrastructure → Digital → Architecture).\n\n\
The sections, each with the question that fills it:\n\n{sections}"
    ))
}

/// Phase 3: coaching one section.
pub fn coach_section(q: &QuestionInfo) -> String {
    let mut body = format!(
        "Phase 3 — Coaching conversation: {} (`{}`).\n\n",
        q.title, q.section
    );
    if q.current.is_empty() {
        body.push_str("The section is empty.\n\n");
    } else {
        body.push_str(&format!(
            "The section now (review it with the person; entries given again under the same name are changed, `remove NAME` removes one, nothing else there is touched):\n\n{}\n\n",
            q.current
        ));
    }
    body.push_str(&format!(
        "Ask: \"{}\"\nHow to answer: {}\n",
        q.question, q.hint
    ));
    let shape = match q.shape {
        Shape::Fields => "named fields",
        Shape::Entries => "entries, one per line, with these columns in order",
        Shape::Text => "one statement",
        Shape::Items => "a list, one item per line",
    };
    let fields: Vec<String> = q
        .fields
        .iter()
        .map(|f| format!("`{}` ({})", f.id, f.label))
        .collect();
    body.push_str(&format!("The answer is {shape}: {}.\n", fields.join(", ")));
    let definitions = if q.definitions.is_empty() && q.section == "network" {
        NETWORK_TERMS.to_vec()
    } else {
        q.definitions.clone()
    };
    if !definitions.is_empty() {
        body.push_str("\nDefine the terms before the person answers:\n");
        for d in &definitions {
            body.push_str(&format!("- **{}**: {}\n", d.term, d.meaning));
        }
    }
    body.push_str(&format!(
        "\nThen call `propose_section_answer` with section `{}` and the answer in the person's words. If it reports missing fields, ask for them one at a time and propose again with `fields`. Show the read-back and the diff; confirm once the person agrees.\n",
        q.section
    ));
    if !q.follow_ups.is_empty() {
        body.push_str("\nOnce it is written, deepen it, one question at a time (`propose_follow_up_answer` with the question's number):\n");
        for (i, f) in q.follow_ups.iter().enumerate() {
            body.push_str(&format!("{i}. {f}\n"));
        }
    }
    with_rules(body.trim_end().to_string())
}

/// Phase 4: the blind spot review, with the findings as evidence.
pub fn blind_spot_review(findings: &[Finding]) -> String {
    let step_back = numbered(STEP_BACK_QUESTIONS.iter().map(|q| q.to_string()));
    let common = COMMON_BLIND_SPOTS
        .iter()
        .map(|[spot, question]| format!("- {spot}: \"{question}\""))
        .collect::<Vec<_>>()
        .join("\n");
    let evidence = if findings.is_empty() {
        "Career Coach's rules found no gap; still ask the questions above: the rules only see what is written.".to_string()
    } else {
        findings
            .iter()
            .map(|f| {
                let lines = if f.lines.is_empty() {
                    String::new()
                } else {
                    format!(
                        " (lines {})",
                        f.lines
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                format!(
                    "- [{}] {} — {}: {}{lines}. Ask: \"{}\"",
                    match f.severity {
                        crate::blindspots::Severity::High => "high",
                        crate::blindspots::Severity::Medium => "medium",
                        crate::blindspots::Severity::Low => "low",
                    },
                    f.id,
                    f.section,
                    f.evidence,
                    f.question
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    with_rules(format!(
        "Phase 4 — Blind spot analysis.\n\n\
Goal: step back from the completed Career Index and find what is missing. Read it whole (`read_index`) as a coach would, not section by section, and ask:\n\n{step_back}\n\n\
Common blind spots and the question that surfaces each:\n\n{common}\n\n\
What Career Coach found in the index as it is now (evidence, with the lines it read):\n\n{evidence}\n\n\
Push on the gaps that matter most, one at a time; the Innovation Thesis is often the linchpin. Fill a gap by coaching its section (`propose_section_answer`). Offer `propose_blind_spot_analysis` to save the analysis as a note."
    ))
}

/// Phase 5: the goal cascade for `year`.
pub fn goal_cascade(year: i32, context: &CascadeContext, goals_note: &str, exists: bool) -> String {
    let mut known = Vec::new();
    if let Some(v) = &context.vision {
        known.push(format!("- North star: {v}"));
    }
    if let Some(t) = &context.theme {
        known.push(format!("- {year} theme: \"{t}\""));
    }
    for s in &context.success_criteria {
        known.push(format!("- Success criterion: {s}"));
    }
    let known = if known.is_empty() {
        "The Career Index has no north star, theme or success criteria yet: coach Vision and the Annual Theme first.".to_string()
    } else {
        format!("From the Career Index:\n{}", known.join("\n"))
    };
    let note = if exists {
        format!("{goals_note} already exists: work in it with `propose_goal_status` and `propose_weekly_action`, and follow it with `read_goal_progress`.")
    } else {
        format!("Then call `propose_goals_note` (year {year}) with everything the person said; confirming creates {goals_note} and links it from the index's theme.")
    };
    with_rules(format!(
        "Phase 5 — Goal cascade for {year}.\n\n\
Goal: turn strategy into executable goals: Vision (5-year) → Annual Goals (2-3 outcomes) → Quarterly Intentions → Monthly Milestones → Weekly Actions. Keep the Career Index strategic and the goals note tactical.\n\n{known}\n\n\
Ask, one at a time:\n\
1. The year's theme, if it has none: \"If this year had ONE theme, what would it be?\"\n\
2. Two or three annual goals, each an outcome with the success metric that shows it happened.\n\
3. Each quarter's intention (a short phrase) and focus (its concrete priorities).\n\
4. Monthly milestones, each tied to a goal (G1, G2, G3).\n\n{note}"
    ))
}

/// Phase 6: a review of `kind`.
pub fn review(kind: PeriodKind) -> String {
    let (frequency, what) = match kind {
        PeriodKind::Week => ("Weekly", 0),
        PeriodKind::Month => ("Monthly", 1),
        PeriodKind::Quarter => ("Quarterly", 2),
        PeriodKind::Year => ("Annually", 3),
    };
    let activity = CADENCE.get(what).map_or("", |[_, a]| a);
    let questions = match kind {
        PeriodKind::Week => format!(
            "Ask the weekly questions, one at a time:\n{}\n\nAdd this week's actions with `propose_weekly_action` (one per action, each tied to a goal).",
            numbered(WEEKLY_QUESTIONS.iter().map(|q| q.to_string()))
        ),
        PeriodKind::Month => "Go through this month's milestones: which are done, which slip to next month, and why. Adjust if needed (`propose_goal_status` for a goal at risk).".to_string(),
        PeriodKind::Quarter => "Review the quarter's intention and focus against what happened, then ask for next quarter's intention and focus (give them as `intention` and `focus`).".to_string(),
        PeriodKind::Year => "Review the whole Career Index: each success criterion with its evidence, each goal's outcome and status, the year's wins, every section's state. Then ask for next year's theme (give it as `theme`); `propose_goals_note` plans next year from it.".to_string(),
    };
    with_rules(format!(
        "Phase 6 — Maintenance: the {} review.\n\n{frequency}: {activity}.\n\n\
Start with `list_due_reviews` (which periods are due, catch-ups included) and `read_goal_progress`.\n\n{questions}\n\n\
Then call `propose_review` with kind `{}`. Its preview lists every unfinished item it would carry forward: ask the person, item by item, to carry it (the default), keep it where it is (`keep`) or drop it (`drop`), and propose again with their choices before confirming.",
        kind.adjective(),
        kind.adjective()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phase_states_the_rules() {
        let q = crate::assistant::coach::question("", "network").unwrap();
        for text in [
            profile_interview(&[]),
            index_structure("Career/0_Career_Index.md", false),
            coach_section(&q),
            blind_spot_review(&[]),
            goal_cascade(2026, &CascadeContext::default(), "2026 Goals", false),
            review(PeriodKind::Week),
        ] {
            assert!(text.contains("ONE question at a time"), "{text}");
            assert!(text.contains("`confirm_change`"), "{text}");
            assert!(text.contains("`close_session`"), "{text}");
        }
        let network = coach_section(&q);
        assert!(network.contains("**Sponsor**: Advocates for you when you're not in the room"));
    }
}
