//! Paths that would leave the vault, overwrites, and input that must not
//! change or inject anything.

use crate::harness::{check, missing, Suite, Vault, INDEX};

const DATA: &str = ".obsidian/plugins/career-coach/data.json";
const PERIODIC: &str = ".obsidian/plugins/periodic-notes/data.json";

/// Nothing exists beside the vault folder that the run could have written.
fn nothing_outside(vault: &Vault, outside: &std::path::Path) -> Result<(), String> {
    let written: Vec<_> = std::fs::read_dir(outside)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| *n != *vault.dir.path().file_name().unwrap())
        .collect();
    check(written.is_empty(), || {
        format!("written outside the vault: {written:?}")
    })
}

/// A vault inside its own parent folder, so `..` has somewhere to go.
fn nested() -> (tempfile::TempDir, Vault) {
    let parent = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir_in(parent.path()).unwrap();
    let vault = Vault { dir };
    assert_eq!(vault.career(&["init"], "").code, 0);
    (parent, vault)
}

#[test]
fn paths_outside_the_vault_and_hostile_input() {
    let mut suite = Suite::default();
    for (setting, value) in [
        ("careerFolder", "../outside"),
        ("careerFolder", "Career/../../outside"),
        ("profileFile", "../CLAUDE.md"),
        ("careerFolder", "Career\u{0}x"),
    ] {
        suite.case(
            &format!("setting {setting} = {value:?} is refused, naming it"),
            || {
                let (parent, vault) = nested();
                vault.write(DATA, &serde_json::json!({ setting: value }).to_string());
                let run = vault.career(&["init"], "");
                let code = if value.contains('\0') {
                    "invalid_settings"
                } else {
                    "path_outside_vault"
                };
                check(run.stderr.contains(&format!("error[{code}]")), || {
                    run.stderr.clone()
                })?;
                let named = if setting == "careerFolder" {
                    "career folder"
                } else {
                    "profile file"
                };
                check(run.stderr.contains(named), || {
                    format!("the setting is not named: {}", run.stderr)
                })?;
                nothing_outside(&vault, parent.path())?;
                Ok(0)
            },
        );
    }
    for (folder, format) in [
        ("../outside", ""),
        ("/", "../../[W]ww"),
        ("Journal", "/../../[x]"),
    ] {
        suite.case(&format!("Periodic Notes folder {folder:?}, format {format:?}: review weekly writes nothing outside"), || {
            let (parent, vault) = nested();
            vault.write(DATA, r#"{"reviewsInPeriodicNotes": true}"#);
            vault.write(PERIODIC, &serde_json::json!({ "weekly": { "folder": folder, "format": format } }).to_string());
            let run = vault.career(&["review", "weekly"], "");
            check(run.stderr.contains("error[path_outside_vault]"), || run.stderr.clone())?;
            check(run.stderr.contains("Periodic Notes weekly"), || run.stderr.clone())?;
            nothing_outside(&vault, parent.path())?;
            Ok(0)
        });
    }
    for arg in ["../x.md", "Career/../../x.md"] {
        suite.case(&format!("note argument {arg:?} is refused"), || {
            let (parent, vault) = nested();
            std::fs::write(parent.path().join("x.md"), "## Tasks\n").unwrap();
            let run = vault.career(&["task", "add", arg, "Tasks", "escape"], "");
            check(run.stderr.contains("error[path_outside_vault]"), || {
                run.stderr.clone()
            })?;
            let text = std::fs::read_to_string(parent.path().join("x.md")).unwrap();
            check(text == "## Tasks\n", || {
                "the file outside was edited".into()
            })
            .map(|()| 0)
        });
    }
    suite.case(
        "an absolute note argument outside the vault is refused; one inside works",
        || {
            let (parent, vault) = nested();
            let outside = parent.path().join("x.md");
            std::fs::write(&outside, "## Tasks\n").unwrap();
            let run = vault.career(
                &["task", "add", outside.to_str().unwrap(), "Tasks", "escape"],
                "",
            );
            check(run.stderr.contains("error[path_outside_vault]"), || {
                run.stderr.clone()
            })?;
            check(
                std::fs::read_to_string(&outside).unwrap() == "## Tasks\n",
                || "edited".into(),
            )?;
            let inside = vault.path(INDEX);
            let run = vault.career(
                &[
                    "task",
                    "add",
                    inside.to_str().unwrap(),
                    "Open Tasks",
                    "inside",
                ],
                "",
            );
            check(run.code == 0, || run.stderr.clone())?;
            Ok(missing(&vault.read(INDEX), &["- [ ] inside"]))
        },
    );
    suite.case(
        "calendar --output never replaces a note; replaces an older .ics; --force replaces",
        || {
            let vault = Vault::new();
            let before = vault.read(INDEX);
            let run = vault.career(&["calendar", "--output", INDEX], "");
            check(
                run.stderr.contains("error[note_exists]") && run.stderr.contains("--force"),
                || run.stderr.clone(),
            )?;
            let lost = usize::from(vault.read(INDEX) != before) * before.len();
            vault.write("Career/reviews.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
            let run = vault.career(&["calendar", "--output", "Career/reviews.ics"], "");
            check(run.code == 0, || run.stderr.clone())?;
            check(vault.read("Career/reviews.ics").contains("RRULE"), || {
                "not replaced".into()
            })?;
            vault.write("Career/notes.txt", "mine");
            let run = vault.career(&["calendar", "--output", "Career/notes.txt", "--force"], "");
            check(run.code == 0, || run.stderr.clone())?;
            Ok(lost)
        },
    );
    suite.case(
        "goals status G1 \"\" is refused and leaves the status",
        || {
            let vault = Vault::new();
            let run = vault.career(
                &[
                    "goals",
                    "new",
                    "--year",
                    "2026",
                    "--goal",
                    "Ship it|1 launch",
                ],
                "",
            );
            check(run.code == 0, || run.stderr.clone())?;
            let run = vault.career(&["goals", "status", "G1", "Complete", "--year", "2026"], "");
            check(run.code == 0, || run.stderr.clone())?;
            let before = vault.read("Career/2026 Goals.md");
            for status in ["", "Finished-ish"] {
                let run = vault.career(&["goals", "status", "G1", status, "--year", "2026"], "");
                check(run.stderr.contains("error[invalid_input]"), || {
                    run.stderr.clone()
                })?;
            }
            Ok(usize::from(vault.read("Career/2026 Goals.md") != before) * before.len())
        },
    );
    suite.case(
        "multi-line --focus and --thread cannot inject headings",
        || {
            let vault = Vault::new();
            let run = vault.career(
                &[
                    "session-log",
                    "new",
                    "--focus",
                    "Plan\n## Injected",
                    "--thread",
                    "Ask Pat\n## Also injected",
                ],
                "",
            );
            check(
                run.code == 0 || run.stderr.contains("error[invalid_input]"),
                || run.stderr.clone(),
            )?;
            let logs: Vec<_> = std::fs::read_dir(vault.path("Career"))
                .unwrap()
                .flatten()
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .collect();
            check(
                !logs.iter().any(|t| {
                    t.lines()
                        .any(|l| l.starts_with("## Injected") || l.starts_with("## Also injected"))
                }),
                || "a heading was injected".into(),
            )?;
            Ok(0)
        },
    );
    suite.case("--today 0000-01-01 is refused and writes nothing", || {
        let vault = Vault::new();
        let before: Vec<_> = std::fs::read_dir(vault.path("Career"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_career"));
        command.args([
            "--vault",
            vault.dir.path().to_str().unwrap(),
            "--today",
            "0000-01-01",
            "review",
            "annual",
            "--theme",
            "x",
        ]);
        command
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let run = crate::harness::finish(command.spawn().unwrap(), "");
        check(run.stderr.contains("error[invalid_date]"), || {
            run.stderr.clone()
        })?;
        let after: Vec<_> = std::fs::read_dir(vault.path("Career"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        check(before.len() == after.len(), || "a note was written".into())?;
        Ok(0)
    });
    suite.case("usage mistakes under --json are JSON with a code", || {
        let vault = Vault::new();
        let run = vault.career(&["--json", "task", "add"], "");
        check(run.code == 2, || format!("exit {}", run.code))?;
        let json: serde_json::Value =
            serde_json::from_str(run.stderr.trim()).map_err(|e| format!("{e}: {}", run.stderr))?;
        check(json["error"]["code"] == "usage", || run.stderr.clone())?;
        Ok(0)
    });
    suite.finish("paths");
}
