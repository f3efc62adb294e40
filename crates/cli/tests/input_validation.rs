//! Input the person types is checked before anything is written: an empty
//! status, multi-line one-line fields, years without four digits, and usage
//! mistakes, each refused (or flattened) with a stable code, in JSON too.

// Tests: a failed assertion or panic is a failed test.
#![allow(missing_docs, clippy::panic, clippy::indexing_slicing)]

mod support;

use support::{run_in, Run, TestVault};

const INDEX: &str = "Career/0_Career_Index.md";
const GOALS: &str = "Career/2026 Goals.md";

fn vault() -> TestVault {
    let vault = TestVault::new();
    vault.write(
        INDEX,
        "# Career\n\n## Vision\n\n**North Star (2031):** CTO\n\n## 2026 Theme\n\n> **\"Year of visibility\"**\n\n## Session Logs\n\n| Session | Focus | Outputs |\n|---------|-------|---------|\n",
    );
    vault
}

fn with_goals() -> TestVault {
    let vault = vault();
    let run = vault.career(&["goals", "new", "--goal", "Be known outside|3 talks"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = vault.career(&["goals", "status", "G1", "complete"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(vault.read(GOALS).contains("| Complete |"));
    vault
}

/// Runs the binary with exactly these arguments (no `--today` added).
fn raw(vault: &TestVault, args: &[&str]) -> Run {
    let dir = vault.dir.path().to_str().unwrap_or_default().to_string();
    run_in(
        vault.dir.path(),
        &[&["--vault", dir.as_str()], args].concat(),
        "",
    )
}

/// The `error.code` of a JSON error on stderr, or a failure naming stderr.
fn json_code(run: &Run) -> String {
    let value: serde_json::Value = serde_json::from_str(run.stderr.trim())
        .unwrap_or_else(|e| panic!("stderr is not JSON ({e}): {:?}", run.stderr));
    let code = value["error"]["code"].as_str().map(str::to_string);
    let message = value["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "a message for the person: {value}");
    code.unwrap_or_else(|| panic!("no error.code in {value}"))
}

/// Every file under the vault, relative, sorted.
fn files(vault: &TestVault) -> Vec<String> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if let Ok(relative) = path.strip_prefix(root) {
                out.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(vault.dir.path(), vault.dir.path(), &mut out);
    out.sort();
    out
}

#[test]
fn an_empty_status_never_resets_a_complete_goal() {
    let vault = with_goals();
    let before = vault.read(GOALS);
    for status in ["", "  ", "paused"] {
        let run = vault.career(&["goals", "status", "G1", status]);
        assert_eq!(run.code, 1, "{status:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("error[invalid_input]:"),
            "{status:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("Not started, In progress, At risk, Complete"),
            "the valid statuses are listed: {}",
            run.stderr
        );
        assert_eq!(vault.read(GOALS), before, "{status:?} changed the note");
    }
    let run = vault.career(&["--json", "goals", "status", "G1", ""]);
    assert_eq!(run.code, 1);
    assert_eq!(json_code(&run), "invalid_input");
    assert_eq!(vault.read(GOALS), before);
}

#[test]
fn a_multi_line_focus_or_thread_cannot_inject_headings() {
    let vault = vault();
    let run = vault.career(&[
        "session-log",
        "new",
        "--focus",
        "Interview prep\n## Injected focus\n| x | y |",
        "--thread",
        "Ask Pat\n## Injected thread\n- [ ] second task",
        "--did",
        "Practised\n# Injected did",
        "--decision",
        "Apply\n## Injected what|Timing\n| a | b |",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log = vault.read("Career/2026-01-17 Career Coaching Session.md");
    for line in log.lines() {
        assert!(
            !line.contains("Injected") || !line.trim_start().starts_with('#'),
            "a heading was injected: {line:?}\n{log}"
        );
    }
    assert!(
        log.contains("**Focus:** Interview prep ## Injected focus"),
        "{log}"
    );
    assert!(
        log.contains("- [ ] Ask Pat ## Injected thread - [ ] second task\n"),
        "{log}"
    );
    assert_eq!(
        log.lines().filter(|l| l.starts_with("- [ ] ")).count(),
        1,
        "one thread, one checkbox:\n{log}"
    );
    let threads = vault.career(&["--json", "threads"]);
    let open: serde_json::Value = serde_json::from_str(&threads.stdout).unwrap_or_default();
    assert_eq!(open.as_array().map(Vec::len), Some(1), "{}", threads.stdout);
    // The index's Session Logs table gains exactly one one-line row.
    let index = vault.read(INDEX);
    assert!(!index.contains("\n## Injected"), "{index}");
    let rows: Vec<&str> = index
        .lines()
        .skip_while(|l| !l.starts_with("| Session"))
        .skip(2)
        .collect();
    assert_eq!(rows.len(), 1, "{index}");
    assert!(
        rows[0].contains("Interview prep ## Injected focus \\| x \\| y \\|"),
        "{index}"
    );
}

#[test]
fn a_year_outside_1000_to_9999_is_refused_and_nothing_is_written() {
    let vault = with_goals();
    let before = files(&vault);
    for (today, args) in [
        ("0000-01-01", &["review", "annual"][..]),
        ("0999-12-31", &["review", "weekly"][..]),
        ("0000-01-01", &["due"][..]),
        ("0000-01-01", &["goals", "status", "G1", "done"][..]),
    ] {
        let run = raw(&vault, &[&["--today", today][..], args].concat());
        assert_eq!(run.code, 1, "{today} {args:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("error[invalid_date]:"),
            "{today} {args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("1000"), "{}", run.stderr);
        let mut json_args = vec!["--json", "--today", today];
        json_args.extend_from_slice(args);
        let run = raw(&vault, &json_args);
        assert_eq!(json_code(&run), "invalid_date");
    }
    assert_eq!(files(&vault), before, "no note was written");
    // The last year a review can name: next year's theme would be 10000.
    let run = raw(
        &vault,
        &["--today", "9999-12-31", "review", "annual", "--theme", "x"],
    );
    assert!(
        run.stderr.starts_with("error[invalid_date]:"),
        "{}",
        run.stderr
    );
    assert_eq!(files(&vault), before, "no note was written");
}

#[test]
fn usage_mistakes_under_json_are_json_with_the_usage_code() {
    let vault = vault();
    for args in [
        &["--json", "goals", "status"][..],
        &["--json", "no-such-command"][..],
        &["goals", "--json", "status", "G1", "done", "extra"][..],
        &["--json", "review"][..],
        &["--json", "--bogus-flag", "due"][..],
        &["--json"][..],
    ] {
        let run = vault.career(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(json_code(&run), "usage", "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
}

#[test]
fn usage_mistakes_without_json_keep_clap_text() {
    let vault = vault();
    let run = vault.career(&["goals", "status"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.starts_with("error:"), "{}", run.stderr);
    assert!(run.stderr.contains("Usage:"), "{}", run.stderr);
}

#[test]
fn help_and_version_still_succeed() {
    let vault = vault();
    for args in [
        &["--help"][..],
        &["--json", "--help"][..],
        &["goals", "--help"][..],
        &["--version"][..],
        &["--json", "--version"][..],
    ] {
        let run = vault.career(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(!run.stdout.is_empty(), "{args:?}");
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn every_other_failure_under_json_has_a_code() {
    let vault = with_goals();
    for (args, code) in [
        (
            &["--json", "goals", "status", "G9", "done"][..],
            "goal_not_found",
        ),
        (&["--json", "goals", "action", " "][..], "invalid_input"),
        (&["--json", "review", "fortnightly"][..], "invalid_input"),
        (
            &["--json", "review", "weekly", "--period", "2026-W54"][..],
            "invalid_input",
        ),
        (
            &["--json", "outline", "Career/missing.md"][..],
            "note_missing",
        ),
        (
            &["--json", "session-log", "new", "--focus", " "][..],
            "invalid_input",
        ),
        (
            &["--json", "goals", "new", "--goal", "Again|x"][..],
            "note_exists",
        ),
    ] {
        let run = vault.career(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert_eq!(json_code(&run), code, "{args:?}");
    }
    let run = raw(&vault, &["--json", "--today", "2026-02-30", "due"]);
    assert_eq!(run.code, 1);
    assert_eq!(json_code(&run), "invalid_date");
}
