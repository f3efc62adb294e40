//! Regressions from issue 15, on a real vault: what is due never loses a
//! period, and a catch-up carries every unfinished item since the last
//! review (the stranded W49 action, the vanished November monthly review).

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod support;

use support::{run_in, Run, TestVault};

const GOALS: &str = "---\ntype: goals\nyear: 2026\ntheme: \"Year of visibility\"\ncreated: 2026-11-02\n---\n# 2026 Goals\n\n## Annual Goals\n\n| Goal | Outcome | Success Metric | Status |\n|------|---------|----------------|--------|\n| G1 | Be known outside the company | 3 talks | In progress |\n\n## Quarterly Intentions\n\n| Quarter | Intention | Focus |\n|---------|-----------|-------|\n| Q1 (Jan–Mar) | Stabilize | Team |\n| Q2 (Apr–Jun) | | |\n| Q3 (Jul–Sep) | | |\n| Q4 (Oct–Dec) | Go external | Conference talks |\n\n## Monthly Milestones\n\n### 2026-11 November\n\n- [ ] Submit a talk #goal/G1\n\n### 2026-12 December\n\n## Weekly Actions\n";

fn vault() -> TestVault {
    let vault = TestVault::new();
    vault.write("Career/2026 Goals.md", GOALS);
    vault
}

fn career_on(vault: &TestVault, today: &str, args: &[&str]) -> Run {
    let dir = vault.dir.path().to_str().unwrap();
    run_in(
        vault.dir.path(),
        &[&["--vault", dir, "--today", today], args].concat(),
        "",
    )
}

fn ok(run: Run) -> String {
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

fn due(vault: &TestVault, today: &str) -> Vec<(String, Vec<String>)> {
    let json: serde_json::Value =
        serde_json::from_str(&ok(career_on(vault, today, &["--json", "due"]))).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let covers = d["covers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
                .collect();
            (d["kind"].as_str().unwrap().to_string(), covers)
        })
        .collect()
}

#[test]
fn a_week_without_a_review_stays_due_and_its_action_is_carried() {
    let vault = vault();
    // Weekly reviews on time through W48.
    for friday in ["2026-11-06", "2026-11-13", "2026-11-20", "2026-11-27"] {
        ok(career_on(&vault, friday, &["review", "weekly"]));
    }
    // Sunday of W49: an action, and no review that week.
    ok(career_on(
        &vault,
        "2026-12-06",
        &["goals", "action", "W49 thing", "--goal", "G1"],
    ));
    assert!(vault
        .read("Career/2026 Goals.md")
        .contains("### 2026-W49\n\n- [ ] W49 thing #goal/G1\n"));

    // A week later W49 is still due, with W50, and November's monthly review.
    let found = due(&vault, "2026-12-13");
    assert!(
        found.contains(&("week".into(), vec!["2026-W49".into(), "2026-W50".into()])),
        "{found:?}"
    );
    assert!(
        found.contains(&("month".into(), vec!["2026-11".into()])),
        "the November monthly review, due since 2026-11-28, is still due: {found:?}"
    );

    // The catch-up carries W49's action into W51, once.
    let out = ok(career_on(&vault, "2026-12-13", &["review", "weekly"]));
    assert!(
        out.contains("Weekly review 2026-W50 (catching up 2)"),
        "{out}"
    );
    let goals = vault.read("Career/2026 Goals.md");
    assert!(goals.contains("- [>] W49 thing #goal/G1\n"), "{goals}");
    assert!(
        goals.contains("### 2026-W51\n\n- [ ] W49 thing #goal/G1 [carried:: 1]\n"),
        "{goals}"
    );
    assert_eq!(goals.matches("- [ ] W49 thing").count(), 1, "one open copy");
    let found = due(&vault, "2026-12-13");
    assert!(found.iter().all(|(kind, _)| kind != "week"), "{found:?}");

    // The monthly catch-up carries November's milestone into December.
    ok(career_on(&vault, "2026-12-13", &["review", "monthly"]));
    let goals = vault.read("Career/2026 Goals.md");
    assert!(goals.contains("- [>] Submit a talk #goal/G1\n"), "{goals}");
    assert!(
        goals.contains("- [ ] Submit a talk #goal/G1 [carried:: 1]\n"),
        "{goals}"
    );
}

#[test]
fn periods_before_the_goals_note_are_never_due() {
    let vault = vault();
    let found = due(&vault, "2026-11-02");
    assert!(found.is_empty(), "{found:?}");
    let found = due(&vault, "2026-11-06");
    assert_eq!(
        found,
        vec![("week".to_string(), vec!["2026-W45".to_string()])]
    );
}

#[test]
fn a_long_gap_is_one_bounded_catch_up_that_lists_the_older_weeks_as_skipped() {
    let vault = TestVault::new();
    vault.write(
        "Career/2026 Goals.md",
        &GOALS.replace("created: 2026-11-02", "created: 2026-01-02"),
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(career_on(&vault, "2026-12-13", &["--json", "due"]))).unwrap();
    let weekly = &json.as_array().unwrap()[0];
    assert_eq!(weekly["covers"].as_array().unwrap().len(), 13);
    assert_eq!(weekly["skipped"][0], "2026-W01");
    assert_eq!(
        weekly["label"],
        "Weekly review: catch up 13 weeks (37 older weeks skipped)"
    );
    let out = ok(career_on(&vault, "2026-12-13", &["review", "weekly"]));
    assert!(out.contains("catching up 13"), "{out}");
    let note = vault.read("Career/2026-W50 Weekly Review.md");
    assert!(note.contains("skipped:\n  - 2026-W01\n"), "{note}");
    let found = due(&vault, "2026-12-13");
    assert!(
        found.iter().all(|(kind, _)| kind != "week"),
        "skipped weeks are settled: {found:?}"
    );
}

#[test]
fn a_quarterly_review_shows_and_keeps_the_next_quarters_intention() {
    let vault = TestVault::new();
    vault.write(
        "Career/2026 Goals.md",
        &GOALS.replace("created: 2026-11-02", "created: 2026-01-02"),
    );
    // 2026-12-06: Q3 is reviewed (catching up Q1–Q3); Q4 was set by `goals new`.
    let out = ok(career_on(&vault, "2026-12-06", &["review", "quarterly"]));
    assert!(out.contains("Quarterly review 2026-Q3"), "{out}");
    let goals = vault.read("Career/2026 Goals.md");
    assert!(
        goals.contains("| Q4 (Oct–Dec) | Go external | Conference talks |"),
        "Q4's intention is kept: {goals}"
    );
    let note = vault.read("Career/2026-Q3 Quarterly Review.md");
    assert!(
        note.contains("- **Intention:** Go external\n- **Focus:** Conference talks\n"),
        "{note}"
    );
    assert!(!note.contains("not set yet"), "{note}");
    assert!(note.contains("Kept as set in [[2026 Goals]]"), "{note}");
}

#[test]
fn a_quarterly_review_changes_only_what_the_person_changed() {
    let vault = TestVault::new();
    vault.write(
        "Career/2026 Goals.md",
        &GOALS.replace("created: 2026-11-02", "created: 2026-01-02"),
    );
    let out = ok(career_on(
        &vault,
        "2026-12-06",
        &["review", "quarterly", "--intention", "Go external, loudly"],
    ));
    assert!(out.contains("Quarterly review 2026-Q3"), "{out}");
    let goals = vault.read("Career/2026 Goals.md");
    assert!(
        goals.contains("| Q4 (Oct–Dec) | Go external, loudly | Conference talks |"),
        "{goals}"
    );
    let note = vault.read("Career/2026-Q3 Quarterly Review.md");
    assert!(
        note.contains("(it said: intention \"Go external\""),
        "{note}"
    );
}

#[test]
fn on_new_years_day_a_missing_goals_note_names_both_ways_forward() {
    let vault = vault();
    let run = career_on(&vault, "2027-01-01", &["goals", "status", "G1", "Complete"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[note_missing]:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("career goals new --year 2027"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`--year 2026` to act on Career/2026 Goals.md"),
        "{}",
        run.stderr
    );
    let ok_run = career_on(
        &vault,
        "2027-01-01",
        &["goals", "status", "G1", "Complete", "--year", "2026"],
    );
    assert_eq!(ok_run.code, 0, "{}", ok_run.stderr);
}

#[test]
fn next_years_goals_start_from_the_theme_the_annual_review_chose() {
    let vault = vault();
    vault.write(
        "Career/0_Career_Index.md",
        "---\ntype: career-index\n---\n# Career\n\n## Vision\n\n**North Star (2031):** CTO\n\n## 2026 Theme\n\n> **\"Year of visibility\"**\n",
    );
    ok(career_on(
        &vault,
        "2026-12-20",
        &["review", "annual", "--theme", "Lead in the open"],
    ));
    let out = ok(career_on(
        &vault,
        "2026-12-20",
        &[
            "goals",
            "new",
            "--year",
            "2027",
            "--goal",
            "Speak at two conferences|2 talks",
        ],
    ));
    assert!(out.contains("2027"), "{out}");
    let goals = vault.read("Career/2027 Goals.md");
    assert!(
        goals.contains("theme: Lead in the open") || goals.contains("theme: \"Lead in the open\""),
        "{goals}"
    );
    let index = vault.read("Career/0_Career_Index.md");
    assert!(
        index.contains(
            "## 2027 Theme\n\n> **\"Lead in the open\"**\n\n**→ [[2027 Goals]]** — Full cascade"
        ),
        "the new theme section says the theme: {index}"
    );
}
