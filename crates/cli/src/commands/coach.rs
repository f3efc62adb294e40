//! `career coach`: the coaching conversation in a terminal.
//!
//! The same engine as the plugin's modal, one question at a time, read with
//! the one prompt grammar of [`super::grammar`]: on a terminal an answer ends
//! with an empty line; when stdin is not a terminal each line is one reply, so
//! sessions can be scripted. Every prompt lists what can be typed there,
//! `decision` and `thread` included. The session lives in the plugin's
//! data.json, so it can be resumed in Obsidian or here; end of input pauses it.

use std::io::Write;

use career_core::coach::session::{prompt, start_at, step, Action, Prompt, Session};
use career_core::{CoreError, ErrorCode};

use super::coach_view::{show, AT_AN_ENTRY, AT_A_CONFIRMATION};
use super::grammar::{self, Replies, Word};
use crate::output::Output;
use crate::Context;

/// The session key in the plugin's data.json.
const SESSION_KEY: &str = "session";

/// Loads an unfinished session, if one is saved.
pub fn load_session(context: &Context) -> Result<Option<Session>, CoreError> {
    match crate::settings::load_key(&context.vault, SESSION_KEY)? {
        None => Ok(None),
        Some(value) => serde_json::from_value(value).map(Some).map_err(|e| {
            CoreError::new(
                ErrorCode::InvalidInput,
                format!("The saved coaching session could not be read ({e})."),
            )
        }),
    }
}

/// Saves the session into data.json (`null` when there is none, as the
/// plugin writes it), keeping the settings and anything else there.
pub fn save_session(context: &Context, session: Option<&Session>) -> Result<(), CoreError> {
    let value = serde_json::to_value(session).unwrap_or(serde_json::Value::Null);
    crate::settings::save_key(&context.vault, SESSION_KEY, Some(value))
}

/// The current time for the transcript (`CAREER_NOW` fixes it, for reproducible scripts).
pub fn now() -> String {
    std::env::var("CAREER_NOW")
        .unwrap_or_else(|_| chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string())
}

fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

/// What a reply means at the current prompt.
enum Reply {
    /// A session action.
    Act(Action),
    /// `decision`: ask what and why, then record it.
    Decision,
    /// `thread`: ask for the thread, then record it.
    Thread,
    /// Not understood at a confirmation.
    Unknown,
}

/// Turns a reply into what it means at the current prompt (one grammar).
fn reply_for(prompt: &Prompt, reply: &str) -> Reply {
    if matches!(prompt, Prompt::Entry { .. }) {
        return match grammar::entry_choice(reply) {
            Some(Word::Keep) => Reply::Act(Action::Keep),
            Some(Word::Edit) => Reply::Act(Action::Edit),
            Some(Word::Remove) => Reply::Act(Action::Remove),
            Some(Word::Add) => Reply::Act(Action::Add),
            Some(Word::Skip) => Reply::Act(Action::Skip),
            Some(Word::Back) => Reply::Act(Action::Back),
            Some(Word::Pause) => Reply::Act(Action::Pause),
            Some(Word::Decision) => Reply::Decision,
            Some(Word::Thread) => Reply::Thread,
            _ => Reply::Unknown,
        };
    }
    let confirming = matches!(prompt, Prompt::Confirm { .. });
    match grammar::command(reply, confirming) {
        Some(Word::Confirm) if confirming => Reply::Act(Action::Confirm),
        Some(Word::Edit) if confirming => Reply::Act(Action::Edit),
        Some(Word::Skip) => Reply::Act(Action::Skip),
        Some(Word::Back) => Reply::Act(Action::Back),
        Some(Word::Pause) => Reply::Act(Action::Pause),
        Some(Word::Decision) => Reply::Decision,
        Some(Word::Thread) => Reply::Thread,
        _ if confirming => Reply::Unknown,
        _ => Reply::Act(Action::Answer {
            text: reply.to_string(),
        }),
    }
}

/// Runs `career coach`; `entry`: the 1-based line of an entry to open for
/// editing (a blind spot finding's), which starts a new session.
pub fn run(
    context: &Context,
    sections: &[String],
    entry: Option<usize>,
    fresh: bool,
) -> Result<Output, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let files = context.files()?;
    let index = &paths.career_index;
    if files.read(index)?.is_none() {
        return Err(CoreError::new(
            ErrorCode::NoteMissing,
            format!(
                "{} does not exist yet: run `career init` first.",
                paths.career_index
            ),
        ));
    }
    let saved = load_session(context)?;
    // Threads an unfinished session carried are already forwarded ([>]) in their
    // old logs: a fresh session takes them over so they reach a new log.
    let inherited = saved
        .as_ref()
        .map(|s| s.carried.clone())
        .unwrap_or_default();
    let resumable = !fresh && entry.is_none();
    let mut session = match (saved, resumable) {
        (Some(saved), true) if saved.stage != career_core::coach::session::Stage::Done => {
            say(&format!(
                "Resuming the session started {}.",
                saved.started_at
            ));
            let note = files.read_existing(index)?;
            step(&saved, &Action::Resume, &note.text, &now())?.session
        }
        (saved, _) => {
            if let Some(saved) =
                saved.filter(|s| s.stage != career_core::coach::session::Stage::Done)
            {
                if entry.is_some() && !fresh {
                    // Opening an entry starts a session of its own, as `--new` does.
                    say(&format!(
                        "A new session for this entry replaces the paused one started {}.",
                        saved.started_at
                    ));
                }
            }
            let note = files.read_existing(index)?;
            start_at(
                &paths.career_index,
                &note.text,
                sections,
                entry,
                context.today,
                &now(),
            )?
        }
    };
    let mut terminal = Replies::stdin();
    let interactive = terminal.interactive;
    if session.events.len() <= 2 && session.carried.is_empty() {
        session.carried = inherited;
        session
            .carried
            .extend(review_threads(context, &mut terminal)?);
    }
    save_session(context, Some(&session))?;
    loop {
        let note = files.read_existing(index)?;
        let current = prompt(&session, &note.text)?;
        show(&current, interactive);
        if matches!(current, Prompt::Done { .. }) {
            break;
        }
        let line = match current {
            Prompt::Confirm { .. } | Prompt::Entry { .. } => terminal.line(),
            _ => terminal.reply(),
        };
        let Some(line) = line else {
            session = step(&session, &Action::Pause, &note.text, &now())?.session;
            save_session(context, Some(&session))?;
            return Ok(Output::new(
                "Paused (end of input). Run `career coach` to resume.",
                serde_json::json!({ "paused": true }),
            ));
        };
        let action = match reply_for(&current, &line) {
            Reply::Act(action) => action,
            Reply::Unknown => {
                let words = if matches!(current, Prompt::Entry { .. }) {
                    AT_AN_ENTRY
                } else {
                    AT_A_CONFIRMATION
                };
                say(&format!(
                    "Please answer with one of: {}",
                    grammar::choices(words)
                ));
                continue;
            }
            Reply::Decision => {
                say("Decision: what did you decide?");
                let what = terminal.reply().unwrap_or_default();
                if what.trim().is_empty() || grammar::command(&what, false).is_some() {
                    continue;
                }
                say("Why?");
                let why = terminal.reply().unwrap_or_default();
                Action::Decide { what, why }
            }
            Reply::Thread => {
                say("Open thread for next time?");
                let text = terminal.reply().unwrap_or_default();
                if text.trim().is_empty() || grammar::command(&text, false).is_some() {
                    continue;
                }
                Action::Thread { text }
            }
        };
        let pausing = action == Action::Pause;
        let result = match step(&session, &action, &note.text, &now()) {
            Ok(result) => result,
            Err(e) if e.code == ErrorCode::InvalidInput => {
                say(&e.message);
                continue;
            }
            Err(e) => return Err(e),
        };
        if result.write.is_some() {
            // The same proposal career mcp confirms: the answer's change on the
            // note the prompt was shown from, landed on the note as it is at the
            // write (moved past an edit made elsewhere meanwhile), as the plugin does.
            let change = career_core::proposal::Proposal::new(
                "Coaching answer",
                Vec::new(),
                vec![career_core::proposal::Planned::edit(
                    &note.relative,
                    &note.text,
                    result.edits.clone(),
                )],
            )?;
            match files.commit(&change, crate::vault::Commit::Moving) {
                Ok(_) => {}
                Err(e) if e.code == ErrorCode::Conflict => {
                    // The person edited the lines this answer replaces while they were
                    // answering: show the note as it is now and ask again. The answer
                    // stays in the session, so nothing they typed is lost.
                    say(&format!(
                        "{index} changed where this answer goes while you were answering. \
                         Here is the change again, on the note as it is now."
                    ));
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
        session = result.session;
        save_session(context, Some(&session))?;
        if pausing {
            return Ok(Output::new(
                "Paused. Run `career coach` to resume.",
                serde_json::json!({ "paused": true }),
            ));
        }
    }
    let written = session
        .answers
        .iter()
        .filter(|a| a.status == Some(career_core::coach::session::AnswerStatus::Written))
        .count();
    let log = finish(context, &session, &mut terminal)?;
    save_session(context, None)?;
    Ok(Output::new(
        format!("Wrote the session log {log}."),
        serde_json::json!({ "finished": true, "written": written, "log": log }),
    ))
}

/// Lists open threads from earlier logs; each is resolved, carried or dropped.
fn review_threads(
    context: &Context,
    terminal: &mut Replies,
) -> Result<Vec<career_core::log::threads::Thread>, CoreError> {
    let open = crate::commands::log::open_threads(context)?;
    if open.is_empty() {
        return Ok(Vec::new());
    }
    say(&format!(
        "\nOpen threads from earlier sessions ({}):",
        open.len()
    ));
    let mut carried = Vec::new();
    for thread in open {
        let times = if thread.carried > 0 {
            format!(" (carried {}×)", thread.carried)
        } else {
            String::new()
        };
        say(&format!(
            "- {}{times}\n  [r]esolved · [c]arry · [d]rop?",
            thread.text
        ));
        let reply = terminal.line().unwrap_or_default().trim().to_lowercase();
        let disposition = match reply.as_str() {
            "r" | "resolved" | "resolve" => career_core::log::threads::Disposition::Resolve,
            "d" | "drop" => career_core::log::threads::Disposition::Drop,
            _ => career_core::log::threads::Disposition::Carry,
        };
        crate::commands::log::dispose_thread(context, &thread, disposition)?;
        if disposition == career_core::log::threads::Disposition::Carry {
            carried.push(thread);
        }
    }
    Ok(carried)
}

/// Asks the closing questions and writes the session log.
fn finish(
    context: &Context,
    session: &Session,
    terminal: &mut Replies,
) -> Result<String, CoreError> {
    let touched = career_core::log::render::sections_touched(session);
    let default_focus = if touched.is_empty() {
        "Career Index review".to_string()
    } else {
        touched.join(", ")
    };
    // The closing questions read answers like every other prompt: one per line
    // (or separated by ;), finished with an empty line; skip or done for none.
    let mut ask = |question: &str| terminal.list(question);
    let focus = ask(&format!("Focus of this session? (skip: {default_focus})")).join("; ");
    let threads = ask("Open threads for next time? One per line.");
    let worked = ask("What worked well?");
    let improve = ask("What to improve?");
    let paths = context.settings.note_paths(context.today)?;
    let outputs = if touched.is_empty() {
        Vec::new()
    } else {
        vec![("Career Index".to_string(), paths.career_index_name.clone())]
    };
    crate::commands::log::write_log(
        context,
        career_core::log::render::LogInput {
            session: Some(session),
            focus: if focus.is_empty() {
                default_focus
            } else {
                focus
            },
            outputs,
            threads,
            worked,
            improve,
            ..Default::default()
        },
    )
}
