//! `career goals new` in the last quarter of a planning year offers the next
//! year and says so (issue 14: "The year is wrong in December").

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

mod support;

use support::{run_in, TestVault};

fn new_on(vault: &TestVault, today: &str, extra: &[&str]) -> support::Run {
    let dir = vault.dir.path().to_str().unwrap().to_string();
    run_in(
        vault.dir.path(),
        &[&["--vault", &dir, "--today", today, "goals", "new"], extra].concat(),
        "",
    )
}

#[test]
fn december_plans_next_year_and_says_so() {
    // Regression: on 6 December 2026 `goals new` planned 2026, asking for
    // Q1–Q3 and January–November in the past.
    let vault = TestVault::new();
    let run = new_on(
        &vault,
        "2026-12-06",
        &["--goal", "Be known outside|3 talks"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().next(),
        Some("Created Career/2027 Goals.md")
    );
    assert!(
        run.stderr.contains(
            "note: It is the last quarter of the 2026 planning year, so these goals are for 2027. Use --year 2026 to plan 2026 instead."
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn september_plans_this_year_without_a_note() {
    let vault = TestVault::new();
    let run = new_on(&vault, "2026-09-30", &["--goal", "a|1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().next(),
        Some("Created Career/2026 Goals.md")
    );
    assert!(!run.stderr.contains("last quarter"), "{}", run.stderr);
}

#[test]
fn an_explicit_year_is_kept_in_december() {
    let vault = TestVault::new();
    let run = new_on(&vault, "2026-12-06", &["--year", "2026", "--goal", "a|1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().next(),
        Some("Created Career/2026 Goals.md")
    );
    assert!(!run.stderr.contains("last quarter"), "{}", run.stderr);
}

#[test]
fn with_an_april_start_december_is_not_the_last_quarter() {
    let vault = TestVault::new();
    vault.write(
        ".obsidian/plugins/career-coach/data.json",
        r#"{"fiscalYearStartMonth": 4}"#,
    );
    let run = new_on(&vault, "2026-12-06", &["--goal", "a|1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().next(),
        Some("Created Career/2026 Goals.md")
    );
    assert!(!run.stderr.contains("last quarter"), "{}", run.stderr);
    let run = new_on(&vault, "2027-02-01", &["--goal", "a|1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().next(),
        Some("Created Career/2027 Goals.md")
    );
    assert!(
        run.stderr
            .contains("last quarter of the 2026 planning year"),
        "{}",
        run.stderr
    );
}
