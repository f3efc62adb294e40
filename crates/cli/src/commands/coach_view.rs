//! What `career coach` prints for each prompt of the session: the question
//! with its hint, definitions and the section as it is now; the read-back
//! ("Here is what I understood", each value under its label or column) with
//! the note's change; and the words that can be typed there, in the prompt
//! grammar's order (see [`super::grammar`]).

use std::io::Write;

use career_core::coach::session::{EntryAt, Prompt};

use super::grammar::{self, Word};

fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

/// What can be typed at a question, in the grammar's order.
pub const AT_A_QUESTION: &[Word] = &[
    Word::Skip,
    Word::Back,
    Word::Pause,
    Word::Decision,
    Word::Thread,
];

/// What can be typed at an entry already in a section, in the grammar's order.
pub const AT_AN_ENTRY: &[Word] = &[
    Word::Keep,
    Word::Edit,
    Word::Remove,
    Word::Add,
    Word::Skip,
    Word::Back,
    Word::Pause,
    Word::Decision,
    Word::Thread,
];

/// What can be typed at a confirmation, in the grammar's order.
pub const AT_A_CONFIRMATION: &[Word] = &[
    Word::Confirm,
    Word::Edit,
    Word::Skip,
    Word::Back,
    Word::Pause,
    Word::Decision,
    Word::Thread,
];

pub fn show(prompt: &Prompt, interactive: bool) {
    let answer_line = grammar::answer_line(interactive, AT_A_QUESTION);
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
            say(&answer_line);
        }
        Prompt::FollowUp { question, .. } => {
            say(question);
            say(&answer_line);
        }
        Prompt::Deepen {
            question, draft, ..
        } => {
            say(question);
            if !draft.is_empty() {
                say(&format!("  Your earlier answer:\n{}", indent(draft)));
            }
            say(&answer_line);
        }
        Prompt::Entry {
            title,
            question,
            entry,
            progress,
            ..
        } => {
            if entry.number == 1 {
                say(&format!(
                    "\n[{}/{}] {title} (review)\n{question}\n  Its entries first, one at a time; then new ones.",
                    progress.current, progress.total
                ));
            }
            for line in entry_lines(entry) {
                say(&line);
            }
            say(&grammar::entry_line(AT_AN_ENTRY));
        }
        Prompt::EditEntry {
            title,
            question,
            hint,
            entry,
            draft,
            progress,
            ..
        } => {
            say(&format!(
                "\n[{}/{}] {title} — {question}",
                progress.current, progress.total
            ));
            for line in entry_lines(entry) {
                say(&line);
            }
            say(&format!("  {hint}"));
            if *draft != career_core::coach::walk::draft(&entry.entry) {
                say(&format!("  Your earlier answer:\n{}", indent(draft)));
            }
            say(&answer_line);
        }
        Prompt::Confirm {
            understood,
            changes,
            columns,
            entry,
            ..
        } => {
            if let Some(entry) = entry {
                say(&format!("{}:", entry_heading(entry)));
            }
            for line in career_core::assistant::coach::read_back(understood, columns) {
                say(&line);
            }
            say("The note will change like this:");
            for c in changes {
                say(&format!("  {} {}", c.sign, c.text));
            }
            say(&grammar::confirm_line(AT_A_CONFIRMATION));
        }
        Prompt::Done { written, skipped } => say(&format!(
            "\nDone: {written} section(s) written, {skipped} skipped."
        )),
    }
}

/// "Entry 2 of 3 · Sponsors".
fn entry_heading(entry: &EntryAt) -> String {
    let group = entry
        .entry
        .group
        .as_deref()
        .map(|g| format!(" · {g}"))
        .unwrap_or_default();
    format!("Entry {} of {}{group}", entry.number, entry.count)
}

/// An entry as it is: its heading, then each value under its label.
fn entry_lines(entry: &EntryAt) -> Vec<String> {
    let mut out = vec![format!("{}:", entry_heading(entry))];
    for (label, value) in entry.entry.labels.iter().zip(&entry.entry.values) {
        let value = if value.is_empty() { "(empty)" } else { value };
        out.push(format!("    {label}: {value}"));
    }
    out
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
