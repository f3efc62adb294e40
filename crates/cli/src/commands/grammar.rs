//! One prompt grammar for every terminal prompt (`career coach`,
//! `career goals new`): the same words for the same things, read the same way.
//!
//! - A reply that is only a command word is that command: `confirm` (`yes`),
//!   `edit`, `skip`, `back`, `pause`, `done`, `decision`, `thread`. A leading
//!   `/` is allowed. Where the prompt shows `[y]es · [e]dit …`, the first
//!   letter is enough.
//! - Anything else is an answer. On a terminal an answer ends with an empty
//!   line, at every prompt, so multi-line answers and pastes work the same
//!   everywhere; a stray empty line never answers anything (type `skip`).
//!   When stdin is not a terminal (a script), each line is one reply and an
//!   empty line is an empty answer, which skips.

use std::io::{BufRead, Write};

/// The help text `--help` shows for the prompts (README: "Answering").
pub const HELP: &str = "\
Answering the prompts (the same everywhere):
  An answer may take several lines (paste freely); finish it with an empty line.
  An empty line alone answers nothing: type skip to leave a question.
  When input is piped, each line is one reply and an empty line skips.
  Commands, typed alone on a line (a leading / is fine):
    confirm (yes)  write what was understood       edit   change this answer
    skip           leave this question             back   go to the previous question
    pause          stop here; run again to resume  done   end a list (goals, milestones)
    decision       note a decision and why         thread note an open thread
  At an entry already in a section, `career coach` asks to keep, edit or remove it:
    keep           leave it as it is; next entry   edit   type its new values
    remove         remove it (asked to confirm)    add    keep the rest; add new ones
  Where a prompt shows [y]es · [e]dit · [s]kip · [b]ack · [p]ause, or
  [k]eep · [e]dit · [r]emove · [a]dd · [s]kip · [b]ack · [p]ause, the first letter
  is enough. At an entry, skip leaves the section and back is the previous entry.";

/// A command word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// Write what was understood.
    Confirm,
    /// Change this answer.
    Edit,
    /// Leave this question.
    Skip,
    /// The previous question.
    Back,
    /// Stop; resume later.
    Pause,
    /// End a list.
    Done,
    /// Note a decision.
    Decision,
    /// Note an open thread.
    Thread,
    /// Keep an entry as it is (at an entry).
    Keep,
    /// Remove an entry (at an entry).
    Remove,
    /// Keep the remaining entries and add new ones (at an entry).
    Add,
}

/// Every word a choice line can offer, in the one order, with its letter
/// shown: the primary choice first, then the rest as at every prompt.
const CHOICES: [(Word, &str); 10] = [
    (Word::Confirm, "[y]es"),
    (Word::Keep, "[k]eep"),
    (Word::Edit, "[e]dit"),
    (Word::Remove, "[r]emove"),
    (Word::Add, "[a]dd"),
    (Word::Skip, "[s]kip"),
    (Word::Back, "[b]ack"),
    (Word::Pause, "[p]ause"),
    (Word::Decision, "[d]ecision"),
    (Word::Thread, "[t]hread"),
];

/// The command a reply names, if it is one. `letters`: the prompt offers
/// single-letter choices (a confirmation), where an empty reply confirms too.
pub fn command(reply: &str, letters: bool) -> Option<Word> {
    let t = reply.trim();
    let word = t.strip_prefix('/').unwrap_or(t).to_lowercase();
    let full = match word.as_str() {
        "confirm" | "yes" => Some(Word::Confirm),
        "edit" => Some(Word::Edit),
        "skip" => Some(Word::Skip),
        "back" => Some(Word::Back),
        "pause" => Some(Word::Pause),
        "done" | "finish" => Some(Word::Done),
        "decision" | "decide" => Some(Word::Decision),
        "thread" => Some(Word::Thread),
        _ => None,
    };
    if full.is_some() || !letters {
        return full;
    }
    match word.as_str() {
        "y" => Some(Word::Confirm),
        "e" => Some(Word::Edit),
        "s" => Some(Word::Skip),
        "b" => Some(Word::Back),
        "p" => Some(Word::Pause),
        "d" => Some(Word::Decision),
        "t" => Some(Word::Thread),
        _ => None,
    }
}

/// The choices of a choice line (`[y]es · [e]dit …`), always in the one order.
pub fn choices(words: &[Word]) -> String {
    let shown: Vec<&str> = CHOICES
        .iter()
        .filter(|(w, _)| words.contains(w))
        .map(|(_, s)| *s)
        .collect();
    shown.join(" · ")
}

/// The choices line of a confirmation, always in this order.
pub fn confirm_line(words: &[Word]) -> String {
    format!("Confirm? {}", choices(words))
}

/// The choices line at an entry already in a section.
pub fn entry_line(words: &[Word]) -> String {
    format!("Keep, edit or remove? {}", choices(words))
}

/// The choice a reply names at an entry: `keep`, `edit`, `remove`, `add`
/// and the words of every prompt, or their first letters.
pub fn entry_choice(reply: &str) -> Option<Word> {
    let t = reply.trim();
    let word = t.strip_prefix('/').unwrap_or(t).to_lowercase();
    match word.as_str() {
        "keep" | "k" => Some(Word::Keep),
        "edit" | "e" => Some(Word::Edit),
        "remove" | "r" => Some(Word::Remove),
        "add" | "a" => Some(Word::Add),
        _ => command(&word, true).filter(|w| *w != Word::Confirm),
    }
}

/// The reminder under a question: how to end the answer and what can be typed.
pub fn answer_line(interactive: bool, words: &[Word]) -> String {
    let all = [
        (Word::Skip, "skip"),
        (Word::Back, "back"),
        (Word::Pause, "pause"),
        (Word::Done, "done"),
        (Word::Decision, "decision"),
        (Word::Thread, "thread"),
    ];
    let shown: Vec<&str> = all
        .iter()
        .filter(|(w, _)| words.contains(w))
        .map(|(_, s)| *s)
        .collect();
    let end = if interactive {
        "finish with an empty line"
    } else {
        "one line"
    };
    format!("> Answer ({end}) · or type: {}", shown.join(" · "))
}

/// Replies read from stdin by the grammar's rules.
pub struct Replies {
    /// Whether stdin is a terminal (answers end with an empty line).
    pub interactive: bool,
    lines: std::io::Lines<std::io::StdinLock<'static>>,
}

impl Replies {
    /// Replies from this process's stdin.
    pub fn stdin() -> Self {
        use std::io::IsTerminal;
        let stdin = std::io::stdin();
        Replies {
            interactive: stdin.is_terminal(),
            lines: stdin.lock().lines(),
        }
    }

    /// One line, for a confirmation or a choice; `None` at the end of input.
    pub fn line(&mut self) -> Option<String> {
        loop {
            let line = self.lines.next()?.ok()?;
            if !self.interactive || !line.trim().is_empty() {
                return Some(line);
            }
        }
    }

    /// A closing question (decisions, threads, what worked…): asks it, then
    /// reads one item per line or per `;`; skip, done or the end of input is none.
    pub fn list(&mut self, question: &str) -> Vec<String> {
        {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{question}");
            let _ = writeln!(
                out,
                "{}",
                answer_line(self.interactive, &[Word::Skip, Word::Done])
            );
            let _ = out.flush();
        }
        let reply = self.reply().unwrap_or_default();
        if command(&reply, false).is_some() {
            return Vec::new();
        }
        reply
            .lines()
            .flat_map(|l| l.split(';'))
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// The next answer or command; `None` at the end of input.
    pub fn reply(&mut self) -> Option<String> {
        let mut first = self.lines.next()?.ok()?;
        while self.interactive && first.trim().is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "  (An empty line only ends an answer: type skip to leave this question.)"
            );
            first = self.lines.next()?.ok()?;
        }
        if !self.interactive || command(&first, false).is_some() {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_work_everywhere_and_letters_only_at_a_confirmation() {
        assert_eq!(command("done", false), Some(Word::Done));
        assert_eq!(command("/skip", false), Some(Word::Skip));
        assert_eq!(command("y", false), None, "an answer may be one letter");
        assert_eq!(command("y", true), Some(Word::Confirm));
        assert_eq!(command("", true), None, "a stray Enter confirms nothing");
        assert_eq!(command("b", true), Some(Word::Back));
        assert_eq!(command("Visible outside", true), None);
        assert_eq!(
            command("keep", false),
            None,
            "keep is a word at an entry only"
        );
        assert_eq!(entry_choice("k"), Some(Word::Keep));
        assert_eq!(entry_choice("/remove"), Some(Word::Remove));
        assert_eq!(entry_choice("y"), None, "an entry is kept, not confirmed");
        assert_eq!(entry_choice("b"), Some(Word::Back));
    }
}
