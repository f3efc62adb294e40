//! Links and special files, permissions, leftovers and odd notes.

use std::os::unix::fs::{symlink, PermissionsExt};

use crate::harness::{check, missing, Suite, Vault, INDEX};

fn mode(vault: &Vault, relative: &str) -> u32 {
    std::fs::metadata(vault.path(relative))
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo failed");
}

/// Whether the tests run as root (then permission bits alone stop nothing).
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn links_special_files_permissions_and_leftovers() {
    let mut suite = Suite::default();
    suite.case(
        "a symlinked note is written through to its real file",
        || {
            let vault = Vault::new();
            let real = vault.path("Elsewhere/real.md");
            std::fs::create_dir_all(real.parent().unwrap()).unwrap();
            std::fs::write(&real, "# Real\n\n## Tasks\n\nmine\n").unwrap();
            symlink(&real, vault.path("Career/linked.md")).unwrap();
            let run = vault.career(
                &[
                    "task",
                    "add",
                    "Career/linked.md",
                    "Tasks",
                    "through the link",
                ],
                "",
            );
            check(run.code == 0, || run.stderr.clone())?;
            let link = std::fs::symlink_metadata(vault.path("Career/linked.md")).unwrap();
            check(link.file_type().is_symlink(), || {
                "the symlink was replaced by a copy".into()
            })?;
            let text = std::fs::read_to_string(&real).unwrap();
            Ok(missing(&text, &["mine\n", "- [ ] through the link"]))
        },
    );
    suite.case("a note in a symlinked folder is written through", || {
        let vault = Vault::empty();
        let outside = tempfile::tempdir().unwrap();
        symlink(outside.path(), vault.path("Career")).unwrap();
        let run = vault.career(&["init"], "");
        check(run.code == 0, || run.stderr.clone())?;
        check(vault.read(INDEX).contains("## Open Tasks"), || {
            "no index".into()
        })?;
        let run = vault.career(
            &["task", "add", INDEX, "Open Tasks", "in the real folder"],
            "",
        );
        check(run.code == 0, || run.stderr.clone())?;
        let real = std::fs::read_to_string(outside.path().join("0_Career_Index.md")).unwrap();
        check(
            std::fs::symlink_metadata(vault.path("Career"))
                .unwrap()
                .file_type()
                .is_symlink(),
            || "the folder link was replaced".into(),
        )?;
        Ok(missing(&real, &["- [ ] in the real folder"]))
    });
    suite.case(
        "a symlink loop in a scanned folder: due and review finish",
        || {
            let vault = Vault::new();
            vault.write(
                ".obsidian/plugins/career-coach/data.json",
                r#"{"reviewsInPeriodicNotes": true}"#,
            );
            vault.write(
                ".obsidian/plugins/periodic-notes/data.json",
                r#"{"weekly": {"folder": "Journal", "format": "gggg-[W]ww"}}"#,
            );
            std::fs::create_dir_all(vault.path("Journal/2026")).unwrap();
            symlink(vault.path("Journal"), vault.path("Journal/2026/loop")).unwrap();
            symlink(vault.path("Career/self"), vault.path("Career/self")).unwrap_or(());
            for args in [&["due"][..], &["review", "weekly", "--drop", "none"][..]] {
                let run = vault.career(args, "");
                check(!run.hung, || format!("{args:?} hung on the loop"))?;
                check(run.code == 0, || format!("{args:?}: {}", run.stderr))?;
            }
            Ok(0)
        },
    );
    suite.case(
        "a FIFO named like a note: threads, due, coach, blindspots, review finish and warn",
        || {
            let vault = Vault::new();
            mkfifo(&vault.path("Career/pipe.md"));
            for args in [
                &["threads"][..],
                &["due"][..],
                &["coach", "--new", "--section", "Vision"][..],
                &["blindspots"][..],
                &["review", "monthly"][..],
            ] {
                let run = vault.career(args, "");
                check(!run.hung, || format!("{args:?} hung on the FIFO"))?;
                check(run.code == 0, || format!("{args:?}: {}", run.stderr))?;
            }
            let run = vault.career(&["outline", "Career/pipe.md"], "");
            check(
                !run.hung && run.stderr.contains("error[not_a_file]"),
                || run.stderr.clone(),
            )?;
            Ok(0)
        },
    );
    suite.case(
        "one non-UTF-8 note is skipped with a warning naming it",
        || {
            let vault = Vault::new();
            std::fs::write(vault.path("Career/latin1.md"), b"caf\xe9 notes\n").unwrap();
            for args in [
                &["threads"][..],
                &["blindspots"][..],
                &["review", "weekly"][..],
                &["coach", "--new", "--section", "Vision"][..],
            ] {
                let run = vault.career(args, "");
                check(run.code == 0, || format!("{args:?}: {}", run.stderr))?;
                check(run.stderr.contains("latin1.md"), || {
                    format!("{args:?} did not name the note: {}", run.stderr)
                })?;
            }
            Ok(0)
        },
    );
    suite.case("a note over 64 MiB is note_too_large", || {
        let vault = Vault::new();
        let file = std::fs::File::create(vault.path("Career/huge.md")).unwrap();
        file.set_len(65 * 1024 * 1024).unwrap();
        let run = vault.career(&["outline", "Career/huge.md"], "");
        check(run.stderr.contains("error[note_too_large]"), || {
            run.stderr.clone()
        })?;
        Ok(0)
    });
    suite.case(
        "a read-only (0444) note is refused with read_only and keeps its bytes and mode",
        || {
            let vault = Vault::new();
            let before = vault.read(INDEX);
            std::fs::set_permissions(vault.path(INDEX), std::fs::Permissions::from_mode(0o444))
                .unwrap();
            let run = vault.career(&["task", "add", INDEX, "Open Tasks", "nope"], "");
            check(run.stderr.contains("error[read_only]"), || {
                run.stderr.clone()
            })?;
            check(mode(&vault, INDEX) == 0o444, || {
                format!("mode {:o}", mode(&vault, INDEX))
            })?;
            Ok(usize::from(vault.read(INDEX) != before) * before.len())
        },
    );
    suite.case(
        "a read-only folder refuses a new note with read_only",
        || {
            let vault = Vault::new();
            std::fs::set_permissions(vault.path("Career"), std::fs::Permissions::from_mode(0o555))
                .unwrap();
            let run = vault.career(&["session-log", "new", "--focus", "Folder test"], "");
            std::fs::set_permissions(vault.path("Career"), std::fs::Permissions::from_mode(0o755))
                .unwrap();
            check(run.stderr.contains("error[read_only]"), || {
                run.stderr.clone()
            })?;
            check(vault.temps("Career").is_empty(), || {
                "a temp was left".into()
            })?;
            Ok(0)
        },
    );
    suite.case("a private (0600) note stays 0600 after an edit", || {
        let vault = Vault::new();
        std::fs::set_permissions(vault.path(INDEX), std::fs::Permissions::from_mode(0o600))
            .unwrap();
        let run = vault.career(&["task", "add", INDEX, "Open Tasks", "private"], "");
        check(run.code == 0, || run.stderr.clone())?;
        check(mode(&vault, INDEX) == 0o600, || {
            format!("mode {:o}", mode(&vault, INDEX))
        })?;
        Ok(missing(&vault.read(INDEX), &["- [ ] private"]))
    });
    suite.case("as a non-root user too: 0444 refused, 0600 kept", || {
        if !is_root() {
            return Ok(0); // the cases above already ran as a non-root user
        }
        let has_setpriv = std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_ok();
        check(has_setpriv, || {
            "setpriv is needed to run the permission cases as nobody".into()
        })?;
        let vault = Vault::new();
        let root = vault.dir.path().to_path_buf();
        let status = std::process::Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(&root)
            .status()
            .unwrap();
        check(status.success(), || "chown failed".into())?;
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(vault.path(INDEX), std::fs::Permissions::from_mode(0o444))
            .unwrap();
        let as_nobody = |args: &[&str]| {
            std::process::Command::new("setpriv")
                .args([
                    "--reuid=65534",
                    "--regid=65534",
                    "--clear-groups",
                    env!("CARGO_BIN_EXE_career"),
                ])
                .args([
                    "--vault",
                    root.to_str().unwrap(),
                    "--today",
                    crate::harness::TODAY,
                ])
                .args(args)
                .output()
                .unwrap()
        };
        let before = vault.read(INDEX);
        let out = as_nobody(&["task", "add", INDEX, "Open Tasks", "nope"]);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        check(stderr.contains("error[read_only]"), || stderr.clone())?;
        check(vault.read(INDEX) == before, || {
            "the read-only note changed".into()
        })?;
        std::fs::set_permissions(vault.path(INDEX), std::fs::Permissions::from_mode(0o600))
            .unwrap();
        let out = as_nobody(&["task", "add", INDEX, "Open Tasks", "private"]);
        check(out.status.success(), || {
            String::from_utf8_lossy(&out.stderr).into_owned()
        })?;
        check(mode(&vault, INDEX) == 0o600, || {
            format!("mode {:o}", mode(&vault, INDEX))
        })?;
        Ok(missing(&vault.read(INDEX), &["- [ ] private"]))
    });
    suite.case(
        "stale temps of killed runs are removed by the next run, live ones are not",
        || {
            let vault = Vault::new();
            vault.write("Career/.0_Career_Index.md.career-99999999-0.tmp", "half");
            vault.write(".obsidian/plugins/career-coach/data.json.tmp", "{}");
            vault.write("Career/.mine.tmp", "not ours");
            let run = vault.career(&["task", "add", INDEX, "Open Tasks", "cleans"], "");
            check(run.code == 0, || run.stderr.clone())?;
            let run = vault.career(&["goals", "new", "--year", "2027"], "");
            check(run.code == 0, || run.stderr.clone())?;
            check(
                vault.temps("Career") == vec![".mine.tmp".to_string()],
                || format!("{:?}", vault.temps("Career")),
            )?;
            check(
                vault.temps(".obsidian/plugins/career-coach").is_empty(),
                || "data.json.tmp left".into(),
            )?;
            Ok(0)
        },
    );
    suite.finish("files");
}
