//! Planning a session: which sections, in which order, filled or reviewed,
//! and starting it (at an entry, for a blind spot's "Coach this").

use super::{walk, AnswerRecord, Mode, NoteNow, Planned, Session, Stage, VERSION};
use crate::coach::questions::{for_section, QuestionSet, QUESTIONS};
use crate::dates::Day;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::kind_of;
use crate::note::outline::Section;
use crate::note::placeholders::is_placeholder_only;

pub(super) fn title_of(section: &str) -> String {
    // The title block has no heading of its own; people know it as the headline.
    if section == "headline" {
        return "Headline".to_string();
    }
    crate::note::aliases::by_id(section)
        .map_or_else(|| section.to_string(), |k| k.canonical.to_string())
}

/// The question set a name means ("Network", "Wins", "Innovation Thesis"…).
fn question_for(name: &str) -> Option<&'static QuestionSet> {
    let id = kind_of(name).map(|k| k.id).unwrap_or(name);
    let id = match id {
        "innovation_thesis" => "belief",
        "growth" => "skills",
        "sponsors" | "mentors" | "advisors" | "mentees" => "network",
        "visibility_targets" => "external_visibility",
        "scope" => "current_role",
        other => other,
    };
    for_section(id)
}

/// Whether `section` is reviewed or filled; `kinds` are `all`'s kinds' ids.
fn mode_for(note: &str, all: &[Section], kinds: &[Option<&str>], section: &str) -> Mode {
    let filled = all
        .iter()
        .zip(kinds)
        .find(|(_, kind)| **kind == Some(section))
        .is_some_and(|(s, _)| !is_placeholder_only(note, s.body_span));
    if filled {
        Mode::Review
    } else {
        Mode::Fill
    }
}

/// Plans a session: the requested sections, or every section with empty and
/// placeholder-only ones first, in the methodology's order.
pub fn plan(note: &str, requested: &[String]) -> CoreResult<Vec<Planned>> {
    plan_in(&NoteNow::new(note), requested)
}

/// [`plan`] of a note read once for the whole call (the headings are
/// scanned once, not once per question, nor again to enter the first).
fn plan_in(note: &NoteNow, requested: &[String]) -> CoreResult<Vec<Planned>> {
    let all = note.sections();
    // Each title's kind found once, not once per question.
    let kinds: Vec<Option<&str>> = all
        .iter()
        .map(|s| kind_of(&s.title).map(|k| k.id))
        .collect();
    let note = note.text;
    let planned = |q: &QuestionSet| Planned {
        section: q.section.to_string(),
        title: title_of(q.section),
        mode: mode_for(note, all, &kinds, q.section),
    };
    if !requested.is_empty() {
        let mut out: Vec<Planned> = Vec::new();
        for name in requested {
            let q = question_for(name).ok_or_else(|| {
                let names: Vec<String> = QUESTIONS.iter().map(|q| title_of(q.section)).collect();
                CoreError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "There are no questions for \"{name}\". Choose from: {}.",
                        names.join(", ")
                    ),
                )
            })?;
            if !out.iter().any(|p| p.section == q.section) {
                out.push(planned(q));
            }
        }
        return Ok(out);
    }
    let all: Vec<Planned> = QUESTIONS.iter().map(planned).collect();
    let (fill, review): (Vec<Planned>, Vec<Planned>) =
        all.into_iter().partition(|p| p.mode == Mode::Fill);
    Ok(fill.into_iter().chain(review).collect())
}

/// Starts a session on the Career Index at `note_path`.
pub fn start(
    note_path: &str,
    note: &str,
    requested: &[String],
    today: Day,
    at: &str,
) -> CoreResult<Session> {
    start_at(note_path, note, requested, None, today, at)
}

/// [`start`], opening the entry on 1-based line `entry` for editing when a
/// planned section has one there (a blind spot's "Coach this"); otherwise,
/// and without `entry`, the session starts as [`start`] does.
pub fn start_at(
    note_path: &str,
    note: &str,
    requested: &[String],
    entry: Option<usize>,
    today: Day,
    at: &str,
) -> CoreResult<Session> {
    let note = NoteNow::new(note);
    let plan = plan_in(&note, requested)?;
    let mut session = Session {
        version: VERSION,
        started_at: at.to_string(),
        today: today.iso(),
        note: note_path.to_string(),
        answers: vec![AnswerRecord::default(); plan.len()],
        stage: if plan.is_empty() {
            Stage::Done
        } else {
            Stage::Asking
        },
        plan,
        position: 0,
        events: Vec::new(),
        decisions: Vec::new(),
        paused: false,
        carried: Vec::new(),
        threads: Vec::new(),
    };
    let titles: Vec<&str> = session.plan.iter().map(|p| p.title.as_str()).collect();
    let summary = titles.join(", ");
    session.event(at, "started", "", &summary);
    if let Some(line) = entry {
        if walk::open_entry(&mut session, &note, line, at) {
            return Ok(session);
        }
    }
    session.enter(&note, at);
    Ok(session)
}
