//! `career session-log new` for a session held elsewhere: the golden log
//! (tests/golden/session-log-terminal.md), with what worked and what to
//! improve (issue 14, item 7), and nothing claimed it wasn't told (item 8).

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;

use support::TestVault;

const LOG: &str = "Career/2026-01-17 Career Coaching Session.md";

#[test]
fn a_log_from_the_terminal_gives_the_golden_log() {
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    let run = vault.career(&[
        "session-log",
        "new",
        "--focus",
        "Talk prep and network review with an AI assistant",
        "--output",
        "0_Career_Index",
        "--did",
        "Outlined the reliability talk",
        "--did",
        "Listed two external sponsors to approach",
        "--decision",
        "Submit to two conferences|One is too few to learn from",
        "--thread",
        "Ask Pat for an introduction",
        "--worked",
        "Writing the outline before the slides",
        "--improve",
        "Bring the numbers for the impact slide",
        "--framework",
        "Sponsor/Mentor/Advisor distinction",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("Created {LOG}\n"));
    let got = vault.read(LOG);
    let golden =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/session-log-terminal.md");
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&golden, &got).unwrap();
    }
    assert_eq!(
        got,
        std::fs::read_to_string(&golden).unwrap(),
        "the log differs from tests/golden/session-log-terminal.md"
    );
}

#[test]
fn without_flags_the_log_claims_no_framework_and_no_observation() {
    // Regression: a log for a session held elsewhere claimed "One Question at a Time".
    let vault = TestVault::new();
    let run = vault.career(&["session-log", "new", "--focus", "Quick check-in"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log = vault.read(LOG);
    assert!(
        log.contains("## Frameworks Used\n\nNone recorded.\n"),
        "{log}"
    );
    assert!(!log.contains("One Question at a Time"), "{log}");
    assert!(!log.contains("### Phase"), "{log}");
}

#[test]
fn worked_and_improve_are_repeatable() {
    let vault = TestVault::new();
    let run = vault.career(&[
        "session-log",
        "new",
        "--focus",
        "x",
        "--worked",
        "a",
        "--worked",
        "b",
        "--improve",
        "c",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log = vault.read(LOG);
    assert!(
        log.contains("**What worked well:**\n- a\n- b\n\n**What to improve:**\n- c\n"),
        "{log}"
    );
}
