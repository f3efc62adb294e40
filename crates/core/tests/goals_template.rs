//! The goals note as written: the golden note, validation, the context read
//! from the Career Index and the link back to the note.
// Tests: a failed unwrap is a failed test.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

use career_core::edit::{apply, Applied};
use career_core::goals::template::{
    context, link_back, render, GoalDraft, GoalsInput, MilestoneDraft, QuarterDraft,
};
use career_core::templates::career_index;
use career_core::templates::links::LinkFormat;
use career_core::{Day, ErrorCode, FiscalYear, Period};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn goal(outcome: &str, metric: &str) -> GoalDraft {
    GoalDraft {
        outcome: outcome.into(),
        metric: metric.into(),
    }
}

fn milestone(month: &str, text: &str, goal: &str) -> MilestoneDraft {
    MilestoneDraft {
        month: Period::parse(month).unwrap(),
        text: text.into(),
        goal: goal.into(),
    }
}

pub fn sample() -> GoalsInput {
    GoalsInput {
        year: 2026,
        theme: "Year of visibility".into(),
        vision: "CTO of a mission-driven company".into(),
        goals: vec![
            goal("Be known outside the company", "3 talks | 2 articles"),
            goal("Publish the innovation thesis", "Paper out by Q3"),
        ],
        quarters: vec![
            QuarterDraft {
                quarter: 1,
                intention: "Stabilize the transition".into(),
                focus: "Team, budget".into(),
            },
            QuarterDraft {
                quarter: 3,
                intention: "Go external".into(),
                focus: "Conference talks".into(),
            },
        ],
        milestones: vec![
            milestone("2026-03", "Submit two talk proposals", "g1"),
            milestone("2026-01", "Outline the thesis", "G2"),
            milestone("2026-01", "List target conferences", "G1"),
        ],
    }
}

fn read_applied(text: &str, edits: &[career_core::edit::TextEdit]) -> String {
    match apply(text, edits).unwrap() {
        Applied::Changed(t) => t,
        Applied::Unchanged => text.to_string(),
    }
}

#[test]
fn the_note_matches_the_reviewed_golden_note() {
    let got = render(
        &sample(),
        "0_Career_Index",
        LinkFormat::Wikilink,
        FiscalYear::default(),
        day("2026-01-17"),
    )
    .unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/goals-note.md");
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&golden, &got).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with UPDATE_GOLDEN=1 and review it",
            golden.display()
        )
    });
    assert_eq!(
        got, expected,
        "the note differs from tests/golden/goals-note.md"
    );
}

#[test]
fn the_written_note_reads_back_as_written() {
    let text = render(
        &sample(),
        "0_Career_Index",
        LinkFormat::Wikilink,
        FiscalYear::default(),
        day("2026-01-17"),
    )
    .unwrap();
    let note = career_core::goals::read(&text);
    assert_eq!(note.year, Some(2026));
    assert_eq!(note.theme.as_deref(), Some("Year of visibility"));
    assert_eq!(note.goals.len(), 2);
    assert_eq!(note.goals[0].metric, "3 talks \\| 2 articles");
    assert_eq!(note.quarters.len(), 4);
    assert_eq!(note.quarter(3).unwrap().intention, "Go external");
    let months: Vec<String> = note
        .milestones
        .iter()
        .map(|m| m.period.to_string())
        .collect();
    assert_eq!(months, ["2026-01", "2026-01", "2026-03"], "months in order");
    assert_eq!(note.milestones[2].goals, ["G1"], "ids are upper-cased");
}

#[test]
fn markdown_links_when_the_vault_uses_them() {
    let text = render(
        &sample(),
        "0_Career_Index",
        LinkFormat::Markdown,
        FiscalYear::default(),
        day("2026-01-17"),
    )
    .unwrap();
    assert!(
        text.contains(
            "**Vision:** CTO of a mission-driven company — [Vision](0_Career_Index.md#Vision)"
        ),
        "{text}"
    );
    assert!(
        text.contains("[2026 Theme](0_Career_Index.md#2026%20Theme)"),
        "{text}"
    );
    assert!(!text.contains("[["));
}

#[test]
fn an_april_fiscal_year_shifts_quarters_and_milestone_months() {
    let april = FiscalYear::starting(4).unwrap();
    let mut input = sample();
    input.milestones = vec![
        milestone("2027-02", "Thesis published", "G2"),
        milestone("2026-04", "Kick-off", "G1"),
    ];
    let text = render(
        &input,
        "0_Career_Index",
        LinkFormat::Wikilink,
        april,
        day("2026-04-02"),
    )
    .unwrap();
    assert!(
        text.contains("| Q1 (Apr–Jun) | Stabilize the transition | Team, budget |"),
        "{text}"
    );
    assert!(text.contains("| Q4 (Jan–Mar) | | |"), "{text}");
    let april_at = text.find("### 2026-04 April").unwrap();
    let feb_at = text.find("### 2027-02 February").unwrap();
    assert!(
        april_at < feb_at,
        "fiscal order: April 2026 before February 2027"
    );
    input.milestones = vec![milestone("2026-03", "Too early", "G1")];
    let err = render(
        &input,
        "0_Career_Index",
        LinkFormat::Wikilink,
        april,
        day("2026-04-02"),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("2026-04 to 2027-03"),
        "{}",
        err.message
    );
}

#[test]
fn validation_names_what_is_wrong() {
    let fiscal = FiscalYear::default();
    let today = day("2026-01-17");
    let r =
        |input: &GoalsInput| render(input, "0_Career_Index", LinkFormat::Wikilink, fiscal, today);
    let mut none = sample();
    none.goals.clear();
    none.milestones.clear();
    assert_eq!(r(&none).unwrap_err().code, ErrorCode::InvalidInput);
    let mut four = sample();
    four.goals = vec![
        goal("a", "1"),
        goal("b", "2"),
        goal("c", "3"),
        goal("d", "4"),
    ];
    let err = r(&four).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("at most 3"), "{}", err.message);
    let mut unknown = sample();
    unknown.milestones.push(milestone("2026-05", "Ghost", "G3"));
    let err = r(&unknown).unwrap_err();
    assert_eq!(err.code, ErrorCode::GoalNotFound);
    assert!(err.message.contains("G1, G2"), "{}", err.message);
    let mut next_year = sample();
    next_year
        .milestones
        .push(milestone("2027-01", "Late", "G1"));
    assert_eq!(r(&next_year).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn templater_syntax_is_never_written() {
    let mut input = sample();
    input.theme = "<% tp.date.now() %>".into();
    let text = render(
        &input,
        "0_Career_Index",
        LinkFormat::Wikilink,
        FiscalYear::default(),
        day("2026-01-17"),
    )
    .unwrap();
    assert!(!text.contains("<%"), "{text}");
}

const FILLED_INDEX: &str = "# Career\n\n## Vision\n\n**North Star (2031):** CTO of a mission-driven company\n\n### The Picture\n\n- **Life:** calm\n\n---\n\n## 2026 Theme\n\n> **\"Year of visibility\"**\n\n### Success Criteria (Dec 2026)\n\n- [ ] Three talks given\n- [x] Thesis drafted\n- [ ] [Criterion 3]\n\n## Open Tasks\n";

#[test]
fn context_reads_north_star_theme_and_criteria() {
    let c = context(FILLED_INDEX, 2026);
    assert_eq!(c.vision.as_deref(), Some("CTO of a mission-driven company"));
    assert_eq!(c.theme.as_deref(), Some("Year of visibility"));
    assert_eq!(c.success_criteria, ["Three talks given", "Thesis drafted"]);
    assert_eq!(c.theme_section.as_deref(), Some("2026 Theme"));
    let other_year = context(FILLED_INDEX, 2027);
    assert_eq!(other_year.theme, None, "the 2026 theme is not 2027's");
    let json = serde_json::to_value(&c).unwrap();
    assert!(json.get("successCriteria").is_some() && json.get("themeSection").is_some());
}

#[test]
fn context_of_a_fresh_index_is_empty_not_placeholders() {
    let index = career_index::render(day("2026-01-17"), "2026 Goals", LinkFormat::Wikilink);
    let c = context(&index, 2026);
    assert_eq!(c.vision, None);
    assert_eq!(c.theme, None);
    assert!(c.success_criteria.is_empty());
    assert_eq!(c.theme_section.as_deref(), Some("2026 Theme"));
}

#[test]
fn link_back_adds_the_cascade_line_once() {
    let edits = link_back(FILLED_INDEX, 2026, "2026 Goals", LinkFormat::Wikilink).unwrap();
    let linked = read_applied(FILLED_INDEX, &edits);
    assert_eq!(
        linked,
        FILLED_INDEX.replace(
            "> **\"Year of visibility\"**\n",
            "> **\"Year of visibility\"**\n\n**→ [[2026 Goals]]** — Full cascade\n"
        )
    );
    assert!(link_back(&linked, 2026, "2026 Goals", LinkFormat::Wikilink)
        .unwrap()
        .is_empty());
    let template = career_index::render(day("2026-01-17"), "2026 Goals", LinkFormat::Wikilink);
    assert!(
        link_back(&template, 2026, "2026 Goals", LinkFormat::Wikilink)
            .unwrap()
            .is_empty(),
        "the template already links to the goals note"
    );
    let md = "## 2026 Theme\n\nSee [2026 Goals](Career/2026%20Goals.md).\n";
    assert!(link_back(md, 2026, "2026 Goals", LinkFormat::Markdown)
        .unwrap()
        .is_empty());
}

#[test]
fn link_back_inserts_a_theme_section_after_vision_when_there_is_none() {
    let index =
        "# Career\r\n\r\n## Vision\r\n\r\nNorth star here.\r\n\r\n## Open Tasks\r\n\r\n- [ ] x\r\n";
    let edits = link_back(index, 2026, "2026 Goals", LinkFormat::Wikilink).unwrap();
    let out = read_applied(index, &edits);
    assert_eq!(
        out,
        "# Career\r\n\r\n## Vision\r\n\r\nNorth star here.\r\n\r\n## 2026 Theme\r\n\r\n**→ [[2026 Goals]]** — Full cascade\r\n\r\n## Open Tasks\r\n\r\n- [ ] x\r\n"
    );
}

#[test]
fn context_forgives_hand_edited_headings_and_plain_themes() {
    let index = "# Me\r\n\r\n## Vision (5-year)\r\n\r\nNorth star: *Lead a research lab*\r\n\r\n## Theme for 2026\r\n\r\nGo external.\r\n\r\n**→ [[2026 Goals]]** — Full cascade\r\n\r\n## Success criteria\r\n\r\n* Two papers\r\n";
    let c = context(index, 2026);
    assert_eq!(c.vision.as_deref(), Some("Lead a research lab"));
    assert_eq!(c.theme.as_deref(), Some("Go external."));
    assert_eq!(c.theme_section.as_deref(), Some("Theme for 2026"));
    assert_eq!(
        c.success_criteria,
        ["Two papers"],
        "a top-level criteria section is found too"
    );
}
