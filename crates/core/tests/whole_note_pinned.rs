//! The whole-note analyses, pinned byte for byte: the blind spot findings
//! (every field, in order) and the note plans (create, upgrade or nothing,
//! with their edits and additions) on both synthetic Career Indexes of the
//! benchmarks, every corpus note and every note under `tests/fixtures/`
//! (hand-kept indexes that lack some sections), each also with CRLF, and
//! a blank note (which every plan creates whole).
//! `pinned/whole-note.sha256` holds the SHA-256 of each result's JSON as it
//! was when the analyses were made faster (they must not change what they
//! find); a change that is meant to change a result updates the file with
//! `PIN_UPDATE=1 cargo test -p career-core --test whole_note_pinned`, and
//! its diff shows which results moved.

// A test harness: a failed unwrap or index is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
#[path = "../benches/support/synthetic_index.rs"]
mod synthetic_index;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use career_core::blindspots::{analyze, Note};
use career_core::templates::links::LinkFormat;
use career_core::templates::plan::{plan_note, plan_sections, NoteKind};
use career_core::{Day, Settings};
use sha2::{Digest, Sha256};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pin_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pinned/whole-note.sha256")
}

/// The notes: both synthetic indexes, the corpus and the fixtures, each as
/// written and with CRLF.
fn notes() -> Vec<(String, String)> {
    let mut notes: Vec<(String, String)> = [30_000, 100_000]
        .into_iter()
        .map(|size| {
            (
                format!("synthetic {size}"),
                synthetic_index::career_index(size),
            )
        })
        .collect();
    notes.extend(
        common::corpus()
            .into_iter()
            .map(|(name, text)| (format!("corpus {name}"), text)),
    );
    // A blank note: every plan creates its note whole.
    notes.push(("blank".to_string(), "\n".to_string()));
    let fixtures = repo().join("tests/fixtures");
    for path in common::files_under(&fixtures, &["md"]) {
        let name = path.strip_prefix(&fixtures).unwrap().display().to_string();
        notes.push((
            format!("fixture {name}"),
            std::fs::read_to_string(&path).unwrap(),
        ));
    }
    let crlf: Vec<(String, String)> = notes
        .iter()
        .map(|(name, text)| {
            let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
            (format!("{name} (CRLF)"), crlf)
        })
        .collect();
    notes.extend(crlf);
    notes
}

/// The goals note and session log the analysis may read besides the index.
fn context() -> (String, Vec<Note>) {
    let read = |p: &str| std::fs::read_to_string(repo().join(p)).unwrap();
    let goals = read("tests/fixtures/realistic-2026/2026 Goals.md");
    let log = read("tests/fixtures/reviews-session-log.md");
    (goals, vec![("Career/Sessions/log.md".to_string(), log)])
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

/// Each whole-note result on `text`, by what it is, as JSON.
fn results(text: &str, (goals, logs): &(String, Vec<Note>)) -> Vec<(&'static str, String)> {
    let (winter, autumn) = (
        Day::parse("2026-01-17").unwrap(),
        Day::parse("2026-09-16").unwrap(),
    );
    let settings = Settings::default();
    let mut out = vec![
        ("blindSpots", json(&analyze(text, None, &[], winter))),
        (
            "blindSpots with goals and a log",
            json(&analyze(text, Some(goals), logs, autumn)),
        ),
    ];
    for (name, kind) in [
        ("planNote career-index", NoteKind::CareerIndex),
        ("planNote profile", NoteKind::Profile),
        ("planNote methodology", NoteKind::Methodology),
    ] {
        let plan = plan_note(kind, &settings, winter, LinkFormat::Wikilink, Some(text));
        out.push((name, json(&plan.map_err(|e| e.to_string()))));
    }
    let markdown = plan_note(
        NoteKind::CareerIndex,
        &settings,
        autumn,
        LinkFormat::Markdown,
        Some(text),
    );
    out.push((
        "planNote career-index, markdown links",
        json(&markdown.map_err(|e| e.to_string())),
    ));
    let sections = plan_sections(
        &settings,
        winter,
        LinkFormat::Wikilink,
        text,
        &["risk_register", "external_visibility", "innovation_thesis"],
    );
    out.push(("planSections", json(&sections.map_err(|e| e.to_string()))));
    out
}

#[test]
fn whole_note_results_are_the_pinned_ones() {
    let context = context();
    let mut got = BTreeMap::new();
    for (name, text) in notes() {
        for (what, json) in results(&text, &context) {
            let digest = Sha256::digest(json.as_bytes());
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            got.insert(format!("{name} | {what}"), hex);
        }
    }
    let rendered: String = got
        .iter()
        .map(|(key, hex)| format!("{hex}  {key}\n"))
        .collect();
    if std::env::var_os("PIN_UPDATE").is_some() {
        std::fs::write(pin_file(), &rendered).unwrap();
        return;
    }
    let pinned = std::fs::read_to_string(pin_file()).expect("tests/pinned/whole-note.sha256");
    let pinned: BTreeMap<&str, &str> = pinned
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(hex, key)| (key, hex))
        .collect();
    // A new fixture is pinned by running the test once with PIN_UPDATE=1.
    assert_eq!(pinned.len(), got.len(), "as many results as pinned");
    let moved: Vec<&String> = got
        .iter()
        .filter(|(key, hex)| pinned.get(key.as_str()) != Some(&hex.as_str()))
        .map(|(key, _)| key)
        .collect();
    assert!(moved.is_empty(), "results changed: {moved:#?}");
}
