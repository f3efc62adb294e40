//! `career init` and the CLI's shared conventions, on a real folder.

mod support;

use support::{run_in, TestVault};

#[test]
fn init_creates_the_profile_the_career_index_and_the_methodology_note() {
    let vault = TestVault::new();
    let run = vault.career(&["init"]);
    assert_eq!(run.code, 0, "should succeed: {}", run.stderr);
    assert_eq!(
        run.stdout,
        "Created CLAUDE.md\nCreated Career/0_Career_Index.md\nCreated Career/Career Coaching Methodology.md\n"
    );
    let note = vault.read("Career/0_Career_Index.md");
    assert!(note.starts_with("---\ntype: career-index\ncreated: 2026-01-17\n"));
    assert!(note.contains("**→ [[2026 Goals]]** — Full cascade"));
    assert!(vault
        .read("CLAUDE.md")
        .contains("## User Preferences\n\n### Profile\n"));
    assert!(vault
        .read("Career/Career Coaching Methodology.md")
        .contains("## Session Logs\n"));
}

#[test]
fn init_leaves_an_existing_index_alone_and_adds_preferences_to_an_existing_profile() {
    let vault = TestVault::new();
    vault.write("Career/0_Career_Index.md", "# My own notes\n");
    vault.write("CLAUDE.md", "# Vault rules\n\n- English only\n");
    let run = vault.career(&["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Career/0_Career_Index.md exists; left as it is (`career index upgrade` adds what it lacks)"), "{}", run.stdout);
    assert_eq!(
        vault.read("Career/0_Career_Index.md"),
        "# My own notes\n",
        "the user's note must be unchanged"
    );
    let profile = vault.read("CLAUDE.md");
    assert!(
        profile.starts_with("# Vault rules\n\n- English only\n\n## User Preferences\n"),
        "{profile}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(vault.path("Career")).unwrap().collect();
    assert_eq!(
        leftovers.len(),
        2,
        "the index and the methodology note, and no temporary file"
    );
}

#[test]
fn init_skips_the_methodology_note_when_the_setting_is_off() {
    let vault = TestVault::new();
    vault.write(
        ".obsidian/plugins/career-coach/data.json",
        r#"{"methodologyNote": false}"#,
    );
    assert_eq!(vault.career(&["init"]).code, 0);
    assert!(!vault.path("Career/Career Coaching Methodology.md").exists());
}

#[test]
fn json_mode_reports_results_and_errors_as_json() {
    let vault = TestVault::new();
    let run = vault.career(&["--json", "init"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["created"][1], "Career/0_Career_Index.md");
    let again = vault.career(&["--json", "init"]);
    let value: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(
        value["created"],
        serde_json::json!([]),
        "a second init creates nothing"
    );
    let dir = vault.dir.path().to_str().unwrap();
    let bad = run_in(
        vault.dir.path(),
        &["--vault", dir, "--json", "--today", "x", "init"],
        "",
    );
    let error: serde_json::Value = serde_json::from_str(&bad.stderr).unwrap();
    assert_eq!(error["error"]["code"], "invalid_date");
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

#[test]
fn index_upgrade_previews_with_dry_run_then_adds_only_what_is_missing() {
    let vault = TestVault::new();
    let original = "# Career\n\n## Vision\n\nCTO by 2031.\n\n## Open Tasks\n\n- [ ] Call Pat\n";
    vault.write("Career/0_Career_Index.md", original);
    let dry = vault.career(&["index", "upgrade", "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout
            .starts_with("Would add to Career/0_Career_Index.md:"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("+ ## Risk Register"),
        "the preview shows added lines: {}",
        dry.stdout
    );
    assert_eq!(
        vault.read("Career/0_Career_Index.md"),
        original,
        "a dry run writes nothing"
    );

    let real = vault.career(&["index", "upgrade"]);
    assert_eq!(real.code, 0, "{}", real.stderr);
    let upgraded = vault.read("Career/0_Career_Index.md");
    assert!(upgraded.contains("CTO by 2031.\n\n### The Picture\n"));
    let risk = upgraded.find("## Risk Register").unwrap();
    assert!(
        upgraded.find("## Wins & Artifacts").unwrap() < risk
            && risk < upgraded.find("## Open Tasks").unwrap()
    );
    let again = vault.career(&["index", "upgrade"]);
    assert!(again.stdout.starts_with("No change"), "{}", again.stdout);
}

#[test]
fn notes_use_markdown_links_when_the_vault_does() {
    let vault = TestVault::new();
    vault.write(".obsidian/app.json", r#"{"useMarkdownLinks": true}"#);
    assert_eq!(vault.career(&["init"]).code, 0);
    let index = vault.read("Career/0_Career_Index.md");
    assert!(
        index.contains("**→ [2026 Goals](2026%20Goals.md)** — Full cascade"),
        "{index}"
    );
    assert!(
        !index.contains("[["),
        "no wikilinks in a markdown-link vault"
    );
}
