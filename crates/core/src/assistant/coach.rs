//! Phase 3 for an assistant: a coaching answer read and written by the one
//! coaching state machine ([`crate::coach::session`]).
//!
//! An AI assistant holds the conversation; Career Coach reads the answer and
//! writes it. [`propose_section`] runs a one-section session on the note as it
//! is: start, answer, the missing fields the assistant already knows (the rest
//! are reported as `missing`, to ask the person), then Confirm. It returns what
//! was understood, the note's new text and the session as it stands after the
//! Confirm, which the assistant's session record keeps for the log once the
//! person has confirmed. Nothing here writes; the shell does, after the
//! person agrees.

use serde::Serialize;

use crate::coach::questions::{for_section, Definition, Shape, QUESTIONS};
use crate::coach::reader::Reading;
use crate::coach::session::{
    prompt, start, step, Action, FollowUpAnswer, Mode, Prompt, Session, Stage,
};
use crate::coach::writers::{find_kind, write_follow_up};
use crate::dates::Day;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::placeholders::is_placeholder_only;

/// One field of an answer, for the assistant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldInfo {
    /// Stable id, e.g. `direct_reports`.
    pub id: String,
    /// Label, e.g. "Direct reports".
    pub label: String,
}

/// A section's question as the method asks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionInfo {
    /// Question-bank section id.
    pub section: String,
    /// Title shown to people.
    pub title: String,
    /// `fill` (empty or only the template's prompts) or `review` (already has content).
    pub mode: Mode,
    /// The question, in the seed's words where it has them.
    pub question: String,
    /// How to answer.
    pub hint: String,
    /// The answer's shape: fields, entries (one per line), text or items.
    pub shape: Shape,
    /// The answer's fields, in order (an entry's columns).
    pub fields: Vec<FieldInfo>,
    /// Questions that deepen the answer, asked after it is written.
    pub follow_ups: Vec<String>,
    /// Terms to define next to the question (sponsor, mentor, advisor…).
    pub definitions: Vec<Definition>,
    /// The section's text now (empty when it holds only the template's prompts).
    pub current: String,
}

/// The question for `section` (an id or a name people use), on the index as it is.
pub fn question(note: &str, section: &str) -> CoreResult<QuestionInfo> {
    let plan = crate::coach::session::plan(note, &[section.to_string()])?;
    let planned = plan.first().ok_or_else(|| unknown(section))?;
    let q = for_section(&planned.section).ok_or_else(|| unknown(section))?;
    let current = find_kind(note, &planned.section)
        .filter(|s| !is_placeholder_only(note, s.body_span))
        .map(|s| s.body_span.of(note).trim().to_string())
        .unwrap_or_default();
    Ok(QuestionInfo {
        section: planned.section.clone(),
        title: planned.title.clone(),
        mode: planned.mode,
        question: q.question.to_string(),
        hint: q.hint.to_string(),
        shape: q.shape,
        fields: q
            .fields
            .iter()
            .map(|f| FieldInfo {
                id: f.id.to_string(),
                label: f.label.to_string(),
            })
            .collect(),
        follow_ups: q
            .follow_ups
            .iter()
            .map(|f| f.question.to_string())
            .collect(),
        definitions: q.definitions.to_vec(),
        current,
    })
}

/// The question-bank section ids, in the methodology's order.
pub fn section_ids() -> Vec<&'static str> {
    QUESTIONS.iter().map(|q| q.section).collect()
}

fn unknown(section: &str) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        format!(
            "There are no questions for \"{section}\". Choose one of: {}.",
            section_ids().join(", ")
        ),
    )
}

/// A coaching answer, read and ready to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionProposal {
    /// Question-bank section id.
    pub section: String,
    /// Title shown to people.
    pub title: String,
    /// What was understood.
    pub understood: Reading,
    /// "Here is what I understood", one line each: each value under its label or column.
    pub read_back: Vec<String>,
    /// Fields the answer did not give and nobody supplied: ask the person, or leave them out.
    pub missing: Vec<FieldInfo>,
    /// The deepening questions to ask once this is written.
    pub follow_ups: Vec<String>,
    /// The note's text once this is written.
    pub new_text: String,
    /// The one-section session after the Confirm (kept for the session log).
    #[serde(skip)]
    pub session: Session,
}

/// Reads `answer` for `section` (an id or a name people use) on the Career
/// Index `note` at `index_path`, with `fields` the assistant already knows
/// (field id → value, for fields the answer lacks or misread). `at` is the time.
pub fn propose_section(
    index_path: &str,
    note: &str,
    section: &str,
    answer: &str,
    fields: &[(String, String)],
    today: Day,
    at: &str,
) -> CoreResult<SectionProposal> {
    if answer.trim().is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            "The answer is empty: give the person's answer, in their words.",
        ));
    }
    let mut session = start(index_path, note, &[section.to_string()], today, at)?;
    let (planned_section, title) = session
        .plan
        .first()
        .map(|p| (p.section.clone(), p.title.clone()))
        .ok_or_else(|| unknown(section))?;
    let q = for_section(&planned_section).ok_or_else(|| unknown(section))?;
    for (id, _) in fields {
        if !q.fields.iter().any(|f| f.id == id) {
            return Err(CoreError::new(
                ErrorCode::InvalidInput,
                format!(
                    "{title} has no field \"{id}\". Its fields: {}.",
                    q.fields.iter().map(|f| f.id).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    let given = |id: &str| {
        fields
            .iter()
            .find(|(f, v)| f == id && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
    };
    session = step(
        &session,
        &Action::Answer {
            text: answer.to_string(),
        },
        note,
        at,
    )?
    .session;
    let mut missing = Vec::new();
    while let Stage::FollowUp { field } = session.stage.clone() {
        let action = match given(&field) {
            Some(text) => Action::Answer { text },
            None => {
                let label = q
                    .fields
                    .iter()
                    .find(|f| f.id == field)
                    .map_or(field.clone(), |f| f.label.to_string());
                missing.push(FieldInfo {
                    id: field.clone(),
                    label,
                });
                Action::Skip
            }
        };
        session = step(&session, &action, note, at)?.session;
    }
    // Fields the answer had already, given again: the assistant's value wins.
    if let Some(record) = session.answers.first_mut() {
        for (id, value) in fields {
            let known = record.extra.iter().any(|(f, _)| f == id);
            if !known && !value.trim().is_empty() {
                record.extra.push((id.clone(), value.trim().to_string()));
            }
        }
    }
    let Prompt::Confirm {
        understood,
        columns,
        ..
    } = prompt(&session, note)?
    else {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!("The answer for {title} could not be read back; give it again."),
        ));
    };
    let confirmed = step(&session, &Action::Confirm, note, at)?;
    Ok(SectionProposal {
        section: planned_section,
        title,
        read_back: read_back(&understood, &columns),
        understood,
        missing,
        follow_ups: q
            .follow_ups
            .iter()
            .map(|f| f.question.to_string())
            .collect(),
        new_text: confirmed.write.unwrap_or_else(|| note.to_string()),
        session: confirmed.session,
    })
}

/// A deepening answer, ready to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpProposal {
    /// Question-bank section id.
    pub section: String,
    /// The deepening question.
    pub question: String,
    /// "Label: answer".
    pub read_back: Vec<String>,
    /// The note's text once this is written.
    pub new_text: String,
    /// For the session log.
    #[serde(skip)]
    pub answer: FollowUpAnswer,
}

/// Reads the reply to deepening question `index` (0-based) of `section`.
pub fn propose_follow_up(
    note: &str,
    section: &str,
    index: usize,
    answer: &str,
    today: Day,
) -> CoreResult<FollowUpProposal> {
    let info = question(note, section)?;
    let q = for_section(&info.section).ok_or_else(|| unknown(section))?;
    let f = q.follow_ups.get(index).ok_or_else(|| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!(
                "{} has {} deepening question(s); number {index} is not one of them.",
                info.title,
                q.follow_ups.len()
            ),
        )
    })?;
    if answer.trim().is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            "The answer is empty: give the person's answer, or leave the question.",
        ));
    }
    let new_text = write_follow_up(note, &info.section, f.label, answer, today)?;
    Ok(FollowUpProposal {
        section: info.section,
        question: f.question.to_string(),
        read_back: vec![format!("{}: {}", f.label, answer.trim())],
        new_text,
        answer: FollowUpAnswer {
            question: f.question.to_string(),
            answer: answer.trim().to_string(),
        },
    })
}

/// "Here is what I understood", each value under its label or column.
pub fn read_back(understood: &Reading, columns: &[String]) -> Vec<String> {
    let mut out = vec!["Here is what I understood:".to_string()];
    for f in &understood.fields {
        let value = if f.value.is_empty() {
            "(empty)"
        } else {
            &f.value
        };
        out.push(format!("  {}: {value}", f.label));
    }
    for (n, e) in understood.entries.iter().enumerate() {
        out.push(format!("  Entry {}:", n + 1));
        for (k, value) in e.iter().enumerate() {
            let label = columns.get(k).map_or("Value", String::as_str);
            let value = if value.is_empty() { "(empty)" } else { value };
            out.push(format!("    {label}: {value}"));
        }
    }
    for i in &understood.items {
        out.push(format!("  - {i}"));
    }
    for r in &understood.remove {
        out.push(format!("  Remove: {r}"));
    }
    for u in &understood.unplaced {
        out.push(format!("  Kept as a note: {u}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> String {
        crate::templates::career_index::render(
            Day::parse("2026-01-17").unwrap(),
            "2026 Goals",
            crate::templates::links::LinkFormat::Wikilink,
        )
    }

    #[test]
    fn an_answer_is_read_back_and_written_by_the_coaching_writers() {
        let note = index();
        let p = propose_section(
            "Career/0_Career_Index.md",
            &note,
            "Current Role",
            "8 direct reports, about 65 people, a $20M budget",
            &[("focus".into(), "Architecture and innovation".into())],
            Day::parse("2026-01-17").unwrap(),
            "2026-01-17T10:00:00",
        )
        .unwrap();
        assert_eq!(p.section, "current_role");
        assert!(
            p.read_back.contains(&"  Direct reports: 8".to_string()),
            "{:?}",
            p.read_back
        );
        assert!(p
            .read_back
            .contains(&"  Focus: Architecture and innovation".to_string()));
        assert!(
            p.new_text.contains("| Direct reports | 8 |"),
            "{}",
            p.new_text
        );
        assert!(p.missing.is_empty(), "{:?}", p.missing);
        // The session after Confirm says the section was written, for the log.
        assert_eq!(
            p.session.answers[0].status,
            Some(crate::coach::session::AnswerStatus::Written)
        );
    }

    #[test]
    fn fields_nobody_gave_are_reported_missing_not_invented() {
        let note = index();
        let p = propose_section(
            "I.md",
            &note,
            "current_role",
            "8 direct reports",
            &[],
            Day::parse("2026-01-17").unwrap(),
            "t",
        )
        .unwrap();
        let missing: Vec<&str> = p.missing.iter().map(|f| f.id.as_str()).collect();
        assert!(missing.contains(&"budget"), "{missing:?}");
    }

    #[test]
    fn unknown_sections_fields_and_empty_answers_are_refused_with_a_code() {
        let note = index();
        let day = Day::parse("2026-01-17").unwrap();
        for (section, answer, fields) in [
            ("Hobbies", "chess", vec![]),
            ("vision", "  ", vec![]),
            (
                "vision",
                "CTO",
                vec![("salary".to_string(), "1".to_string())],
            ),
        ] {
            let e = propose_section("I.md", &note, section, answer, &fields, day, "t").unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput, "{section}");
        }
        assert_eq!(
            propose_follow_up(&note, "vision", 5, "x", day)
                .unwrap_err()
                .code,
            ErrorCode::InvalidInput
        );
    }
}
