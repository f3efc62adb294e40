//! The Career Index where the person keeps it (issue 16, item 4): at the
//! vault root, in a folder of its own, or marked by `type: career-index`.

mod support;

use support::TestVault;

const HAND_MADE: &str = "# My career\n\n## Vision\n\nLead platform engineering.\n";

#[test]
fn an_index_at_the_vault_root_is_upgraded_in_place_not_copied() {
    let vault = TestVault::new();
    vault.write("0_Career_Index.md", HAND_MADE);
    let run = vault.career(&["index", "upgrade"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("0_Career_Index.md"), "{}", run.stdout);
    assert!(
        !vault.path("Career/0_Career_Index.md").exists(),
        "a second index was created"
    );
    let upgraded = vault.read("0_Career_Index.md");
    assert!(upgraded.contains("Lead platform engineering."));
    assert!(upgraded.contains("## Open Tasks"), "{upgraded}");
    let run = vault.career(&["paths"]);
    assert!(run.stdout.contains("0_Career_Index.md"), "{}", run.stdout);
}

#[test]
fn an_index_in_a_nested_folder_or_marked_by_type_is_found() {
    let vault = TestVault::new();
    vault.write("Areas/Work/0_Career_Index.md", HAND_MADE);
    let run = vault.career(&["task", "add", "Areas/Work/0_Career_Index.md", "Vision", "x"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = vault.career(&["blindspots"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let typed = TestVault::new();
    typed.write(
        "Me/Career plan.md",
        &format!("---\ntype: career-index\n---\n{HAND_MADE}"),
    );
    typed.write("Old/0_Career_Index.md", HAND_MADE);
    let run = typed.career(&["index", "upgrade"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        typed.read("Me/Career plan.md").contains("## Open Tasks"),
        "the typed note wins"
    );
    assert_eq!(typed.read("Old/0_Career_Index.md"), HAND_MADE);
}

#[test]
fn two_candidates_are_a_clear_error_naming_both() {
    let vault = TestVault::new();
    vault.write("0_Career_Index.md", HAND_MADE);
    vault.write("Archive/0_Career_Index.md", HAND_MADE);
    let run = vault.career(&["index", "upgrade"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error[ambiguous_index]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("0_Career_Index.md, Archive/0_Career_Index.md"),
        "{}",
        run.stderr
    );
    assert!(!vault.path("Career").exists(), "nothing was created");
}

#[test]
fn the_configured_index_wins_over_any_other() {
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    vault.write("0_Career_Index.md", HAND_MADE);
    let run = vault.career(&["index", "upgrade"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(vault.read("0_Career_Index.md"), HAND_MADE);
}
