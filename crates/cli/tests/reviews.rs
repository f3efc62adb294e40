//! `career review`, `career due` and `career calendar` on a real vault.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod support;

use support::{run_in, Run, TestVault};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn seeded() -> TestVault {
    let vault = TestVault::new();
    vault.write("Career/2026 Goals.md", &fixture("reviews-goals-2026.md"));
    vault.write("Career/0_Career_Index.md", &fixture("reviews-index.md"));
    vault.write(
        "Career/2026-01-10 Career Coaching Session.md",
        &fixture("reviews-session-log.md"),
    );
    vault
}

/// The seeded vault where week 2 was reviewed on time (its open item kept there).
fn reviewed_to_w02() -> TestVault {
    let vault = seeded();
    vault.write(
        "Career/2026-W02 Weekly Review.md",
        "---\ntype: weekly-review\nperiod: 2026-W02\nkept:\n  - Email Ana about the CFP\n---\n",
    );
    vault
}

/// Runs `career --vault <dir> --today <today> <args>` with `stdin`.
fn career_on(vault: &TestVault, today: &str, args: &[&str], stdin: &str) -> Run {
    let dir = vault.dir.path().to_str().unwrap();
    run_in(
        vault.dir.path(),
        &[&["--vault", dir, "--today", today], args].concat(),
        stdin,
    )
}

#[test]
fn a_weekly_review_writes_the_note_and_carries_unfinished_actions_once() {
    let vault = reviewed_to_w02();
    let run = vault.career(&["review", "weekly"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "Weekly review 2026-W03: Career/2026-W03 Weekly Review.md; 1 carried into 2026-W04"
    );
    let note = vault.read("Career/2026-W03 Weekly Review.md");
    assert!(note.starts_with("---\ntype: weekly-review\nperiod: 2026-W03\ncreated: 2026-01-17\n"));
    assert!(note.contains("- **Unfinished → 2026-W04** — List three thesis claims (G2)"));
    assert!(note.contains("### 1. What's the ONE thing this week that moves me toward my goals?"));
    let goals = vault.read("Career/2026 Goals.md");
    assert!(goals.contains("- [>] List three thesis claims #goal/G2\n"));
    assert!(goals.contains("- [ ] List three thesis claims #goal/G2 [carried:: 1]\n"));

    let again = vault.career(&["review", "weekly"]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.starts_with("error[note_exists]:"),
        "{}",
        again.stderr
    );
    assert_eq!(
        vault.read("Career/2026 Goals.md"),
        goals,
        "nothing carried twice"
    );
}

#[test]
fn due_lists_one_catch_up_and_forgets_what_was_reviewed() {
    let vault = seeded();
    vault.write(
        "Career/old review.md",
        "---\ntype: weekly-review\nperiod: 2026-W01\n---\n",
    );
    let run = vault.career(&["--json", "due"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let due: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let weekly = &due.as_array().unwrap()[0];
    assert_eq!(weekly["kind"], "week");
    assert_eq!(weekly["period"], "2026-W03");
    assert_eq!(
        weekly["covers"],
        serde_json::json!(["2026-W02", "2026-W03"])
    );
    assert_eq!(weekly["since"], "2026-01-09");
    assert_eq!(weekly["label"], "Weekly review: catch up 2 weeks");

    let review = vault.career(&["review", "weekly"]);
    assert_eq!(review.code, 0, "{}", review.stderr);
    let note = vault.read("Career/2026-W03 Weekly Review.md");
    assert!(
        note.contains("covers:\n  - 2026-W02\n  - 2026-W03\n"),
        "{note}"
    );
    let after = vault.career(&["due"]);
    assert!(
        !after.stdout.contains("Weekly review"),
        "the weekly review is done: {}",
        after.stdout
    );
}

#[test]
fn a_quarterly_review_asks_for_next_quarter_on_stdin() {
    let vault = seeded();
    let run = career_on(
        &vault,
        "2026-03-27",
        &["review", "quarterly"],
        "Build the thesis in public\nPaper draft\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let goals = vault.read("Career/2026 Goals.md");
    assert!(
        goals.contains("| Q2 | *\"Build the thesis in public\"* | Paper draft |\n"),
        "{goals}"
    );
    let note = vault.read("Career/2026-Q1 Quarterly Review.md");
    assert!(note.contains("**2026-Q1: \"Stabilize the transition\"**"));
    assert!(note.contains("- **Intention:** Build the thesis in public"));
}

#[test]
fn an_annual_review_records_next_years_theme_in_frontmatter() {
    let vault = seeded();
    let run = career_on(
        &vault,
        "2026-12-20",
        &["review", "annual", "--theme", "Lead in the open"],
        "",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let note = vault.read("Career/2026 Annual Review.md");
    assert!(note.contains("\nnext_theme: Lead in the open\n"), "{note}");
    assert!(note.contains("## Blind spots"));
    assert!(note.contains("- **Goal G3 complete** — Build a sponsor network"));
}

#[test]
fn with_periodic_notes_the_review_goes_into_the_weekly_note() {
    let vault = seeded();
    vault.write(
        ".obsidian/plugins/career-coach/data.json",
        r#"{"reviewsInPeriodicNotes": true}"#,
    );
    vault.write(
        ".obsidian/plugins/periodic-notes/data.json",
        r#"{"weekly": {"enabled": true, "folder": "Journal/", "format": "gggg-[W]ww"}}"#,
    );
    let own = "# Week 3\r\n\r\n- [ ] my own task\r\n";
    vault.write("Journal/2026-W03.md", own);
    let run = vault.career(&["review", "weekly"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("a Career review section in Journal/2026-W03.md"),
        "{}",
        run.stdout
    );
    let note = vault.read("Journal/2026-W03.md");
    assert!(note.starts_with(
        "---\r\ncareer_review: weekly-review\r\ncareer_period: 2026-W03\r\n---\r\n# Week 3\r\n\r\n- [ ] my own task\r\n\r\n## Career review\r\n"
    ), "{note:?}");
    assert!(!vault.path("Career/2026-W03 Weekly Review.md").exists());
    let due = vault.career(&["due"]);
    assert!(!due.stdout.contains("Weekly review"), "{}", due.stdout);

    // No monthly note: the review is a note of its own, and the CLI says so.
    let monthly = career_on(&vault, "2026-01-30", &["review", "monthly"], "");
    assert_eq!(monthly.code, 0, "{}", monthly.stderr);
    assert!(
        monthly
            .stdout
            .contains("note: There is no periodic note \"2026-01\""),
        "{}",
        monthly.stdout
    );
    assert!(vault.path("Career/2026-01 Monthly Review.md").exists());
}

#[test]
fn the_calendar_prints_crlf_ics_or_writes_it_into_the_vault() {
    let vault = seeded();
    let run = vault.career(&["calendar"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(run.stdout.ends_with("END:VCALENDAR\r\n"));
    assert!(run.stdout.contains("DTSTAMP:20260117T000000Z\r\n"));
    let written = vault.career(&["calendar", "--output", "Career/Career reviews.ics"]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert_eq!(vault.read("Career/Career reviews.ics"), run.stdout);
    let again = vault.career(&["calendar", "--output", "Career/Career reviews.ics"]);
    assert_eq!(again.code, 0, "regenerating replaces our own file");
}

#[test]
fn a_period_of_the_wrong_kind_is_refused() {
    let vault = seeded();
    let run = vault.career(&["review", "weekly", "--period", "2026-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[invalid_input]:"),
        "{}",
        run.stderr
    );
    let bad = vault.career(&["review", "fortnightly"]);
    assert!(
        bad.stderr.starts_with("error[invalid_input]:"),
        "{}",
        bad.stderr
    );
}

#[test]
fn an_unfinished_action_can_be_dropped_instead_of_carried() {
    let vault = reviewed_to_w02();
    let run = vault.career(&["review", "weekly", "--drop", "List three thesis claims"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "Weekly review 2026-W03: Career/2026-W03 Weekly Review.md; 1 dropped"
    );
    let goals = vault.read("Career/2026 Goals.md");
    assert!(
        goals.contains("- [-] List three thesis claims #goal/G2\n"),
        "{goals}"
    );
    assert!(!goals.contains("[carried:: 1]"), "nothing was carried");
}
