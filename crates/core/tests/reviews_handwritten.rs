//! Reviews and the goal cascade read a hand-written Career Index (issue 16,
//! item 1): renamed sections, bullet lists instead of tables and checklists,
//! and a vision without the template's `North Star:` label.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use career_core::goals::template::context;
use career_core::reviews::{plan_review, ReviewInput};
use career_core::Period;

/// An index as someone writes it by hand: no template labels, lists only.
const HANDWRITTEN: &str = "# My career

## Career Vision

Lead engineering at a climate company by 2031.

## 2026 Theme: Build in public

### Definition of success
- Give two conference talks
- Publish the platform thesis

## Achievements

### 2026
- Shipped the claims platform — $2M saved
- Mentored two engineers to senior

### 2025
- Migrated the data centre

## To do

- Email Ana about the keynote
- [ ] Draft the thesis outline
- [x] Book the mentoring slot
";

const GOALS: &str = "---
type: career-goals
year: 2026
created: 2026-01-01
---
# 2026 Goals

## Annual Goals

| # | Goal | Metric | Status |
|---|---|---|---|
| G1 | Speak twice | talks given | Active |
";

fn review(period: &str, today: &str) -> String {
    let input = ReviewInput {
        period: Some(Period::parse(period).unwrap()),
        today: today.into(),
        goals_text: Some(GOALS.into()),
        index_text: Some(HANDWRITTEN.into()),
        ..ReviewInput::default()
    };
    plan_review(&input).unwrap().create.unwrap().text
}

#[test]
fn the_cascade_reads_a_vision_and_criteria_under_other_names() {
    let c = context(HANDWRITTEN, 2026);
    assert_eq!(
        c.vision.as_deref(),
        Some("Lead engineering at a climate company by 2031.")
    );
    assert_eq!(c.theme.as_deref(), Some("Build in public"));
    assert_eq!(
        c.success_criteria,
        vec!["Give two conference talks", "Publish the platform thesis"]
    );
}

#[test]
fn the_weekly_review_lists_open_tasks_written_as_plain_bullets() {
    let text = review("2026-W10", "2026-03-06");
    let tasks = text
        .split("## Open tasks")
        .nth(1)
        .expect("an Open tasks section");
    assert!(tasks.contains("- Email Ana about the keynote\n"), "{tasks}");
    assert!(tasks.contains("- Draft the thesis outline\n"), "{tasks}");
    assert!(
        !tasks.contains("Book the mentoring slot"),
        "a ticked task is not open: {tasks}"
    );
}

#[test]
fn the_annual_review_takes_the_years_wins_from_a_renamed_bullet_list() {
    let text = review("2026", "2026-12-20");
    let wins = text
        .split("## Wins")
        .nth(1)
        .and_then(|w| w.split("\n## ").next())
        .expect("a Wins section");
    assert!(
        wins.contains("Shipped the claims platform — $2M saved"),
        "{wins}"
    );
    assert!(wins.contains("Mentored two engineers to senior"), "{wins}");
    assert!(
        !wins.contains("Migrated the data centre"),
        "last year's win stays out: {wins}"
    );
}
