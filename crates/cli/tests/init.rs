//! `career init` and the CLI's shared conventions, on a real folder.

mod support;

use support::{run_in, TestVault};

#[test]
fn init_creates_the_career_index_in_the_career_folder() {
    let vault = TestVault::new();
    let run = vault.career(&["init"]);
    assert_eq!(run.code, 0, "should succeed: {}", run.stderr);
    assert_eq!(run.stdout.trim(), "Created Career/0_Career_Index.md");
    let note = vault.read("Career/0_Career_Index.md");
    assert!(note.starts_with("---\ntype: career-index\ncreated: 2026-01-17\n"));
    assert!(note.contains("**→ [[2026 Goals]]** — Full cascade"));
}

#[test]
fn init_refuses_to_overwrite_and_leaves_the_note_untouched() {
    let vault = TestVault::new();
    vault.write("Career/0_Career_Index.md", "# My own notes\n");
    let run = vault.career(&["init"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error[note_exists]: Career/0_Career_Index.md already exists"),
        "{}",
        run.stderr
    );
    assert_eq!(
        vault.read("Career/0_Career_Index.md"),
        "# My own notes\n",
        "the user's note must be unchanged"
    );
    let leftovers: Vec<_> = std::fs::read_dir(vault.path("Career")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file may be left behind");
}

#[test]
fn json_mode_reports_results_and_errors_as_json() {
    let vault = TestVault::new();
    let run = vault.career(&["--json", "init"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["created"][0], "Career/0_Career_Index.md");
    let again = vault.career(&["--json", "init"]);
    assert_eq!(again.code, 1);
    let error: serde_json::Value = serde_json::from_str(&again.stderr).unwrap();
    assert_eq!(error["error"]["code"], "note_exists");
}

#[test]
fn a_bad_today_is_refused_with_its_code_and_nothing_is_written() {
    let vault = TestVault::new();
    let dir = vault.dir.path().to_str().unwrap();
    let run = run_in(
        vault.dir.path(),
        &["--vault", dir, "--today", "2026-13-01", "init"],
        "",
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[invalid_date]:"),
        "{}",
        run.stderr
    );
    assert!(!vault.path("Career").exists());
}

#[test]
fn a_missing_vault_folder_is_an_io_error_not_a_new_folder() {
    let vault = TestVault::new();
    let missing = vault.path("nope");
    let run = run_in(
        vault.dir.path(),
        &["--vault", missing.to_str().unwrap(), "init"],
        "",
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("error[io]:"), "{}", run.stderr);
    assert!(!missing.exists());
}

#[test]
fn vault_defaults_to_the_current_directory() {
    let vault = TestVault::new();
    let run = run_in(vault.dir.path(), &["--today", "2026-01-17", "init"], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(vault.path("Career/0_Career_Index.md").exists());
}

#[test]
fn help_documents_every_command_and_usage_errors_exit_2() {
    let vault = TestVault::new();
    let help = vault.career(&["--help"]);
    assert_eq!(help.code, 0);
    for word in ["init", "paths", "--vault", "--today", "--json"] {
        assert!(help.stdout.contains(word), "--help should mention {word}");
    }
    let wrong = vault.career(&["no-such-command"]);
    assert_eq!(wrong.code, 2);
}

#[test]
fn init_follows_the_settings_the_plugin_saved_in_the_vault() {
    let vault = TestVault::new();
    vault.write(
        ".obsidian/plugins/career-coach/data.json",
        r#"{"careerFolder":"Areas/Work","careerIndexName":"Career Hub"}"#,
    );
    let run = vault.career(&["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(vault.path("Areas/Work/Career Hub.md").exists());
    assert!(!vault.path("Career").exists());
}

#[test]
fn unreadable_plugin_settings_are_reported_not_ignored() {
    let vault = TestVault::new();
    vault.write(".obsidian/plugins/career-coach/data.json", "{ not json");
    let run = vault.career(&["init"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[invalid_settings]:"),
        "{}",
        run.stderr
    );
}
