//! Vaults that override Obsidian's config folder: `--config-dir` and
//! `CAREER_CONFIG_DIR` point the CLI at the plugin's settings there.

mod support;

use support::TestVault;

const DATA: &str = "plugins/career-coach/data.json";

#[test]
fn the_settings_in_another_config_folder_are_read() {
    let vault = TestVault::new();
    vault.write(
        &format!(".obsidian-mobile/{DATA}"),
        r#"{"careerFolder": "Work/Career"}"#,
    );
    let run = vault.career(&["--config-dir", ".obsidian-mobile", "init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(vault.path("Work/Career/0_Career_Index.md").exists());
    assert!(!vault.path("Career/0_Career_Index.md").exists());
}

#[test]
fn the_environment_variable_does_the_same_and_the_flag_wins() {
    let vault = TestVault::new();
    vault.write(&format!(".cfg/{DATA}"), r#"{"careerFolder": "FromEnv"}"#);
    vault.write(&format!(".flag/{DATA}"), r#"{"careerFolder": "FromFlag"}"#);
    let dir = vault.dir.path().to_str().unwrap().to_string();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_career"))
            .env("CAREER_CONFIG_DIR", ".cfg")
            .args(["--vault", &dir, "--today", "2026-01-17"])
            .args(extra)
            .arg("paths")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(
        run(&[]).contains("FromEnv/0_Career_Index.md"),
        "{}",
        run(&[])
    );
    assert!(run(&["--config-dir", ".flag"]).contains("FromFlag/0_Career_Index.md"));
}

#[test]
fn a_coaching_session_is_saved_in_that_config_folder() {
    let vault = TestVault::new();
    assert_eq!(vault.career(&["--config-dir", ".cfg", "init"]).code, 0);
    let run = vault.career(&[
        "--config-dir",
        ".cfg",
        "coach",
        "--new",
        "--section",
        "Vision",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(vault.read(&format!(".cfg/{DATA}")).contains("\"session\""));
    assert!(!vault.path(".obsidian").exists());
}

#[test]
fn a_config_folder_outside_the_vault_is_refused() {
    let vault = TestVault::new();
    let run = vault.career(&["--config-dir", "../elsewhere", "paths"]);
    assert!(
        run.stderr.contains("error[path_outside_vault]"),
        "{}",
        run.stderr
    );
}
