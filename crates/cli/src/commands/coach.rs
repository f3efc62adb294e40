//! `career coach`: the coaching conversation in a terminal.
//!
//! The same engine as the plugin's modal, one question at a time. On a
//! terminal an answer ends with an empty line; when stdin is not a terminal,
//! each line answers the current prompt, so sessions can be scripted. The
//! confirm prompt takes y (confirm), e (edit), s (skip), b (back), p (pause);
//! `/skip`, `/back`, `/pause` and `/decide WHAT | WHY` work at any question.
//! The session lives in the plugin's data.json, so it can be resumed in
//! Obsidian or here; end of input pauses it.

use std::io::{BufRead, IsTerminal, Write};

use career_core::coach::session::{prompt, start, step, Action, Prompt, Session};
use career_core::{CoreError, ErrorCode};

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
fn now() -> String {
    std::env::var("CAREER_NOW")
        .unwrap_or_else(|_| chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string())
}

struct Terminal {
    interactive: bool,
    lines: std::io::Lines<std::io::StdinLock<'static>>,
}

impl Terminal {
    /// Reads an answer: one line when scripted; lines until an empty one on a terminal.
    fn answer(&mut self) -> Option<String> {
        let first = self.lines.next()?.ok()?;
        if !self.interactive || first.trim().is_empty() || first.trim_start().starts_with('/') {
            return Some(first);
        }
        let mut answer = vec![first];
        while let Some(Ok(line)) = self.lines.next() {
            if line.trim().is_empty() {
                break;
            }
            answer.push(line);
        }
        Some(answer.join("\n"))
    }

    fn line(&mut self) -> Option<String> {
        self.lines.next()?.ok()
    }
}

fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

fn show(prompt: &Prompt, interactive: bool) {
    let end = if interactive {
        " (finish with an empty line)"
    } else {
        ""
    };
    match prompt {
        Prompt::Question {
            title,
            mode,
            question,
            hint,
            definitions,
            current,
            progress,
            draft,
            ..
        } => {
            say(&format!(
                "\n[{}/{}] {title}{}",
                progress.current,
                progress.total,
                if *mode == career_core::coach::session::Mode::Review {
                    " (review)"
                } else {
                    ""
                }
            ));
            if !current.is_empty() {
                say(&format!("Currently:\n{}", indent(current)));
            }
            for d in definitions {
                say(&format!("  {}: {}", d.term, d.meaning));
            }
            say(&format!("{question}\n  {hint}"));
            if !draft.is_empty() {
                say(&format!("  Your earlier answer:\n{}", indent(draft)));
            }
            say(&format!(
                "> Answer{end}; an empty answer skips the section."
            ));
        }
        Prompt::FollowUp { question, hint, .. } => say(&format!("{question}  ({hint})")),
        Prompt::Deepen { question, .. } => say(&format!("{question}  (Enter to skip)")),
        Prompt::Confirm {
            understood,
            changes,
            ..
        } => {
            say("Here is what I understood:");
            for f in &understood.fields {
                say(&format!("  {}: {}", f.label, f.value));
            }
            for e in &understood.entries {
                say(&format!("  - {}", e.join(" | ")));
            }
            for i in &understood.items {
                say(&format!("  - {i}"));
            }
            for u in &understood.unplaced {
                say(&format!("  (not placed: {u})"));
            }
            say("The note will change like this:");
            for c in changes {
                say(&format!("  {} {}", c.sign, c.text));
            }
            say("Confirm? [y]es, [e]dit, [s]kip, [b]ack, [p]ause");
        }
        Prompt::Done { written, skipped } => say(&format!(
            "\nDone: {written} section(s) written, {skipped} skipped."
        )),
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Turns a typed line into an action for the current prompt.
fn action_for(prompt: &Prompt, line: &str) -> Option<Action> {
    let trimmed = line.trim();
    if let Some(command) = trimmed.strip_prefix('/') {
        let (name, rest) = command.split_once(' ').unwrap_or((command, ""));
        return match name {
            "skip" => Some(Action::Skip),
            "back" => Some(Action::Back),
            "pause" => Some(Action::Pause),
            "edit" => Some(Action::Edit),
            "thread" => Some(Action::Thread { text: rest.into() }),
            "decide" => {
                let (what, why) = rest.split_once('|').unwrap_or((rest, ""));
                Some(Action::Decide {
                    what: what.into(),
                    why: why.into(),
                })
            }
            _ => None,
        };
    }
    match prompt {
        Prompt::Confirm { .. } => match trimmed.to_lowercase().as_str() {
            "y" | "yes" | "" => Some(Action::Confirm),
            "e" | "edit" => Some(Action::Edit),
            "s" | "skip" => Some(Action::Skip),
            "b" | "back" => Some(Action::Back),
            "p" | "pause" => Some(Action::Pause),
            _ => None,
        },
        _ => Some(Action::Answer {
            text: line.to_string(),
        }),
    }
}

/// Runs `career coach`.
pub fn run(context: &Context, sections: &[String], fresh: bool) -> Result<Output, CoreError> {
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
    let mut session = match (saved, fresh) {
        (Some(saved), false) if saved.stage != career_core::coach::session::Stage::Done => {
            say(&format!(
                "Resuming the session started {}.",
                saved.started_at
            ));
            let note = files.read_existing(index)?;
            step(&saved, &Action::Resume, &note.text, &now())?.session
        }
        _ => {
            let note = files.read_existing(index)?;
            start(
                &paths.career_index,
                &note.text,
                sections,
                context.today,
                &now(),
            )?
        }
    };
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut terminal = Terminal {
        interactive,
        lines: stdin.lock().lines(),
    };
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
            Prompt::Confirm { .. } => terminal.line(),
            _ => terminal.answer(),
        };
        let Some(line) = line else {
            session = step(&session, &Action::Pause, &note.text, &now())?.session;
            save_session(context, Some(&session))?;
            return Ok(Output::new(
                "Paused (end of input). Run `career coach` to resume.",
                serde_json::json!({ "paused": true }),
            ));
        };
        let Some(action) = action_for(&current, &line) else {
            say("Please answer y, e, s, b or p.");
            continue;
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
        if let Some(text) = &result.write {
            match files.replace_merging(&note, text) {
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
    terminal: &mut Terminal,
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
            "- {}{times}\n  [r]esolved, [c]arry (Enter), [d]rop?",
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
    terminal: &mut Terminal,
) -> Result<String, CoreError> {
    let touched = career_core::log::render::sections_touched(session);
    let default_focus = if touched.is_empty() {
        "Career Index review".to_string()
    } else {
        touched.join(", ")
    };
    let mut ask = |question: &str| {
        say(question);
        terminal
            .line()
            .map(|l| {
                l.split(';')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let focus = ask(&format!(
        "Focus of this session, in one line? (Enter: {default_focus})"
    ))
    .join("; ");
    let threads = ask("Open threads for next time? (separate with ;, Enter for none)");
    let worked = ask("What worked well? (Enter to skip)");
    let improve = ask("What to improve? (Enter to skip)");
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
