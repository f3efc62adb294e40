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
        "",                        // deepening question: skipped
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
        )
        .replace(
            "### Mentors\n\n| Name | Context |\n|------|---------|\n| | |",
            "### Mentors\n\n| Name | Context |\n|------|---------|\n| Sam Ortiz | former CTO |",
        );
    assert_eq!(
        vault.read(INDEX),
        expected,
        "only the answered sections changed"
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
        run.stdout.contains("Please answer y, e, s, b or p."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Done: 0 section(s) written, 1 skipped."),
        "{}",
        run.stdout
    );
    assert_eq!(
        vault.read(INDEX),
        before,
        "edited and skipped answers are never written"
    );
}

#[test]
fn an_interrupted_session_resumes_where_it_stopped_and_writes_nothing_twice() {
    let vault = vault();
    // First run: answer and confirm the theme, then input ends mid-way through Network.
    let first = coach(
        &vault,
        &["--section", "Annual Theme", "--section", "Network"],
        "Visible outside\ny\n\nPat Kim | sponsor | Global CIO\n",
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
