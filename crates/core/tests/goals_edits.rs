//! Status changes and weekly actions on goals notes, hand-edited ones
//! included: only the intended bytes change.
// Tests: a failed unwrap is a failed test.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use career_core::edit::{apply, Applied, TextEdit};
use career_core::goals::edits::{add_action, set_status};
use career_core::goals::read;
use career_core::{Day, ErrorCode, FiscalYear, Period, PeriodKind};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn week(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn applied(text: &str, edits: &[TextEdit]) -> String {
    match apply(text, edits).unwrap() {
        Applied::Changed(t) => t,
        Applied::Unchanged => text.to_string(),
    }
}

/// Asserts `after` is `before` with exactly `inserted` put in at one place:
/// every byte before and after the insertion is the original's.
fn only_inserted(before: &str, after: &str, inserted: &str) {
    let found = (0..=before.len())
        .filter(|&p| before.is_char_boundary(p))
        .any(|p| {
            after.get(..p) == before.get(..p)
                && after.get(p..p + inserted.len()) == Some(inserted)
                && after.get(p + inserted.len()..) == before.get(p..)
        });
    assert!(
        found,
        "expected only {inserted:?} inserted, got:\n{after:?}"
    );
}

const GENERATED: &str = "---\ntype: goals\nyear: 2026\n---\n# 2026 Goals\n\n## Annual Goals\n\n| Goal | Outcome | Success Metric | Status |\n|------|---------|----------------|--------|\n| G1 | Visible | 3 talks | Not started |\n| G2 | Thesis | Paper | Not started |\n\n## Monthly Milestones\n\n### 2026-01 January\n\n- [ ] Outline #goal/G2\n\n## Weekly Actions\n\n## Weekly Review Questions\n\n1. What's the ONE thing?\n";

/// Hand-edited: CRLF, odd spacing, an extra column, notes between parts,
/// `---` breaks, a week already there.
const HAND: &str = "---\r\ntype: goals\r\nyear: 2026\r\n---\r\n#  2026 Goals\r\n\r\nSome notes of mine.\r\n\r\n## Annual goals\r\n\r\nGoal   | Owner | Outcome |  Status   | Success metric\r\n---|---|---|---|---\r\n**G1** | me |  Visible   |   In progress  | 3 talks\r\nG2 | me | Thesis | | Paper\r\n\r\n> a quote I like\r\n\r\n---\r\n\r\n## Weekly actions\r\n\r\n### 2026-W03 (busy)\r\n\r\n* [x] Email Ana #G1\r\n\r\nA paragraph about the week.\r\n\r\n### 2026-W10\r\n\r\n* [ ] Draft #goal/G2\r\n\r\n---\r\n\r\n## Review\r\n\r\nfree text";

#[test]
fn status_changes_only_the_status_cell() {
    let out = applied(
        GENERATED,
        &set_status(GENERATED, "g1", "in progress").unwrap(),
    );
    assert_eq!(
        out,
        GENERATED.replace(
            "| G1 | Visible | 3 talks | Not started |",
            "| G1 | Visible | 3 talks | In progress |"
        )
    );
    assert_eq!(read(&out).goals[0].status.label(), "In progress");
}

#[test]
fn status_on_a_hand_edited_note_with_an_extra_column_and_crlf() {
    let out = applied(HAND, &set_status(HAND, "G1", "done").unwrap());
    assert_eq!(out, HAND.replace("|   In progress  |", "|   Complete  |"));
    let out = applied(HAND, &set_status(HAND, "G2", "At risk").unwrap());
    assert_eq!(
        out,
        HAND.replace(
            "G2 | me | Thesis | | Paper",
            "G2 | me | Thesis | At risk | Paper"
        )
    );
}

#[test]
fn status_refuses_unknown_goals_and_statuses() {
    let err = set_status(GENERATED, "G7", "Complete").unwrap_err();
    assert_eq!(err.code, ErrorCode::GoalNotFound);
    assert!(err.message.contains("G1, G2"), "{}", err.message);
    let err = set_status(GENERATED, "G1", "Paused").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err
        .message
        .contains("Not started, In progress, At risk, Complete"));
    assert!(
        set_status(GENERATED, "G1", "Not started")
            .unwrap()
            .is_empty(),
        "already so"
    );
    let err = set_status("# Notes\n", "G1", "Complete").unwrap_err();
    assert_eq!(err.code, ErrorCode::SectionNotFound);
}

#[test]
fn an_action_creates_its_week_in_an_empty_weekly_actions_section() {
    let edits = add_action(GENERATED, week("2026-W47"), "Email Ana", Some("g1")).unwrap();
    let out = applied(GENERATED, &edits);
    assert_eq!(
        out,
        GENERATED.replace(
            "## Weekly Actions\n\n## Weekly",
            "## Weekly Actions\n\n### 2026-W47\n\n- [ ] Email Ana #goal/G1\n\n## Weekly"
        )
    );
    let again = applied(
        &out,
        &add_action(&out, week("2026-W47"), "Book room", None).unwrap(),
    );
    only_inserted(&out, &again, "- [ ] Book room\n");
    let earlier = applied(
        &again,
        &add_action(&again, week("2026-W02"), "Plan", Some("G2")).unwrap(),
    );
    only_inserted(&again, &earlier, "### 2026-W02\n\n- [ ] Plan #goal/G2\n\n");
    let weeks: Vec<String> = read(&earlier)
        .actions
        .iter()
        .map(|a| a.period.to_string())
        .collect();
    assert_eq!(weeks, ["2026-W02", "2026-W47", "2026-W47"], "chronological");
}

#[test]
fn actions_on_a_hand_edited_note_keep_every_other_byte() {
    // Into an existing week whose heading has extra words, after its list.
    let out = applied(
        HAND,
        &add_action(HAND, week("2026-W03"), "Call Bo", Some("G2")).unwrap(),
    );
    only_inserted(HAND, &out, "* [ ] Call Bo #goal/G2\r\n");
    // A new week between two, in the note's CRLF.
    let out = applied(
        HAND,
        &add_action(HAND, week("2026-W05"), "Rest", None).unwrap(),
    );
    only_inserted(HAND, &out, "### 2026-W05\r\n\r\n- [ ] Rest\r\n\r\n");
    // A week after the last: before the `---` break, not after it.
    let out = applied(
        HAND,
        &add_action(HAND, week("2026-W11"), "Ship", Some("G1")).unwrap(),
    );
    only_inserted(
        HAND,
        &out,
        "\r\n### 2026-W11\r\n\r\n- [ ] Ship #goal/G1\r\n",
    );
    assert!(
        out.contains("#goal/G1\r\n\r\n---\r\n\r\n## Review"),
        "{out:?}"
    );
    let note = read(&out);
    assert_eq!(note.actions.last().unwrap().period, week("2026-W11"));
}

#[test]
fn weekly_actions_section_is_created_when_missing() {
    let text = "# 2026 Goals\n\n## Annual Goals\n\n| Goal | Outcome | Status |\n|---|---|---|\n| G1 | x | |\n\n## Monthly Milestones\n\n### 2026-02 February\n\n- [ ] m #goal/G1\n\n## Weekly Review Questions\n\n1. q\n";
    let out = applied(
        text,
        &add_action(text, week("2026-W07"), "Do it", Some("G1")).unwrap(),
    );
    only_inserted(
        text,
        &out,
        "\n## Weekly Actions\n\n### 2026-W07\n\n- [ ] Do it #goal/G1\n",
    );
    assert_eq!(read(&out).actions.len(), 1);
    let bare = "# Goals\n\n## Annual Goals\n\n| Goal | Outcome |\n|---|---|\n| G1 | x |";
    let out = applied(
        bare,
        &add_action(bare, week("2026-W07"), "Do it", None).unwrap(),
    );
    assert_eq!(
        out,
        format!("{bare}\n\n## Weekly Actions\n\n### 2026-W07\n\n- [ ] Do it"),
        "no final newline stays so"
    );
}

#[test]
fn iso_week_edges_land_in_the_right_week() {
    let fiscal = FiscalYear::default();
    for (date, label) in [
        ("2026-12-31", "2026-W53"),
        ("2027-01-01", "2026-W53"),
        ("2021-01-03", "2020-W53"),
    ] {
        let w = Period::containing(PeriodKind::Week, day(date), fiscal);
        assert_eq!(w.to_string(), label);
        let out = applied(
            GENERATED,
            &add_action(GENERATED, w, "Reflect", None).unwrap(),
        );
        assert!(
            out.contains(&format!("### {label}\n\n- [ ] Reflect\n")),
            "{out}"
        );
        assert_eq!(read(&out).actions[0].period.to_string(), label);
    }
    // W53 sorts after W52 and before the next year's W01.
    let text = "## Weekly Actions\n\n### 2020-W52\n\n- [ ] a\n\n### 2021-W01\n\n- [ ] c\n";
    let out = applied(
        text,
        &add_action(text, week("2020-W53"), "b", None).unwrap(),
    );
    assert_eq!(out, "## Weekly Actions\n\n### 2020-W52\n\n- [ ] a\n\n### 2020-W53\n\n- [ ] b\n\n### 2021-W01\n\n- [ ] c\n");
}

#[test]
fn actions_refuse_unknown_goals_months_and_empty_text() {
    let err = add_action(GENERATED, week("2026-W47"), "x", Some("G3")).unwrap_err();
    assert_eq!(err.code, ErrorCode::GoalNotFound);
    let err = add_action(GENERATED, week("2026-W47"), "x #goal/G9", None).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::GoalNotFound,
        "a typed tag is checked too"
    );
    let err = add_action(GENERATED, Period::parse("2026-11").unwrap(), "x", None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = add_action(GENERATED, week("2026-W47"), "  ", None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let out = applied(
        GENERATED,
        &add_action(GENERATED, week("2026-W47"), "Talk #goal/G1", Some("G1")).unwrap(),
    );
    assert!(
        out.contains("- [ ] Talk #goal/G1\n"),
        "no second tag: {out}"
    );
}

#[test]
fn an_action_that_would_be_swallowed_by_a_code_block_is_refused() {
    let text = "## Weekly Actions\n\n### 2026-W01\n\n```\nunclosed\n";
    let err = add_action(text, week("2026-W02"), "x", None).unwrap_err();
    assert_eq!(err.code, ErrorCode::WouldBeHidden);
}
