//! Issue 14, item 5: one prompt grammar in `career coach` and `career goals
//! new`. Each test names the reported failure it guards.

mod support;

use support::TestVault;

const INDEX: &str = "Career/0_Career_Index.md";
const GOALS: &str = "Career/2026 Goals.md";

fn goals_vault() -> TestVault {
    let vault = TestVault::new();
    vault.write(
        INDEX,
        "# Career\n\n## Vision\n\n**North Star (2031):** CTO\n\n## 2026 Theme\n\n> **\"Year of visibility\"**\n\n## Open Tasks\n",
    );
    vault
}

#[test]
fn in_goals_new_y_keeps_the_theme_and_done_ends_the_goals() {
    // Failures: typing `y` where the prompt said "y keeps it" set the theme to
    // "y"; typing `done` after "or say done" created a Goal 4 titled "done".
    let vault = goals_vault();
    let script = "y\nBe known | 3 talks\ny\ndone\ndone\n";
    let run = vault.career_with_input(&["goals", "new"], script);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let note = vault.read(GOALS);
    assert!(note.contains("Year of visibility"), "{note}");
    assert!(
        !note.contains("\"y\""),
        "the theme is kept, not set to y: {note}"
    );
    assert!(note.contains("| G1 | Be known | 3 talks |"), "{note}");
    assert!(
        !note.contains("| G2 |"),
        "done is a command, not a goal: {note}"
    );
}

#[test]
fn help_documents_the_grammar_for_coach_and_goals() {
    let vault = TestVault::new();
    for args in [&["coach", "--help"][..], &["goals", "new", "--help"][..]] {
        let run = vault.career(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for word in [
            "confirm",
            "edit",
            "skip",
            "back",
            "pause",
            "done",
            "decision",
            "thread",
            "finish it with an empty line",
        ] {
            assert!(
                run.stdout.contains(word),
                "{args:?} --help lacks {word}:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn coach_help_documents_the_words_at_an_entry() {
    let run = TestVault::new().career(&["coach", "--help"]);
    for word in [
        "keep",
        "remove",
        "add",
        "--entry <LINE>",
        "[k]eep · [e]dit · [r]emove · [a]dd",
    ] {
        assert!(
            run.stdout.contains(word),
            "coach --help lacks {word}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn coach_lists_decision_and_thread_where_they_can_be_typed_and_records_them() {
    // Failure: the only way to add a decision was an undocumented `/decide`.
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    let script = [
        "Visible outside",                // theme
        "decision",                       // at the confirmation
        "Theme: visible outside",         // what
        "External visibility is the gap", // why
        "thread",
        "Identify podcast targets",
        "y", // confirm the theme
        "",  // focus
        "",  // threads
        "",  // worked
        "",  // improve
    ]
    .join("\n");
    let run = vault.career_with_input(
        &["coach", "--section", "Annual Theme"],
        &format!("{script}\n"),
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "Confirm? [y]es · [e]dit · [s]kip · [b]ack · [p]ause · [d]ecision · [t]hread"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("or type: skip · back · pause · decision · thread"),
        "{}",
        run.stdout
    );
    let log = vault.read("Career/2026-01-17 Career Coaching Session.md");
    assert!(log.contains("Theme: visible outside"), "{log}");
    assert!(log.contains("External visibility is the gap"), "{log}");
    assert!(log.contains("Identify podcast targets"), "{log}");
}

#[test]
fn follow_up_answers_are_confirmed_in_the_terminal_too() {
    // Failure: follow-up answers were written without a read-back.
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    let script = "Path closes | medium | high | sponsors\ny\nThe path closing\ne\nThe path closing first\ny\n\n\n\n\n";
    let run = vault.career_with_input(&["coach", "--section", "Risk Register"], script);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("  Act on first: The path closing\n"),
        "the follow-up is read back under its label:\n{}",
        run.stdout
    );
    let note = vault.read(INDEX);
    assert!(
        note.contains("| Path closes | medium | high | sponsors |\n\n- **Act on first:** The path closing first\n\n---\n\n## Open Tasks"),
        "{note}"
    );
    assert!(
        !note.contains("**Act on first:** The path closing\n"),
        "{note}"
    );
}
