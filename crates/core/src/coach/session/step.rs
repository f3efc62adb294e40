//! Applying the person's actions to a session.

use super::{
    no_section, wrong, Action, AnswerStatus, Decision, FollowUpAnswer, NoteNow, Session, Stage,
    Step, VERSION,
};
use crate::coach::writers::{changes, write, write_follow_up};
use crate::error::{CoreError, CoreResult, ErrorCode};

/// Applies an action. `note` is the Career Index the person acted on (the
/// text their prompt was computed from); `at` is the time. The step's write
/// lands on the note as it is then with [`crate::proposal::land`]; save the
/// returned session only after that write.
pub fn step(session: &Session, action: &Action, note: &str, at: &str) -> CoreResult<Step> {
    let mut step = act(session, action, note, at)?;
    if let Some(text) = &step.write {
        step.edits = vec![crate::edit::between(note, text)];
    }
    Ok(step)
}

fn act(session: &Session, action: &Action, note: &str, at: &str) -> CoreResult<Step> {
    if session.version != VERSION {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!(
                "This session was saved by another version (format {}).",
                session.version
            ),
        ));
    }
    let mut s = session.clone();
    let mut write_text = None;
    let seen = NoteNow::new(note);
    super::walk::settle(&mut s, &seen);
    if let Some(walked) = super::walk::step(&mut s, action, &seen, at) {
        return Ok(Step {
            session: s,
            write: walked?,
            edits: Vec::new(),
        });
    }
    match (action, s.stage.clone()) {
        (Action::Pause, _) => {
            s.paused = true;
            s.event(at, "paused", "", "");
        }
        (Action::Resume, _) => {
            s.paused = false;
            s.event(at, "resumed", "", "");
            s.announce(at);
        }
        (Action::Thread { text }, _) => {
            if !text.trim().is_empty() {
                s.threads.push(text.trim().to_string());
                s.event(at, "thread", "", text.trim());
            }
        }
        (Action::Decide { what, why }, _) => {
            s.decisions.push(Decision {
                what: what.trim().into(),
                why: why.trim().into(),
            });
            s.event(
                at,
                "decided",
                "",
                &format!("{} — {}", what.trim(), why.trim()),
            );
        }
        (_, Stage::Done) => return Err(wrong("anything", &s.stage)),
        (Action::Answer { text }, Stage::Asking) => {
            let section = s
                .plan
                .get(s.position)
                .map(|p| p.section.clone())
                .unwrap_or_default();
            if text.trim().is_empty() {
                skip(&mut s, at, &section, &seen);
            } else {
                if let Some(record) = s.record() {
                    record.answer = text.trim().to_string();
                    record.asked.clear();
                    record.extra.clear();
                    record.status = Some(AnswerStatus::Pending);
                }
                s.event(at, "answered", &section, text.trim());
                s.stage = match s.next_missing()? {
                    Some(field) => Stage::FollowUp { field },
                    None => Stage::Confirming,
                };
            }
        }
        (Action::Answer { text }, Stage::FollowUp { field }) => {
            let (_, q) = s.current().ok_or_else(no_section)?;
            let label = q
                .fields
                .iter()
                .find(|f| f.id == field)
                .map_or(field.clone(), |f| f.label.to_string());
            let section = q.section.to_string();
            if let Some(record) = s.record() {
                record.asked.push(field.clone());
                if !text.trim().is_empty() {
                    record.extra.push((field.clone(), text.trim().to_string()));
                }
            }
            if !text.trim().is_empty() {
                s.event(
                    at,
                    "answered",
                    &section,
                    &format!("{label}: {}", text.trim()),
                );
            }
            s.stage = match s.next_missing()? {
                Some(next) => Stage::FollowUp { field: next },
                None => Stage::Confirming,
            };
        }
        (Action::Confirm, Stage::Confirming) => {
            let (planned, q) = s.current().ok_or_else(no_section)?;
            let section = planned.section.clone();
            let follow_ups = q.follow_ups.len();
            let reading = s.reading()?;
            let new = write(note, &section, &reading, s.today()?)?;
            let wrote = changes(note, &new);
            if let Some(record) = s.record() {
                record.status = Some(AnswerStatus::Written);
                record.wrote = wrote.clone();
            }
            let summary = wrote
                .iter()
                .filter(|c| c.sign == '+')
                .map(|c| c.text.trim().to_string())
                .collect::<Vec<_>>()
                .join(" / ");
            s.event(at, "confirmed", &section, &summary);
            if follow_ups > 0 {
                s.stage = Stage::Deepening { index: 0 };
                s.announce(at);
            } else {
                s.advance(at, &NoteNow::new(&new));
            }
            if new != note {
                write_text = Some(new);
            }
        }
        (Action::Answer { text }, Stage::Deepening { index }) => {
            let section = s
                .plan
                .get(s.position)
                .map(|p| p.section.clone())
                .unwrap_or_default();
            if let Some(record) = s.record() {
                record.follow_up_draft.clear();
            }
            if text.trim().is_empty() {
                next_follow_up(&mut s, at, index, &seen);
            } else {
                s.event(at, "answered", &section, text.trim());
                s.stage = Stage::ConfirmingFollowUp {
                    index,
                    answer: text.trim().to_string(),
                };
            }
        }
        (Action::Confirm, Stage::ConfirmingFollowUp { index, answer }) => {
            let (planned, q) = s.current().ok_or_else(no_section)?;
            let section = planned.section.clone();
            let f = q.follow_ups.get(index).copied().ok_or_else(no_section)?;
            let new = write_follow_up(note, &section, f.label, &answer, s.today()?)?;
            if let Some(record) = s.record() {
                record.follow_ups.push(FollowUpAnswer {
                    question: f.question.into(),
                    answer: answer.clone(),
                });
            }
            s.event(at, "confirmed", &section, &format!("{}: {answer}", f.label));
            next_follow_up(&mut s, at, index, &NoteNow::new(&new));
            if new != note {
                write_text = Some(new);
            }
        }
        (Action::Edit, Stage::ConfirmingFollowUp { index, answer }) => {
            let section = s
                .plan
                .get(s.position)
                .map(|p| p.section.clone())
                .unwrap_or_default();
            if let Some(record) = s.record() {
                record.follow_up_draft = answer;
            }
            s.stage = Stage::Deepening { index };
            s.event(at, "edited", &section, "");
        }
        (Action::Edit, Stage::Confirming | Stage::FollowUp { .. }) => {
            let section = s
                .plan
                .get(s.position)
                .map(|p| p.section.clone())
                .unwrap_or_default();
            s.stage = Stage::Asking;
            s.event(at, "edited", &section, "");
        }
        (Action::Skip, Stage::Deepening { index } | Stage::ConfirmingFollowUp { index, .. }) => {
            let section = s
                .plan
                .get(s.position)
                .map(|p| p.section.clone())
                .unwrap_or_default();
            s.event(at, "skipped", &section, "follow-up");
            next_follow_up(&mut s, at, index, &seen);
        }
        // Skip leaves this question: at a missing field's question, that field.
        (Action::Skip, Stage::FollowUp { field }) => {
            if let Some(record) = s.record() {
                record.asked.push(field);
            }
            s.stage = match s.next_missing()? {
                Some(next) => Stage::FollowUp { field: next },
                None => Stage::Confirming,
            };
        }
        (Action::Skip, Stage::Asking | Stage::Confirming | Stage::Entry { .. }) => {
            let section = s
                .plan
                .get(s.position)
                .map(|p| p.section.clone())
                .unwrap_or_default();
            skip(&mut s, at, &section, &seen);
        }
        // Back is always the previous section's question; Edit is this answer.
        (Action::Back, _) => {
            if s.position == 0 {
                return Err(CoreError::new(
                    ErrorCode::InvalidInput,
                    "This is the first section; there is nothing to go back to. \
                     Type edit to change this answer.",
                ));
            }
            s.position -= 1;
            let section = s
                .plan
                .get(s.position)
                .map(|p| p.section.clone())
                .unwrap_or_default();
            s.event(at, "back", &section, "");
            s.enter(&seen, at);
        }
        (action, stage) => return Err(wrong(&format!("{action:?}"), &stage)),
    }
    Ok(Step {
        session: s,
        write: write_text,
        edits: Vec::new(),
    })
}

fn skip(s: &mut Session, at: &str, section: &str, note: &NoteNow) {
    if let Some(record) = s.record() {
        if record.status != Some(AnswerStatus::Written) {
            record.status = Some(AnswerStatus::Skipped);
        }
    }
    s.event(at, "skipped", section, "");
    s.advance(at, note);
}

/// Moves to the deepening question after `index`, or to the next section
/// (`note`: the Career Index as it is after this step).
fn next_follow_up(s: &mut Session, at: &str, index: usize, note: &NoteNow) {
    let count = s.current().map_or(0, |(_, q)| q.follow_ups.len());
    if index + 1 < count {
        s.stage = Stage::Deepening { index: index + 1 };
        s.announce(at);
    } else {
        s.advance(at, note);
    }
}
