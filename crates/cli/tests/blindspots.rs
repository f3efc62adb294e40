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
        run.stdout.contains("Do: career coach --section network"),
        "{}",
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
