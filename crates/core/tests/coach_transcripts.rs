//! Transcript specs (`tests/specs/coach/*.transcript`): the lines a person
//! types at `career coach` on a terminal, then the Career Index afterwards,
//! byte for byte. The same files run through the WASM (tests/wasm/) and
//! through the plugin's modal (tests/plugin/coach-transcripts.test.mjs).
//!
//! The typing follows the prompt grammar (README, "Answering"): an answer
//! ends with an empty line; a command word alone on a line acts at once; at a
//! confirmation one line is read. `pause` pauses, and the session is saved
//! and resumed as a new run would. `decision` reads what, then why; `thread`
//! reads the thread. Set `BLESS=1` to rewrite the expected notes.

// Test support: a failed unwrap or panic is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use career_core::blindspots::FindingAction;
use career_core::coach::session::{prompt, start_at, step, Action, Prompt, Session};
use career_core::templates::career_index;
use career_core::templates::links::LinkFormat;
use career_core::Day;

struct Case {
    name: String,
    sections: Vec<String>,
    /// `coach this: ID`: the session a blind spot finding's "Coach this" starts.
    coach_this: Option<String>,
    input: String,
    typed: Vec<String>,
    expect: String,
}

fn day() -> Day {
    Day::parse("2026-01-17").unwrap()
}

/// Parses a transcript file: `=== name`, `sections: A, B`, `--- input`
/// (`[template]` for the Career Index template), `--- type`, `--- expect`.
fn parse(source: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for chunk in source.split("\n=== ").map(|c| c.trim_start_matches("=== ")) {
        if chunk.trim().is_empty() {
            continue;
        }
        let (name, rest) = chunk.split_once('\n').unwrap();
        let block = |marker: &str| -> (String, String) {
            let at = rest
                .find(&format!("\n{marker}"))
                .map(|i| i + 1)
                .or_else(|| rest.starts_with(marker).then_some(0))
                .unwrap_or_else(|| panic!("{name}: no {marker}"));
            let header_end = rest[at..].find('\n').map_or(rest.len(), |i| at + i + 1);
            let header = rest[at..header_end].trim().to_string();
            let body_end = rest[header_end..]
                .find("\n--- ")
                .map_or(rest.len(), |i| header_end + i + 1);
            (header, rest[header_end..body_end].to_string())
        };
        let sections = rest
            .lines()
            .find_map(|l| l.strip_prefix("sections: "))
            .map(|s| s.split(", ").map(str::to_string).collect())
            .unwrap_or_default();
        let coach_this = rest
            .lines()
            .find_map(|l| l.strip_prefix("coach this: "))
            .map(|id| id.trim().to_string());
        let (input_header, input) = block("--- input");
        let input = if input_header.contains("[template]") {
            career_index::render(day(), "2026 Goals", LinkFormat::Wikilink)
        } else {
            input
        };
        let (_, typed) = block("--- type");
        let (_, expect) = block("--- expect");
        cases.push(Case {
            name: name.trim().to_string(),
            sections,
            coach_this,
            input,
            typed: typed.lines().map(str::to_string).collect(),
            expect: expect.trim_end_matches('\n').to_string() + "\n",
        });
    }
    cases
}

const WORDS: &[&str] = &[
    "confirm", "yes", "edit", "skip", "back", "pause", "done", "decision", "thread", "keep",
    "remove", "add",
];

struct Typing<'a> {
    lines: &'a [String],
    at: usize,
}

impl Typing<'_> {
    fn next_line(&mut self) -> Option<String> {
        let line = self.lines.get(self.at)?.clone();
        self.at += 1;
        Some(line)
    }

    /// One non-empty line (a confirmation).
    fn line(&mut self) -> Option<String> {
        loop {
            let l = self.next_line()?;
            if !l.trim().is_empty() {
                return Some(l);
            }
        }
    }

    /// An answer up to an empty line, or a command word alone.
    fn reply(&mut self) -> Option<String> {
        let first = self.line()?;
        if WORDS.contains(&first.trim().to_lowercase().as_str()) {
            return Some(first);
        }
        let mut answer = vec![first];
        while let Some(l) = self.next_line() {
            if l.trim().is_empty() {
                break;
            }
            answer.push(l);
        }
        Some(answer.join("\n"))
    }
}

/// Runs a transcript the way `career coach` on a terminal does; returns the note.
fn run(case: &Case) -> String {
    let mut note = case.input.clone();
    let (sections, entry) = match &case.coach_this {
        // What "Coach this" does: the finding's section, opened at its entry if it has one.
        Some(id) => {
            let findings = career_core::blindspots::analyze(&note, None, &[], day());
            let finding = findings
                .iter()
                .find(|f| f.id == *id)
                .unwrap_or_else(|| panic!("{}: no finding {id} in {findings:?}", case.name));
            match &finding.action {
                FindingAction::Coach { section, entry } => (vec![section.clone()], *entry),
                other => panic!("{}: {id} does not coach ({other:?})", case.name),
            }
        }
        None => (case.sections.clone(), None),
    };
    let mut session = start_at(
        "Career/0_Career_Index.md",
        &note,
        &sections,
        entry,
        day(),
        "t0",
    )
    .unwrap();
    let mut typing = Typing {
        lines: &case.typed,
        at: 0,
    };
    let apply = |session: &mut Session, note: &mut String, action: Action| {
        match step(session, &action, note, "t") {
            Ok(result) => {
                if let Some(new) = result.write {
                    *note = new;
                }
                *session = result.session;
            }
            // The terminal shows the message and asks again (e.g. back at the first section).
            Err(e) if e.code == career_core::ErrorCode::InvalidInput => {}
            Err(e) => panic!("{}: {action:?}: {e}", case.name),
        }
    };
    loop {
        let shown = prompt(&session, &note).unwrap();
        // A choice reads one line: a confirmation, or keep/edit/remove at an entry.
        let at_entry = matches!(shown, Prompt::Entry { .. });
        let confirming = matches!(shown, Prompt::Confirm { .. }) || at_entry;
        if matches!(shown, Prompt::Done { .. }) {
            break;
        }
        let Some(reply) = (if confirming {
            typing.line()
        } else {
            typing.reply()
        }) else {
            break;
        };
        let word = reply.trim().to_lowercase();
        let action = match (word.as_str(), confirming) {
            ("k" | "keep", true) if at_entry => Action::Keep,
            ("r" | "remove", true) if at_entry => Action::Remove,
            ("a" | "add", true) if at_entry => Action::Add,
            ("y" | "yes" | "confirm", true) if !at_entry => Action::Confirm,
            ("e" | "edit", true) => Action::Edit,
            ("s" | "skip", true) | ("skip", false) => Action::Skip,
            ("b" | "back", true) | ("back", false) => Action::Back,
            ("p" | "pause", true) | ("pause", false) => {
                apply(&mut session, &mut note, Action::Pause);
                // A later run loads the saved session and resumes it.
                let saved = serde_json::to_string(&session).unwrap();
                session = serde_json::from_str(&saved).unwrap();
                Action::Resume
            }
            ("d" | "decision", true) | ("decision", false) => {
                let what = typing.reply().unwrap_or_default();
                let why = typing.reply().unwrap_or_default();
                Action::Decide { what, why }
            }
            ("t" | "thread", true) | ("thread", false) => Action::Thread {
                text: typing.reply().unwrap_or_default(),
            },
            (_, true) => continue,
            (_, false) => Action::Answer { text: reply },
        };
        apply(&mut session, &mut note, action);
    }
    note
}

fn transcript_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/specs/coach");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "transcript"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_transcript_gives_its_note_byte_for_byte() {
    let files = transcript_files();
    assert!(files.len() >= 4, "the transcript specs are there");
    let bless = std::env::var("BLESS").is_ok();
    let mut failures = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let mut blessed = source.clone();
        for case in parse(&source) {
            let got = run(&case);
            if got != case.expect {
                if bless {
                    blessed = blessed.replacen(
                        case.expect.trim_end_matches('\n'),
                        got.trim_end_matches('\n'),
                        1,
                    );
                } else {
                    failures.push(format!(
                        "{} :: {}\n--- got\n{got}",
                        file.display(),
                        case.name
                    ));
                }
            }
        }
        if bless && blessed != source {
            std::fs::write(&file, blessed).unwrap();
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
