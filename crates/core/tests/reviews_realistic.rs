//! Golden quarterly and annual reviews of a realistic year (issue 15): an
//! index with a theme, success criteria, dated wins and sections, and a
//! goals note a year in. Review them by reading them as the person would.
//! `UPDATE_GOLDEN=1` rewrites them.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::Path;

use career_core::reviews::{plan_review, Answers, ReviewInput};
use career_core::Period;

const INDEX: &str = include_str!("../../../tests/fixtures/realistic-2026/0_Career_Index.md");
const GOALS: &str = include_str!("../../../tests/fixtures/realistic-2026/2026 Goals.md");

fn golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&path, got).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(got, expected, "the note differs from {}", path.display());
}

fn input(period: &str, today: &str) -> ReviewInput {
    ReviewInput {
        period: Some(Period::parse(period).unwrap()),
        today: today.into(),
        goals_text: Some(GOALS.into()),
        index_text: Some(INDEX.into()),
        ..ReviewInput::default()
    }
}

#[test]
fn the_annual_review_of_a_realistic_year() {
    let mut i = input("2026", "2026-12-20");
    i.answers = Answers {
        next_theme: Some("Lead in the open".into()),
        ..Answers::default()
    };
    let plan = plan_review(&i).unwrap();
    let text = &plan.create.as_ref().unwrap().text;
    // What a coach would check, whatever the wording.
    assert!(text.contains("- **Met** — Give three conference talks"));
    assert!(
        text.contains("- **Not met** — Publish the platform thesis paper")
            || text.contains("- **Not checked off** — Publish the platform thesis paper")
    );
    assert!(text.contains("Claims platform cut-over"), "this year's win");
    assert!(
        !text.contains("billing stack"),
        "last year's win is not this year's"
    );
    assert!(text.contains("| G1 | Known outside the company | 3 conference talks | Complete |"));
    assert!(
        text.contains("**Stale since 2025-11**"),
        "the Risk Register was last looked at in 2025"
    );
    assert!(text.contains("next_theme: Lead in the open"));
    golden("realistic-annual-review.md", text);
}

#[test]
fn the_quarterly_review_of_a_realistic_quarter_keeps_the_plan() {
    let plan = plan_review(&input("2026-Q3", "2026-09-25")).unwrap();
    assert!(plan.goals.is_none(), "nothing changes in the goals note");
    let text = &plan.create.as_ref().unwrap().text;
    assert!(text.contains(
        "- **Intention:** Close the year strong\n- **Focus:** KubeCon, sponsor coffees\n"
    ));
    golden("realistic-quarterly-review.md", text);
}
