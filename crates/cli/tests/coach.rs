//! `career coach` on a real vault, with piped answers (scripted sessions).

mod support;

use support::TestVault;

fn vault() -> TestVault {
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    vault
}

fn coach(vault: &TestVault, args: &[&str], input: &str) -> support::Run {
    vault.career_with_input(&[&["coach"], args].concat(), input)
}

const INDEX: &str = "Career/0_Career_Index.md";

#[test]
fn a_scripted_session_fills_sections_and_the_note_changes_exactly_there() {
    let vault = vault();
    let before = vault.read(INDEX);
    let script = [
        "Visible outside Lockton", // theme
        "y",                       // confirm
        "Pat Kim | sponsor | Global CIO; Sam Ortiz | mentor | former CTO",
        "y",
        "", // deepening skipped
    ]
    .join("\n");
    let run = coach(
        &vault,
        &["--section", "Annual Theme", "--section", "Network"],
        &format!("{script}\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Here is what I understood:"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Done: 2 section(s) written, 0 skipped."),
        "{}",
        run.stdout
    );
    let expected = before
        .replace(
            "> **\"[Theme in quotes]\"**",
            "> **\"Visible outside Lockton\"**",
        )
        .replace(
            "### Sponsors\n\n| Name | Context |\n|------|---------|\n| | |",
            "### Sponsors\n\n| Name | Context |\n|------|---------|\n| Pat Kim | Global CIO |",
        )        .replace("### Mentors\n\n| Name | Context |\n|------|---------|\n| | |", "### Mentors\n\n| Name | Context |\n|------|---------|\n| Sam Ortiz | former CTO |")
        + "| [[2026-01-17 Career Coaching Session]] | Annual Theme, Network & Influence | Career Index |\n";
    assert_eq!(
        vault.read(INDEX),
        expected,
        "only the answered sections and the Session Logs row changed"
    );
    let log = vault.read("Career/2026-01-17 Career Coaching Session.md");
    assert!(
        log.starts_with("---\ntype: coaching-session\ndate: 2026-01-17\n"),
        "{log}"
    );
    assert!(
        log.contains("   - Captured: Pat Kim · sponsor · Global CIO\n"),
        "{log}"
    );
}

#[test]
fn confirm_prompt_accepts_edit_skip_and_rejects_other_replies() {
    let vault = vault();
    let before = vault.read(INDEX);
    let script = "Visible inside\nmaybe\ne\nVisible outside\ns\n";
    let run = coach(&vault, &["--section", "Annual Theme"], script);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Please answer with one of: [y]es · [e]dit · [s]kip · [b]ack · [p]ause"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Done: 0 section(s) written, 1 skipped."),
        "{}",
        run.stdout
    );
    let row = "| [[2026-01-17 Career Coaching Session]] | Career Index review | — |\n";
    assert_eq!(
        vault.read(INDEX),
        format!("{before}{row}"),
        "edited and skipped answers are never written; only the log row is added"
    );
}

#[test]
fn an_interrupted_session_resumes_where_it_stopped_and_writes_nothing_twice() {
    let vault = vault();
    // First run: answer and confirm the theme, then input ends mid-way through Network.
    let first = coach(
        &vault,
        &["--section", "Annual Theme", "--section", "Network"],
        "Visible outside\ny\nPat Kim | sponsor | Global CIO\n",
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("Paused (end of input)"),
        "{}",
        first.stdout
    );
    let data = vault.read(".obsidian/plugins/career-coach/data.json");
    assert!(
        data.contains("\"paused\": true"),
        "the session is saved: {data}"
    );
    // Second run resumes at the Network confirmation.
    let second = coach(&vault, &[], "y\n\n");
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second
            .stdout
            .starts_with("Resuming the session started 2026-01-17T10:00:00."),
        "{}",
        second.stdout
    );
    assert!(
        second
            .stdout
            .contains("Done: 2 section(s) written, 0 skipped."),
        "{}",
        second.stdout
    );
    let note = vault.read(INDEX);
    assert_eq!(note.matches("Visible outside").count(), 1);
    assert_eq!(
        note.matches("| Pat Kim | Global CIO |").count(),
        1,
        "nothing is written twice"
    );
    // A third run starts a new session (the last one finished).
    let third = coach(&vault, &["--section", "Annual Theme"], "\n");
    assert!(
        third.stdout.contains("Annual Theme (review)"),
        "a filled section is offered for review: {}",
        third.stdout
    );
}

#[test]
fn coaching_needs_a_career_index() {
    let vault = TestVault::new();
    let run = vault.career_with_input(&["coach"], "");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[note_missing]:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("career init"), "{}", run.stderr);
}

#[test]
fn a_second_session_reviews_the_first_ones_open_threads() {
    let vault = vault();
    // Session 1: one answer, then the closing questions: focus, threads, worked, improve.
    let first = coach(
        &vault,
        &["--section", "Annual Theme"],
        "Visible outside\ny\nTheme\nDraft the thesis; Find podcasts\nOne question at a time\n\n",
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let threads = vault.career(&["--json", "threads"]);
    let open: serde_json::Value = serde_json::from_str(&threads.stdout).unwrap();
    assert_eq!(open.as_array().unwrap().len(), 2, "{}", threads.stdout);
    // Session 2 (same day): carry the thesis, resolve the podcasts.
    let second = coach(&vault, &["--section", "Risk Register"], "c\nr\n\n\n\n\n\n");
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second
            .stdout
            .contains("Open threads from earlier sessions (2):"),
        "{}",
        second.stdout
    );
    let log1 = vault.read("Career/2026-01-17 Career Coaching Session.md");
    assert!(
        log1.contains("- [>] Draft the thesis\n") && log1.contains("- [x] Find podcasts\n"),
        "{log1}"
    );
    let log2 = vault.read("Career/2026-01-17 Career Coaching Session 2.md");
    assert!(
        log2.contains("- [ ] Draft the thesis [carried:: 1]\n"),
        "{log2}"
    );
    let open = vault.career(&["threads"]);
    assert_eq!(
        open.stdout.trim(),
        "- Draft the thesis (carried 1×)  (Career/2026-01-17 Career Coaching Session 2.md:35)"
            .replace(
                ":35",
                &format!(
                    ":{}",
                    log2.lines()
                        .position(|l| l.contains("[carried:: 1]"))
                        .unwrap()
                        + 1
                )
            )
    );
}

#[test]
fn session_log_new_records_a_session_held_elsewhere() {
    let vault = vault();
    let run = vault.career(&[
        "session-log",
        "new",
        "--focus",
        "Mock interview prep",
        "--output",
        "0_Career_Index",
        "--decision",
        "Apply for the CTO role|The timing is right",
        "--thread",
        "Ask Pat for a referral",
        "--did",
        "Practised the story of the GCC expansion",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "Created Career/2026-01-17 Career Coaching Session.md"
    );
    let log = vault.read("Career/2026-01-17 Career Coaching Session.md");
    assert!(
        log.contains("| Apply for the CTO role | The timing is right |\n"),
        "{log}"
    );
    assert!(
        log.contains("1. Practised the story of the GCC expansion\n"),
        "{log}"
    );
    assert!(log.contains("- [ ] Ask Pat for a referral\n"), "{log}");
    assert!(vault.read(INDEX).ends_with(
        "| [[2026-01-17 Career Coaching Session]] | Mock interview prep | 0_Career_Index |\n"
    ));
    assert!(
        vault
            .read("Career/Career Coaching Methodology.md")
            .contains(
            "| [[2026-01-17 Career Coaching Session]] | Mock interview prep | 0_Career_Index |\n"
        ),
        "the methodology note's table gets the row too"
    );
    let empty = vault.career(&["session-log", "new", "--focus", " "]);
    assert!(
        empty.stderr.starts_with("error[invalid_input]:"),
        "{}",
        empty.stderr
    );
}

/// The Career Index of `career init` with two sponsors and a win.
fn with_entries(vault: &TestVault) {
    let note = vault
        .read(INDEX)
        .replace(
            "### Sponsors\n\n| Name | Context |\n|------|---------|\n| | |",
            "### Sponsors\n\n| Name | Context |\n|------|---------|\n| Pat Kim | Global CIO |\n| Sam Ortiz | former CTO |",
        )
        .replace(
            "- **[Win]** — [Description]",
            "- **GAS Summit** — ran it three years running",
        );
    vault.write(INDEX, &note);
}

#[test]
fn a_section_with_entries_offers_each_to_keep_edit_or_remove_before_adding() {
    // Issue 14 item 4: editing, not only adding.
    let vault = vault();
    with_entries(&vault);
    let before = vault.read(INDEX);
    let script = "e\nContext: Global CIO, now on the board\ny\nr\ny\nskip\n";
    let run = coach(&vault, &["--section", "Network"], script);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for shown in [
        "Entry 1 of 2 · Sponsors:\n    Name: Pat Kim\n    Context: Global CIO\n",
        "Keep, edit or remove? [k]eep · [e]dit · [r]emove · [a]dd · [s]kip · [b]ack · [p]ause · [d]ecision · [t]hread",
        "Here is what I understood:\n  Name: Pat Kim\n  Context: Global CIO, now on the board\n",
        "  Remove: Sam Ortiz · former CTO\n",
    ] {
        assert!(run.stdout.contains(shown), "{shown:?} in:\n{}", run.stdout);
    }
    let expected = before.replace(
        "| Pat Kim | Global CIO |\n| Sam Ortiz | former CTO |\n",
        "| Pat Kim | Global CIO, now on the board |\n",
    )
        + "| [[2026-01-17 Career Coaching Session]] | Network & Influence | Career Index |\n";
    assert_eq!(vault.read(INDEX), expected);
    let log = vault.read("Career/2026-01-17 Career Coaching Session.md");
    assert!(
        log.contains("   - Edited: Pat Kim · Global CIO, now on the board\n   - Removed: Sam Ortiz · former CTO\n"),
        "{log}"
    );
}

#[test]
fn coach_this_from_the_blind_spots_opens_the_flagged_entry_and_copies_nothing() {
    // Failure: "Coach this" on a wins finding appended a second copy of the win.
    let vault = vault();
    with_entries(&vault);
    let found = vault.career(&["blindspots"]);
    assert_eq!(found.code, 0, "{}", found.stderr);
    let command = found
        .stdout
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Do: career coach --section wins --entry ")
        })
        .unwrap_or_else(|| panic!("the wins finding names its entry:\n{}", found.stdout));
    let line: usize = command.trim().parse().unwrap();
    assert_eq!(
        vault.read(INDEX).lines().nth(line - 1),
        Some("- **GAS Summit** — ran it three years running"),
        "the line is the win's"
    );
    let run = coach(
        &vault,
        &["--section", "wins", "--entry", &line.to_string()],
        "GAS Summit | 900 attendees, $1.2M pipeline\ny\nskip\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("What should this entry say now?"),
        "{}",
        run.stdout
    );
    let note = vault.read(INDEX);
    assert_eq!(note.matches("**GAS Summit**").count(), 1, "{note}");
    assert!(note.contains("- **GAS Summit** — 900 attendees, $1.2M pipeline\n"));
}

#[test]
fn opening_an_entry_says_it_replaces_a_paused_session() {
    let vault = vault();
    with_entries(&vault);
    let paused = coach(&vault, &["--section", "Annual Theme"], "Visible outside\n");
    assert!(
        paused.stdout.contains("Paused (end of input)"),
        "{}",
        paused.stdout
    );
    let line = vault
        .read(INDEX)
        .lines()
        .position(|l| l == "- **GAS Summit** — ran it three years running")
        .unwrap()
        + 1;
    let run = coach(
        &vault,
        &["--section", "wins", "--entry", &line.to_string()],
        "skip\nskip\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("A new session for this entry replaces the paused one started "),
        "{}",
        run.stdout
    );
}
