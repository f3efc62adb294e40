//! Issue 15: a Complete goal counts as complete, and the overall figure is
//! the one stated formula (done ÷ counted items), agreeing with the per-goal
//! figures in the terminal text, the JSON and the progress chart (the
//! `career-progress` block, `career chart progress`).

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use career_core::charts::{chart, parse_block, ChartInput};
use career_core::goals::model::read;
use career_core::goals::progress::{progress, render_markdown, render_text};
use career_core::{Day, FiscalYear, Settings};

const NOTE: &str = "---\ntype: goals\nyear: 2026\n---\n# 2026 Goals\n\n## Annual Goals\n\n| Goal | Outcome | Success Metric | Status |\n|---|---|---|---|\n| G1 | Build a sponsor network | 3 sponsors | Complete |\n| G2 | Publish the thesis | Paper out | In progress |\n\n## Monthly Milestones\n\n### 2026-03 March\n\n- [ ] Meet a third sponsor #goal/G1\n- [x] Outline the paper #goal/G2\n- [ ] Draft the paper #goal/G2\n";

#[test]
fn a_complete_goal_counts_as_complete_and_the_overall_figure_agrees() {
    let p = progress(
        &read(NOTE),
        FiscalYear::default(),
        Day::parse("2026-03-20").unwrap(),
    );
    let g1 = &p.goals[0];
    assert_eq!(
        (g1.tally.done, g1.tally.total, g1.tally.percent),
        (1, 1, 100),
        "not 100% 0/1"
    );
    let g2 = &p.goals[1];
    assert_eq!(
        (g2.tally.done, g2.tally.total, g2.tally.percent),
        (1, 2, 50)
    );
    assert_eq!(
        (p.overall.done, p.overall.total, p.overall.percent),
        (2, 3, 67),
        "the overall figure sums the goals' items"
    );
    let text = render_text(&p);
    assert!(text.contains(" 67%  2/3"), "{text}");
    assert!(text.contains("100%  1/1  Complete"), "{text}");
    let block = render_markdown(&p);
    assert!(block.contains("**Overall:** 2/3 done (67%)"), "{block}");
    assert!(
        block.contains("| G1 | Build a sponsor network | Complete | 1/1 | 100% |"),
        "{block}"
    );
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["overall"]["percent"], 67);
    assert_eq!(json["goals"][0]["done"], 1);
    assert_eq!(json["goals"][0]["percent"], 100);
    // The `career-progress` block in this note draws the same figures.
    let notes = vec![("Career/2026 Goals.md".to_string(), NOTE.to_string())];
    let scene = chart(&ChartInput {
        options: &parse_block("kind: progress").unwrap(),
        today: Day::parse("2026-03-20").unwrap(),
        settings: &Settings::default(),
        notes: &notes,
        source: Some("Career/2026 Goals.md"),
    })
    .unwrap();
    assert_eq!(scene.desc, "2 goals of 2026: 2 of 3 items done (67%).");
    assert_eq!(
        scene.alt.first().map(String::as_str),
        Some("G1 Build a sponsor network — Complete: 1 of 1 done (100%)")
    );
}

#[test]
fn a_complete_goal_with_no_items_is_at_100_percent() {
    let note = NOTE.replace("- [ ] Meet a third sponsor #goal/G1\n", "");
    let p = progress(
        &read(&note),
        FiscalYear::default(),
        Day::parse("2026-03-20").unwrap(),
    );
    assert_eq!((p.goals[0].tally.total, p.goals[0].tally.percent), (0, 100));
    assert_eq!((p.overall.done, p.overall.total), (1, 2));
}
