//! What an AI assistant's session needs from the core (issue 17).
//!
//! An assistant connected through `career mcp` holds the conversation; the
//! core reads answers, plans every change and keeps the record the session
//! log is written from. Nothing here is a second coaching engine:
//! [`coach`] drives the one session state machine, the other phases call the
//! same functions the CLI does (profile coaching, the goals template, reviews,
//! blind spots), and every change is a [`crate::proposal::Proposal`] the person
//! confirms. [`prompts`] gives each phase's method as text, built from the
//! same data the notes are (the question bank, the methodology's tables).
//!
//! [`Record`] is the session as confirmed: only what the person confirmed is
//! in it, and [`Record::log_input`] makes the same session log `career coach`
//! writes from it.

pub mod coach;
pub mod prompts;

use crate::coach::session::{Decision, FollowUpAnswer, Session, Stage};
use crate::log::phases::{detect, Phases};
use crate::log::render::{sections_touched, LogInput};
use crate::log::threads::Thread;
use crate::templates::profile_coach::{log_lines, ProfileReading, QUESTIONS};

/// Everything a session confirmed, for its log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The coaching sections written (one session holding every section
    /// confirmed, in the order they were first written).
    pub coaching: Option<Session>,
    /// Profile answers written, in question order.
    pub profile: Vec<ProfileReading>,
    /// The profile note's name (link target).
    pub profile_note: String,
    /// Phases 2, 4 and 5: what notes created in the session show.
    pub phases: Phases,
    /// Other work confirmed (reviews, weekly actions, statuses, note edits), one line each.
    pub did: Vec<String>,
    /// Notes changed: (label, link target), in the order first changed.
    pub outputs: Vec<(String, String)>,
    /// Decisions noted, with why.
    pub decisions: Vec<Decision>,
    /// Open threads noted for next time.
    pub threads: Vec<String>,
    /// Threads from earlier logs carried into this session.
    pub carried: Vec<Thread>,
}

impl Record {
    /// Whether the session confirmed or noted nothing yet.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Adds a confirmed coaching answer: the one-section session after its
    /// Confirm. Coaching a section again replaces what it recorded.
    pub fn add_section(&mut self, confirmed: &Session) {
        let Some(coaching) = &mut self.coaching else {
            self.coaching = Some(confirmed.clone());
            return;
        };
        for (planned, answer) in confirmed.plan.iter().zip(&confirmed.answers) {
            match coaching
                .plan
                .iter()
                .position(|p| p.section == planned.section)
            {
                Some(at) => {
                    if let Some(slot) = coaching.answers.get_mut(at) {
                        *slot = answer.clone();
                    }
                }
                None => {
                    coaching.plan.push(planned.clone());
                    coaching.answers.push(answer.clone());
                }
            }
        }
        // The session's own events (started, finished) stay those of the first section.
        coaching.events.extend(
            confirmed
                .events
                .iter()
                .filter(|e| !e.section.is_empty())
                .cloned(),
        );
        coaching.position = coaching.plan.len();
        coaching.stage = Stage::Done;
    }

    /// Adds a confirmed deepening answer to its section's record.
    pub fn add_follow_up(&mut self, section: &str, answer: FollowUpAnswer) {
        let record = self.coaching.as_mut().and_then(|c| {
            let at = c.plan.iter().position(|p| p.section == section)?;
            c.answers.get_mut(at)
        });
        match record {
            Some(record) => {
                record.follow_ups.retain(|f| f.question != answer.question);
                record.follow_ups.push(answer);
            }
            None => self.did.push(format!(
                "Deepened {section}: {} {}",
                answer.question, answer.answer
            )),
        }
    }

    /// Adds a confirmed profile answer (a later answer to the same question wins).
    pub fn add_profile(&mut self, reading: ProfileReading, profile_note: &str) {
        self.profile.retain(|r| r.id != reading.id);
        self.profile.push(reading);
        crate::order::sort_by_key(&mut self.profile, |r| {
            QUESTIONS.iter().position(|q| q.id == r.id)
        });
        self.profile_note = profile_note.to_string();
    }

    /// Adds what a note created today shows (a Career Index from the
    /// template, a saved blind spot analysis, a goals note), read as the
    /// log's phase detection reads it.
    pub fn add_created(&mut self, today: &str, path: &str, text: &str) {
        let found = detect(today, &[(path.to_string(), text.to_string())]);
        if !found.index_note.is_empty() {
            self.phases.index_note = found.index_note;
        }
        for line in found.structure {
            if !self.phases.structure.contains(&line) {
                self.phases.structure.push(line);
            }
        }
        if found.blind_spots.is_some() {
            self.phases.blind_spots = found.blind_spots;
        }
        if found.goals.is_some() {
            self.phases.goals = found.goals;
        }
    }

    /// Adds a change to the index's structure (sections added by an upgrade).
    pub fn add_structure(&mut self, line: String, index_note: &str) {
        if !self.phases.structure.contains(&line) {
            self.phases.structure.push(line);
        }
        self.phases.index_note = index_note.to_string();
    }

    /// Adds other confirmed work, one line.
    pub fn add_did(&mut self, line: String) {
        self.did.push(line);
    }

    /// Adds a note the session changed, once.
    pub fn add_output(&mut self, label: &str, target: &str) {
        if !self.outputs.iter().any(|(_, t)| t == target) {
            self.outputs.push((label.to_string(), target.to_string()));
        }
    }

    /// A default focus: the phases worked, in the method's order.
    pub fn focus(&self) -> String {
        let mut parts = Vec::new();
        if !self.profile.is_empty() {
            parts.push("Profile (User Preferences)".to_string());
        }
        if !self.phases.structure.is_empty() {
            parts.push("Career Index structure".to_string());
        }
        if let Some(coaching) = &self.coaching {
            parts.extend(sections_touched(coaching));
        }
        if self.phases.blind_spots.is_some() {
            parts.push("Blind spot analysis".to_string());
        }
        if self.phases.goals.is_some() {
            parts.push("Goal cascade".to_string());
        }
        if parts.is_empty() && !self.did.is_empty() {
            parts.push("Maintenance".to_string());
        }
        if parts.is_empty() {
            "Career coaching".to_string()
        } else {
            parts.join(", ")
        }
    }

    /// The log's input: what the session confirmed, with what the closing adds.
    pub fn log_input(&self, closing: Closing) -> LogInput<'_> {
        let mut decisions = self.decisions.clone();
        decisions.extend(closing.decisions);
        let mut threads = self.threads.clone();
        threads.extend(closing.threads);
        let focus = closing
            .focus
            .filter(|f| !f.trim().is_empty())
            .unwrap_or_else(|| self.focus());
        LogInput {
            session: self.coaching.as_ref(),
            focus,
            outputs: self.outputs.clone(),
            decisions,
            did: self.did.clone(),
            carried: self.carried.clone(),
            threads,
            worked: closing.worked,
            improve: closing.improve,
            phases: Phases {
                profile: log_lines(&self.profile),
                profile_note: self.profile_note.clone(),
                ..self.phases.clone()
            },
            frameworks: closing.frameworks,
            ..LogInput::default()
        }
    }
}

/// What the person adds when the session closes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Closing {
    /// One line: what the session was about (default: the phases worked).
    pub focus: Option<String>,
    /// Decisions not noted during the session.
    pub decisions: Vec<Decision>,
    /// Open threads for next time.
    pub threads: Vec<String>,
    /// What worked well.
    pub worked: Vec<String>,
    /// What to improve.
    pub improve: Vec<String>,
    /// Frameworks used besides those the session shows.
    pub frameworks: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Day;

    #[test]
    fn a_record_holds_each_section_once_with_its_follow_ups() {
        let day = Day::parse("2026-01-17").unwrap();
        let note = crate::templates::career_index::render(
            day,
            "2026 Goals",
            crate::templates::links::LinkFormat::Wikilink,
        );
        let mut record = Record::default();
        assert!(record.is_empty());
        for answer in ["CTO by 2031", "CTO of a scale-up by 2031"] {
            let p = coach::propose_section(
                "I.md",
                &note,
                "vision",
                answer,
                &[],
                day,
                "2026-01-17T10:00:00",
            )
            .unwrap();
            record.add_section(&p.session);
        }
        let wins = coach::propose_section(
            "I.md",
            &note,
            "wins",
            "GAS Summit | 3 years running",
            &[],
            day,
            "2026-01-17T10:05:00",
        )
        .unwrap();
        record.add_section(&wins.session);
        record.add_follow_up(
            "vision",
            FollowUpAnswer {
                question: "Q?".into(),
                answer: "A".into(),
            },
        );
        let coaching = record.coaching.as_ref().unwrap();
        let sections: Vec<&str> = coaching.plan.iter().map(|p| p.section.as_str()).collect();
        assert_eq!(sections, ["vision", "wins"]);
        assert_eq!(coaching.answers[0].answer, "CTO of a scale-up by 2031");
        assert_eq!(coaching.answers[0].follow_ups.len(), 1);
        assert_eq!(record.focus(), "Vision, Wins & Artifacts");
    }
}
