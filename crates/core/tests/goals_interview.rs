//! The goals interview: one question at a time, each answer confirmed, and a
//! state that survives being saved and resumed.
// Tests: a failed unwrap is a failed test.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use career_core::goals::interview::{prompt, start, step, Interview, Reply, Stage};
use career_core::goals::template::render;
use career_core::templates::links::LinkFormat;
use career_core::{Day, ErrorCode, FiscalYear};

const INDEX: &str = "## Vision\n\n**North Star (2031):** CTO of a mission-driven company\n\n## 2026 Theme\n\n> **\"Year of visibility\"**\n\n### Success Criteria (Dec 2026)\n\n- [ ] Three talks given\n";

fn answer(text: &str) -> Reply {
    Reply::Answer { text: text.into() }
}

/// Steps through replies, round-tripping the state through JSON each time
/// (as a shell that pauses and resumes would).
fn run(mut i: Interview, replies: &[Reply]) -> Interview {
    for reply in replies {
        i = step(&i, reply).unwrap_or_else(|e| panic!("{reply:?} at {:?}: {e}", i.stage));
        let json = serde_json::to_string(&i).unwrap();
        i = serde_json::from_str(&json).unwrap();
    }
    i
}

#[test]
fn the_first_prompt_shows_the_context_and_the_prefilled_theme() {
    let i = start(INDEX, 2026, FiscalYear::default());
    let p = prompt(&i);
    assert_eq!(p.step, "Theme");
    assert!(p.hint.contains("\"Year of visibility\""), "{}", p.hint);
    assert_eq!(
        p.context.vision.as_deref(),
        Some("CTO of a mission-driven company")
    );
    assert_eq!(p.context.success_criteria, ["Three talks given"]);
    assert!(p.replies.contains(&"confirm".to_string()));
    let i = step(&i, &Reply::Confirm).unwrap();
    assert_eq!(i.stage, Stage::Goals);
    assert_eq!(i.input.theme, "Year of visibility");
}

#[test]
fn a_goal_is_read_back_exactly_before_it_is_kept() {
    let i = run(start(INDEX, 2026, FiscalYear::default()), &[Reply::Confirm]);
    let i = step(&i, &answer("Be known outside | 3 talks")).unwrap();
    assert_eq!(
        prompt(&i).understood.as_deref(),
        Some("G1 — outcome: Be known outside; success metric: 3 talks")
    );
    assert!(
        i.input.goals.is_empty(),
        "nothing is kept before confirming"
    );
    let edited = step(&i, &Reply::Edit).unwrap();
    assert_eq!(prompt(&edited).understood, None, "edit asks again");
    // Without a metric, the metric is asked for next.
    let i = step(&edited, &answer("Publish the thesis")).unwrap();
    assert!(prompt(&i)
        .question
        .contains("How will you measure \"Publish the thesis\""));
    let i = step(&i, &answer("Paper by Q3")).unwrap();
    assert_eq!(
        prompt(&i).understood.as_deref(),
        Some("G1 — outcome: Publish the thesis; success metric: Paper by Q3")
    );
    let i = step(&i, &Reply::Confirm).unwrap();
    assert_eq!(i.input.goals.len(), 1);
    assert_eq!(prompt(&i).step, "Goal 2");
}

#[test]
fn more_than_three_goals_asks_for_one_theme_and_keeps_three() {
    let i = run(
        start(INDEX, 2026, FiscalYear::default()),
        &[
            Reply::Confirm,
            answer("A | a"),
            Reply::Confirm,
            answer("B | b"),
            Reply::Confirm,
            answer("C | c"),
            Reply::Confirm,
            answer("D | d"),
            Reply::Confirm,
            Reply::Finish,
        ],
    );
    assert_eq!(i.stage, Stage::OneTheme);
    assert_eq!(
        prompt(&i).question,
        "If this year had ONE theme, what would it be?"
    );
    let i = run(i, &[answer("Be seen"), Reply::Confirm]);
    assert_eq!(i.input.theme, "Be seen");
    let err = step(&i, &answer("G1 G2 G3 G4")).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = step(&i, &answer("G1 G7")).unwrap_err();
    assert_eq!(err.code, ErrorCode::GoalNotFound);
    let i = step(&i, &answer("4, g1 3")).unwrap();
    assert_eq!(
        prompt(&i).understood.as_deref(),
        Some("Keep G4 — D, G1 — A, G3 — C; let go of G2 — B (the kept goals are numbered G1 to G3 in this order)")
    );
    let i = step(&i, &Reply::Confirm).unwrap();
    let outcomes: Vec<&str> = i.input.goals.iter().map(|g| g.outcome.as_str()).collect();
    assert_eq!(outcomes, ["D", "A", "C"]);
    assert_eq!(i.stage, Stage::Quarter { quarter: 1 });
}

#[test]
fn a_whole_interview_in_an_april_fiscal_year_renders_a_note() {
    let april = FiscalYear::starting(4).unwrap();
    let mut i = run(
        start(INDEX, 2026, april),
        &[
            answer("Go external"),
            Reply::Confirm,
            answer("Be known | 3 talks"),
            Reply::Confirm,
            Reply::Finish,
        ],
    );
    let p = prompt(&i);
    assert_eq!(p.step, "Q1 (Apr–Jun)");
    assert_eq!(p.examples, ["Stabilize the transition | …"]);
    i = run(
        i,
        &[
            answer("Stabilize the transition | team"),
            Reply::Confirm,
            Reply::Skip,
            answer("Go external | talks"),
            Reply::Confirm,
            Reply::Skip,
        ],
    );
    assert_eq!(
        prompt(&i).step,
        "2026-04 April",
        "months start with the fiscal year"
    );
    i = run(
        i,
        &[
            answer("Kick-off"),
            Reply::Confirm,
            answer("Second"),
            Reply::Back,
            Reply::Back,
        ],
    );
    assert!(
        i.input.milestones.is_empty(),
        "back drops the pending answer, then the kept one"
    );
    i = run(i, &[answer("Kick-off"), Reply::Confirm, Reply::Skip]);
    assert_eq!(prompt(&i).step, "2026-05 May");
    let err = step(&i, &answer("Talk | G2")).unwrap_err();
    assert_eq!(err.code, ErrorCode::GoalNotFound);
    for _ in 0..10 {
        i = step(&i, &Reply::Skip).unwrap();
    }
    assert_eq!(prompt(&i).step, "2027-03 March");
    i = run(
        i,
        &[answer("Year review | G1"), Reply::Confirm, Reply::Skip],
    );
    assert!(prompt(&i).done);
    assert_eq!(i.input.theme, "Go external");
    assert_eq!(i.input.vision, "CTO of a mission-driven company");
    assert_eq!(i.input.milestones[0].goal, "G1", "the only goal is implied");
    let text = render(
        &i.input,
        "0_Career_Index",
        LinkFormat::Wikilink,
        april,
        Day::parse("2026-04-02").unwrap(),
    )
    .unwrap();
    assert!(
        text.contains("### 2026-04 April\n\n- [ ] Kick-off #goal/G1\n"),
        "{text}"
    );
    assert!(
        text.contains("### 2027-03 March\n\n- [ ] Year review #goal/G1\n"),
        "{text}"
    );
    assert!(
        text.contains("| Q3 (Oct–Dec) | Go external | talks |"),
        "{text}"
    );
    assert!(text.contains("| Q2 (Jul–Sep) | | |"), "{text}");
}

#[test]
fn replies_from_json_use_kebab_case_kinds() {
    let replies: Vec<Reply> = serde_json::from_str(
        r#"[{"kind":"answer","text":"x"},{"kind":"confirm"},{"kind":"edit"},{"kind":"back"},{"kind":"skip"},{"kind":"finish"}]"#,
    )
    .unwrap();
    assert_eq!(replies[0], answer("x"));
    assert_eq!(replies[5], Reply::Finish);
}

#[test]
fn moving_on_without_a_goal_is_refused() {
    let i = run(start("", 2026, FiscalYear::default()), &[Reply::Skip]);
    assert_eq!(i.input.theme, "", "no index, no theme");
    let err = step(&i, &Reply::Finish).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = step(&i, &Reply::Confirm).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput, "nothing to confirm");
}

#[test]
fn last_years_annual_review_supplies_the_theme_the_index_lacks() {
    use career_core::goals::interview::start_planned;
    use career_core::reviews::planned_theme;
    let review = "---\ntype: annual-review\nperiod: \"2026\"\nnext_theme: Lead in the open\n---\n# Annual Review 2026\n";
    let notes = vec![
        (
            "Career/2026 Annual Review.md".to_string(),
            review.to_string(),
        ),
        (
            "Career/Other.md".to_string(),
            "---\nnext_theme: Not a review\n---\n".to_string(),
        ),
    ];
    assert_eq!(
        planned_theme(2027, &notes).as_deref(),
        Some("Lead in the open")
    );
    assert_eq!(
        planned_theme(2026, &notes),
        None,
        "only the year before counts"
    );

    // The index has no 2027 theme: the review's choice is offered, and said to be the review's.
    let i = start_planned(INDEX, 2027, FiscalYear::default(), Some("Lead in the open"));
    assert_eq!(i.input.theme, "Lead in the open");
    assert!(
        prompt(&i)
            .hint
            .starts_with("Last year's annual review chose"),
        "{}",
        prompt(&i).hint
    );
    // The index's own theme for the year wins over the review's.
    let i = start_planned(INDEX, 2026, FiscalYear::default(), Some("Lead in the open"));
    assert_eq!(i.input.theme, "Year of visibility");
    assert!(prompt(&i).hint.starts_with("Your Career Index says"));
}
