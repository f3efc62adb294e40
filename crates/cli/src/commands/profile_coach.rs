//! `career coach --section profile`: Phase 1, the profile's User Preferences,
//! one question at a time (issue 14, item 6).
//!
//! Each of the seed's profile questions is asked in turn; the answer is read
//! back (`Tone: direct`) and written into its field of User Preferences only
//! once confirmed, through the guarded write path (`apply_edits`). The prompt
//! grammar is `career coach`'s (see `grammar.rs`): skip keeps what is there,
//! back returns to the previous question, pause stops, decision and thread
//! note a decision or an open thread at any step. At the end the session log
//! records Phase 1 with what was written.

use std::io::Write;

use career_core::coach::session::Decision;
use career_core::log::phases::Phases;
use career_core::log::render::LogInput;
use career_core::templates::profile_coach::{
    current, log_lines, read, write, ProfileReading, QUESTIONS,
};
use career_core::CoreError;

use crate::commands::grammar::{answer_line, command, confirm_line, Replies, Word};
use crate::output::Output;
use crate::Context;

fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

/// What the run collected besides the profile's fields.
#[derive(Default)]
struct Notes {
    decisions: Vec<Decision>,
    threads: Vec<String>,
}

/// Asks for a decision (what, then why) or a thread; nothing at the end of input.
fn note_aside(word: Word, terminal: &mut Replies, notes: &mut Notes) {
    let interactive = terminal.interactive;
    let mut ask = |question: &str| {
        say(question);
        say(&answer_line(interactive, &[Word::Skip]));
        terminal
            .reply()
            .filter(|r| command(r, false).is_none() && !r.trim().is_empty())
    };
    match word {
        Word::Decision => {
            if let Some(what) = ask("Decision: what did you decide?") {
                let why = ask("Why?").unwrap_or_default();
                say("Noted for the session log.");
                notes.decisions.push(Decision { what, why });
            }
        }
        Word::Thread => {
            if let Some(thread) = ask("Open thread: what should the next session pick up?") {
                say("Noted for the session log.");
                notes.threads.push(thread);
            }
        }
        _ => {}
    }
}

/// Runs the profile questions; returns the summary.
pub fn run(context: &Context) -> Result<Output, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let files = context.files()?;
    let profile = paths.profile.clone();
    let note = files.read(&profile)?.ok_or_else(|| {
        CoreError::new(
            career_core::ErrorCode::NoteMissing,
            format!("{profile} does not exist yet: run `career init` (or `career profile upgrade`) first."),
        )
    })?;
    // Refuses a profile without User Preferences before the first question.
    current(&note.text, "name")?;
    let mut terminal = Replies::stdin();
    let interactive = terminal.interactive;
    let mut written: Vec<ProfileReading> = Vec::new();
    let mut notes = Notes::default();
    let mut paused = false;
    let mut at = 0;
    say("Phase 1: your profile, one question at a time. Each answer is read back before it is written.");
    'questions: while let Some(q) = QUESTIONS.get(at) {
        let text = files.read_existing(&profile)?.text;
        say(&format!(
            "\n[{}/{}] {} — {}",
            at + 1,
            QUESTIONS.len(),
            q.part,
            q.question
        ));
        say(&format!("  {}", q.hint));
        if let Some(now) = current(&text, q.id)? {
            say(&format!("  Now: {now} (skip keeps it)"));
        }
        say(&answer_line(
            interactive,
            &[
                Word::Skip,
                Word::Back,
                Word::Pause,
                Word::Decision,
                Word::Thread,
            ],
        ));
        let Some(reply) = terminal.reply() else {
            paused = true;
            break;
        };
        match command(&reply, false) {
            Some(Word::Skip) => {
                at += 1;
                continue;
            }
            Some(Word::Back) => {
                at = at.saturating_sub(1);
                continue;
            }
            Some(Word::Pause) | Some(Word::Done) => {
                paused = true;
                break;
            }
            Some(word @ (Word::Decision | Word::Thread)) => {
                note_aside(word, &mut terminal, &mut notes);
                continue;
            }
            Some(Word::Confirm | Word::Edit) => {
                say("Type an answer first (or skip).");
                continue;
            }
            // Words of an entry only; `command` never reads them.
            Some(Word::Keep | Word::Remove | Word::Add) | None => {}
        }
        if reply.trim().is_empty() {
            // Piped input: an empty line skips.
            at += 1;
            continue;
        }
        let reading = match read(q.id, &reply) {
            Ok(reading) => reading,
            Err(e) => {
                say(&e.message);
                continue;
            }
        };
        loop {
            say(&format!("Understood: {}", reading.read_back));
            say(&confirm_line(&[
                Word::Confirm,
                Word::Edit,
                Word::Skip,
                Word::Back,
                Word::Decision,
                Word::Thread,
            ]));
            let Some(choice) = terminal.line() else {
                paused = true;
                break 'questions;
            };
            match command(&choice, true) {
                Some(Word::Confirm) => {
                    let note = files.read_existing(&profile)?;
                    let outcome = write(&note.text, &reading)?;
                    if outcome.text.is_some() {
                        let change = career_core::proposal::Proposal::new(
                            reading.read_back.clone(),
                            vec![reading.read_back.clone()],
                            vec![career_core::proposal::Planned::edit(
                                &note.relative,
                                &note.text,
                                outcome.edits,
                            )],
                        )?;
                        files.commit(&change, crate::vault::Commit::Moving)?;
                    }
                    say(&format!("Written to {profile}."));
                    // Back and a new answer: the later one counts, in question order.
                    written.retain(|r| r.id != reading.id);
                    written.push(reading);
                    written.sort_by_key(|r| QUESTIONS.iter().position(|q| q.id == r.id));
                    at += 1;
                    break;
                }
                Some(Word::Edit) => break,
                Some(Word::Skip) => {
                    at += 1;
                    break;
                }
                Some(Word::Back) => {
                    at = at.saturating_sub(1);
                    break;
                }
                Some(word @ (Word::Decision | Word::Thread)) => {
                    note_aside(word, &mut terminal, &mut notes);
                }
                _ => say("Type y to write it, e to change it, s to skip it or b to go back."),
            }
        }
    }
    let summary = format!(
        "{} of {} profile answers written to {profile}{}",
        written.len(),
        QUESTIONS.len(),
        if paused {
            " (stopped early; run again to go on)."
        } else {
            "."
        }
    );
    if written.is_empty() && notes.decisions.is_empty() && notes.threads.is_empty() {
        return Ok(Output::new(
            summary,
            serde_json::json!({ "written": 0, "log": null }),
        ));
    }
    // Closing: the session log records Phase 1, decisions and threads.
    let mut threads = notes.threads;
    let mut decisions = notes.decisions;
    let (more_decisions, more_threads, worked, improve) = closing(&mut terminal);
    decisions.extend(more_decisions);
    threads.extend(more_threads);
    let profile_note = profile.rsplit('/').next().unwrap_or(&profile).to_string();
    let log = crate::commands::log::write_log(
        context,
        LogInput {
            focus: "Profile (User Preferences)".into(),
            decisions,
            threads,
            worked,
            improve,
            phases: Phases {
                profile: log_lines(&written),
                profile_note,
                ..Phases::default()
            },
            ..LogInput::default()
        },
    )?;
    Ok(Output::new(
        format!("{summary}\nCreated {log}"),
        serde_json::json!({ "written": written.len(), "log": log }),
    ))
}

/// The closing questions: decisions, open threads, what worked, what to
/// improve (each may be skipped).
fn closing(terminal: &mut Replies) -> (Vec<Decision>, Vec<String>, Vec<String>, Vec<String>) {
    let mut ask = |question: &str| terminal.list(question);
    let decisions = ask("\nDecisions made? One per line: what | why.")
        .into_iter()
        .map(|d| {
            let (what, why) = d.split_once('|').unwrap_or((&d, ""));
            Decision {
                what: what.trim().to_string(),
                why: why.trim().to_string(),
            }
        })
        .collect();
    let threads = ask("Open threads for next time? One per line.");
    let worked = ask("What worked well?");
    let improve = ask("What to improve?");
    (decisions, threads, worked, improve)
}
