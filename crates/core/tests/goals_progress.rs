//! Progress math on a small goals note, with the expectations computed by hand.
// Tests: a failed unwrap is a failed test.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use career_core::goals::progress::{progress, render_markdown, render_text, Progress};
use career_core::goals::read;
use career_core::{Day, FiscalYear};

const NOTE: &str = "---\ntype: goals\nyear: 2026\ntheme: \"Visibility\"\n---\n# 2026 Goals\n\n## Annual Goals\n\n| Goal | Outcome | Success Metric | Status |\n|---|---|---|---|\n| G1 | Visible | 3 talks | In progress |\n| G2 | Thesis | Paper | Complete |\n| G3 | Team | Hire 2 | Not started |\n\n## Quarterly Intentions\n\n| Quarter | Intention | Focus |\n|---|---|---|\n| Q1 (Jan–Mar) | Stabilize the transition | Team |\n\n## Monthly Milestones\n\n### 2026-01 January\n\n- [x] a #goal/G1\n- [ ] b #goal/G2\n\n### 2026-03 March\n\n- [ ] c #goal/G1\n- [-] d #goal/G1\n\n### 2026-04 April\n\n- [x] e #goal/G3\n\n## Weekly Actions\n\n### 2026-W05\n\n- [x] f #goal/G1\n- [>] g #goal/G1\n\n### 2026-W14\n\n- [ ] g #goal/G1 [carried:: 1]\n\n### 2026-W53\n\n- [x] h\n";

fn run(today: &str, fiscal: FiscalYear) -> Progress {
    progress(&read(NOTE), fiscal, Day::parse(today).unwrap())
}

fn tally(t: &career_core::goals::progress::Tally) -> (usize, usize, u32) {
    (t.done, t.total, t.percent)
}

#[test]
fn goals_quarters_and_months_count_done_and_open_items_only() {
    let p = run("2026-03-31", FiscalYear::default());
    // Counted: a✓ b c f✓ g(W14) e✓ h✓ — d is dropped, the first g forwarded;
    // b serves G2, which is Complete, so it counts as done.
    assert_eq!(tally(&p.overall), (5, 7, 71));
    let goals: Vec<_> = p
        .goals
        .iter()
        .map(|g| (g.id.as_str(), tally(&g.tally)))
        .collect();
    assert_eq!(
        goals,
        [
            ("G1", (2, 4, 50)),  // a✓ c f✓ g
            ("G2", (1, 1, 100)), // b open, but the goal is Complete: done
            ("G3", (1, 1, 100)), // e✓
        ]
    );
    let quarters: Vec<_> = p.quarters.iter().map(|q| tally(&q.tally)).collect();
    // W14's Thursday is 2 April: Q2 and April, though it starts in March.
    assert_eq!(quarters, [(3, 4, 75), (1, 2, 50), (0, 0, 0), (1, 1, 100)]);
    assert_eq!(p.quarters[0].intention, "Stabilize the transition");
    assert_eq!(p.quarters[1].intention, "", "no row for Q2");
    let months: Vec<_> = p
        .months
        .iter()
        .filter(|m| m.tally.total > 0)
        .map(|m| (m.period.to_string(), tally(&m.tally)))
        .collect();
    assert_eq!(
        months,
        [
            ("2026-01".to_string(), (3, 3, 100)), // a✓ b(G2 Complete) f✓
            ("2026-03".to_string(), (0, 1, 0)),   // c
            ("2026-04".to_string(), (1, 2, 50)),  // e✓ g
            ("2026-12".to_string(), (1, 1, 100)), // h✓ (W53)
        ]
    );
    assert_eq!(p.current_quarter.unwrap().to_string(), "2026-Q1");
    assert_eq!(p.current_month.unwrap().to_string(), "2026-03");
    assert_eq!(p.current_week.unwrap().to_string(), "2026-W14");
    assert!(p.quarters[0].current && !p.quarters[1].current);
}

#[test]
fn new_years_day_is_still_in_week_53_of_the_old_year() {
    let p = run("2027-01-01", FiscalYear::default());
    assert_eq!(p.current_week.unwrap().to_string(), "2026-W53");
    assert_eq!(
        p.current_month, None,
        "January 2027 is not in the 2026 plan"
    );
    assert_eq!(p.current_quarter, None);
}

#[test]
fn an_april_fiscal_year_counts_april_to_march() {
    let p = run("2026-11-21", FiscalYear::starting(4).unwrap());
    // In FY2026 (Apr 2026–Mar 2027): e✓ g (April) and h✓ (December).
    assert_eq!(tally(&p.overall), (2, 3, 67));
    assert_eq!(p.quarters[0].label, "Q1 (Apr–Jun)");
    assert_eq!(tally(&p.quarters[0].tally), (1, 2, 50));
    assert_eq!(tally(&p.quarters[2].tally), (1, 1, 100), "December is Q3");
    assert_eq!(p.months[0].period.to_string(), "2026-04");
    assert_eq!(p.months[11].period.to_string(), "2027-03");
    assert_eq!(p.current_quarter.unwrap().to_string(), "2026-Q3");
}

#[test]
fn text_and_markdown_show_the_numbers() {
    let p = run("2026-03-31", FiscalYear::default());
    let text = render_text(&p);
    assert!(text.starts_with("2026 Goals — \"Visibility\"\nOverall  ███████░░░  71%  5/7\nNow: 2026-Q1 · 2026-03 · 2026-W14\n"), "{text}");
    assert!(
        text.contains("  G1  █████░░░░░  50%  2/4  In progress  Visible"),
        "{text}"
    );
    assert!(
        text.contains("2026-03 March      ░░░░░░░░░░   0%  0/1  ← now"),
        "{text}"
    );
    let md = render_markdown(&p);
    assert!(
        md.contains("| G2 | Thesis | Complete | 1/1 | 100% |"),
        "{md}"
    );
    assert!(
        md.contains("| **Q1 (Jan–Mar)** (now) | Stabilize the transition | 3/4 | 75% |"),
        "{md}"
    );
    assert!(
        md.contains("| **2026-03 March** (now) | 0/1 | 0% |"),
        "{md}"
    );
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["goals"][0]["percent"], 50);
    assert_eq!(json["currentWeek"], "2026-W14");
}
