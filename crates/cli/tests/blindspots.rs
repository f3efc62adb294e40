//! `career blindspots` on a real vault.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

mod support;

use support::TestVault;

fn seeded() -> TestVault {
    let vault = TestVault::new();
    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/seed-index-before-blind-spots.md"
    ))
    .unwrap();
    vault.write("Career/0_Career_Index.md", &fixture);
    vault
}

#[test]
fn json_is_an_array_of_findings_with_the_documented_fields() {
    let vault = seeded();
    let run = vault.career(&["--json", "blindspots"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let findings: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let list = findings.as_array().unwrap();
    assert!(list.len() >= 6);
    for f in list {
        for key in [
            "id", "severity", "section", "evidence", "question", "action",
        ] {
            assert!(f.get(key).is_some(), "a finding has {key}: {f}");
        }
    }
    let ids: Vec<&str> = list.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert!(
        ids.contains(&"no_external_sponsor") && ids.contains(&"too_many_priorities"),
        "{ids:?}"
    );
}

#[test]
fn human_output_offers_the_action_and_save_writes_a_dated_note() {
    let vault = seeded();
    let run = vault.career(&["blindspots", "--save"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Ask: What do you believe about your industry that others don't?"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Do: career coach --section network --entry 74"),
        "the first internal sponsor: {}",
        run.stdout
    );
    assert_eq!(
        run.stderr.trim(),
        "Saved Career/Blind Spot Analysis 2026-01-17.md"
    );
    let note = vault.read("Career/Blind Spot Analysis 2026-01-17.md");
    assert!(
        note.starts_with("---\ntype: blind-spot-analysis\n"),
        "{note}"
    );
    let again = vault.career(&["blindspots", "--save"]);
    assert!(
        again.stderr.starts_with("error[note_exists]:"),
        "one analysis per day: {}",
        again.stderr
    );
}

#[test]
fn a_missing_index_is_a_clear_error() {
    let vault = TestVault::new();
    let run = vault.career(&["blindspots"]);
    assert!(
        run.stderr.starts_with("error[note_missing]:") && run.stderr.contains("career init"),
        "{}",
        run.stderr
    );
}

#[test]
fn add_adds_a_missing_section_a_finding_asks_for_and_the_session_log_lists_it() {
    // Issue 14 item 8: after blind spots, "What We Did" listed no section added.
    let vault = seeded();
    let run = vault.career(&["blindspots"]);
    assert!(
        run.stdout
            .contains("Do: career blindspots --add risk_register"),
        "the action adds that section: {}",
        run.stdout
    );
    let before = vault.read("Career/0_Career_Index.md");
    let added = vault.career(&["blindspots", "--add", "risk_register", "--save"]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    assert!(
        added
            .stderr
            .contains("Added Risk Register to Career/0_Career_Index.md"),
        "{}",
        added.stderr
    );
    let after = vault.read("Career/0_Career_Index.md");
    assert!(after.contains("## Risk Register"), "{after}");
    assert!(
        after.len() > before.len() && before.lines().all(|l| after.contains(l)),
        "only an insertion"
    );
    assert!(
        added
            .stdout
            .contains("The Risk Register is empty.\n  Ask: What if your current path doesn't work out?\n  Do: career coach --section risk_register\n"),
        "the analysis after the addition asks to fill it:\n{}",
        added.stdout
    );
    // The next coaching session's log records it under the blind spots.
    let coach = vault.career_with_input(&["coach", "--section", "Annual Theme"], "skip\n");
    assert_eq!(coach.code, 0, "{}", coach.stderr);
    let log = vault.read("Career/2026-01-17 Career Coaching Session.md");
    assert!(
        log.contains("### Phase 4: Blind Spot Analysis\n\n"),
        "{log}"
    );
    assert!(
        log.contains("**Added new sections:**\n   - Risk Register\n"),
        "{log}"
    );
}

#[test]
fn an_index_upgrade_is_the_structure_phase_of_the_next_log() {
    let vault = seeded();
    let upgraded = vault.career(&["index", "upgrade"]);
    assert_eq!(upgraded.code, 0, "{}", upgraded.stderr);
    let coach = vault.career_with_input(&["coach", "--section", "Annual Theme"], "skip\n");
    assert_eq!(coach.code, 0, "{}", coach.stderr);
    let log = vault.read("Career/2026-01-17 Career Coaching Session.md");
    let phase = log
        .split("### Phase 2: Career Index Structure\n\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no structure phase:\n{log}"));
    let upgraded = phase
        .lines()
        .find(|l| l.contains(". Upgraded the Career Index: added "))
        .unwrap_or_else(|| panic!("the upgrade is listed:\n{log}"));
    assert!(upgraded.contains("Risk Register"), "{upgraded}");
}
