//! `career goals new` as an interview on stdin: one question at a time,
//! read with the one prompt grammar, saved in the plugin's data.json after
//! every step so a paused interview resumes (here or in Obsidian).

use std::io::Write;

use career_core::goals::interview::{self, Interview, InterviewPrompt, Reply};
use career_core::goals::template::{CascadeContext, GoalsInput};
use career_core::{CoreError, ErrorCode, FiscalYear};

use super::grammar::{self, Replies, Word};
use crate::vault::ReadNote;
use crate::Context;

/// The key of a paused interview in the plugin's data.json.
pub const INTERVIEW_KEY: &str = "goalsInterview";

fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

fn show_context(c: &CascadeContext) {
    if let Some(v) = &c.vision {
        say(&format!("  North star: {v}"));
    }
    if let Some(t) = &c.theme {
        say(&format!("  Theme: \"{t}\""));
    }
    for s in &c.success_criteria {
        say(&format!("  Success criterion: {s}"));
    }
}

fn show(p: &InterviewPrompt, first: bool, interactive: bool) {
    if first {
        let c = &p.context;
        if c.vision.is_none() && c.theme.is_none() && c.success_criteria.is_empty() {
            say("Your Career Index has no north star, theme or success criteria yet; `career coach` can fill them in.");
        } else {
            say("From your Career Index:");
            show_context(c);
        }
    }
    say(&format!("\n[{}] {}", p.step, p.question));
    if !p.hint.is_empty() {
        say(&format!("  {}", p.hint));
    }
    for e in &p.examples {
        say(&format!("  e.g. {e}"));
    }
    for line in &p.so_far {
        say(&format!("  · {line}"));
    }
    if let Some(u) = &p.understood {
        say(&format!("I understood: {u}"));
        say(&grammar::confirm_line(&[
            Word::Confirm,
            Word::Edit,
            Word::Back,
        ]));
    } else {
        let mut words = vec![Word::Skip, Word::Back, Word::Pause];
        if p.replies.iter().any(|r| r == "finish") {
            words.push(Word::Done);
        }
        if p.replies.iter().any(|r| r == "confirm") {
            say("  Type y (yes) to keep it as it is.");
        }
        say(&grammar::answer_line(interactive, &words));
    }
}

/// What a reply means in the interview, by the one prompt grammar.
enum Said {
    /// A reply for the interview.
    Reply(Reply),
    /// `pause`: save and stop.
    Pause,
}

/// Turns a reply into what it means: command words anywhere, y/e/b at a
/// confirmation, `yes` keeps what a step already holds; anything else answers.
fn reply_for(p: &InterviewPrompt, line: &str) -> Said {
    let t = line.trim();
    let confirming = p.understood.is_some();
    let offers = |r: &str| p.replies.iter().any(|x| x == r);
    match grammar::command(t, confirming || offers("confirm")) {
        Some(Word::Pause) => Said::Pause,
        Some(Word::Confirm) if confirming || offers("confirm") => Said::Reply(Reply::Confirm),
        Some(Word::Edit) => Said::Reply(Reply::Edit),
        Some(Word::Back) => Said::Reply(Reply::Back),
        Some(Word::Skip) => Said::Reply(Reply::Skip),
        Some(Word::Done) if offers("finish") => Said::Reply(Reply::Finish),
        _ if confirming => Said::Reply(Reply::Edit),
        _ if t.is_empty() => Said::Reply(Reply::Skip),
        _ => Said::Reply(Reply::Answer {
            text: t.to_string(),
        }),
    }
}

/// A paused interview for `year`, if one is saved.
fn paused(context: &Context, year: i32) -> Option<Interview> {
    crate::settings::load_key(&context.vault, INTERVIEW_KEY)
        .ok()
        .flatten()
        .and_then(|v| serde_json::from_value::<Interview>(v).ok())
        .filter(|i| i.year == year)
}

fn save(context: &Context, state: &Interview) -> Result<(), CoreError> {
    crate::settings::save_key(
        &context.vault,
        INTERVIEW_KEY,
        serde_json::to_value(state).ok(),
    )
}

/// The interview on stdin, saved after every step; `None` when input ends
/// before it is done (it is then paused, to resume next time).
pub fn interactive(
    context: &Context,
    index_path: &str,
    index: Option<&ReadNote>,
    (year, planned_theme): (i32, Option<&str>),
    fiscal: FiscalYear,
    restart: bool,
) -> Result<Option<GoalsInput>, CoreError> {
    let index_text = index.map_or("", |i| i.text.as_str());
    if index.is_none() {
        say(&format!(
            "({index_path} does not exist: the interview starts without your north star and theme.)"
        ));
    }
    let mut state: Interview = match paused(context, year).filter(|_| !restart) {
        Some(saved) => {
            say(&format!(
                "Resuming the {year} goals interview (`--restart` starts over)."
            ));
            saved
        }
        None => interview::start_planned(index_text, year, fiscal, planned_theme),
    };
    let mut replies = Replies::stdin();
    let terminal = replies.interactive;
    let mut first = true;
    loop {
        let p = interview::prompt(&state);
        if p.done {
            return Ok(Some(state.input));
        }
        show(&p, first, terminal);
        first = false;
        let line = if p.understood.is_some() {
            replies.line()
        } else {
            replies.reply()
        };
        let Some(line) = line else {
            if terminal {
                say("");
            }
            save(context, &state)?;
            return Ok(None);
        };
        let reply = match reply_for(&p, &line) {
            Said::Reply(reply) => reply,
            Said::Pause => {
                save(context, &state)?;
                return Ok(None);
            }
        };
        match interview::step(&state, &reply) {
            Ok(next) => {
                state = next;
                save(context, &state)?;
            }
            Err(e) if e.code == ErrorCode::InvalidInput || e.code == ErrorCode::GoalNotFound => {
                say(&e.message);
            }
            Err(e) => return Err(e),
        }
    }
}
