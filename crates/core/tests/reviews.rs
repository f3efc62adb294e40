//! Reviews: what is due (across year ends, after missed periods), carry-forward
//! over three weeks, golden review notes, lossless writes into the goals note
//! and into hand-written periodic notes, and the calendar file.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use career_core::edit::{apply, Applied};
use career_core::reviews::{
    calendar, due, due_since, next_review, plan_review, reviews_in, status_line, Answers, Decision,
    ExistingReview, NoteText, ReviewInput, ReviewPlan,
};
use career_core::{Day, FiscalYear, Period, PeriodKind, Settings};

const GOALS: &str = include_str!("../../../tests/fixtures/reviews-goals-2026.md");
const INDEX: &str = include_str!("../../../tests/fixtures/reviews-index.md");
const LOG: &str = include_str!("../../../tests/fixtures/reviews-session-log.md");

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn review(path: &str, period: &str) -> ExistingReview {
    ExistingReview {
        path: path.into(),
        period: p(period),
        covers: vec![p(period)],
        skipped: Vec::new(),
        kept: Vec::new(),
    }
}

fn due_on(today: &str, reviews: &[ExistingReview]) -> Vec<(PeriodKind, String, Vec<String>)> {
    due(day(today), FiscalYear::default(), reviews)
        .into_iter()
        .map(|d| {
            (
                d.kind,
                d.period.to_string(),
                d.covers.iter().map(ToString::to_string).collect(),
            )
        })
        .collect()
}

fn weekly_due(today: &str, reviews: &[ExistingReview]) -> Option<(String, Vec<String>)> {
    due_on(today, reviews)
        .into_iter()
        .find(|(k, ..)| *k == PeriodKind::Week)
        .map(|(_, p, c)| (p, c))
}

#[test]
fn a_week_is_due_from_its_friday_across_the_year_end() {
    let reviewed = [review("a.md", "2026-W51")];
    // Thu 2026-12-24 is in W52: not due yet, W51 is done.
    assert_eq!(weekly_due("2026-12-24", &reviewed), None);
    // Fri 2026-12-25: W52 is due.
    assert_eq!(
        weekly_due("2026-12-25", &reviewed),
        Some(("2026-W52".into(), vec!["2026-W52".into()]))
    );
    let reviewed = [review("a.md", "2026-W52")];
    // Fri 2027-01-01 is in 2026-W53, the long year's last week.
    assert_eq!(
        weekly_due("2027-01-01", &reviewed),
        Some(("2026-W53".into(), vec!["2026-W53".into()]))
    );
    let reviewed = [review("a.md", "2026-W53")];
    assert_eq!(weekly_due("2027-01-07", &reviewed), None);
    assert_eq!(
        weekly_due("2027-01-08", &reviewed),
        Some(("2027-W01".into(), vec!["2027-W01".into()]))
    );
}

#[test]
fn months_quarters_and_years_are_due_near_their_end_across_the_year_end() {
    let reviewed = [
        review("m.md", "2026-11"),
        review("q.md", "2026-Q3"),
        review("y.md", "2025"),
    ];
    // The person started in late November.
    let kinds = |today: &str| -> Vec<(PeriodKind, String)> {
        due_since(
            day(today),
            FiscalYear::default(),
            Some(day("2026-11-20")),
            &reviewed,
        )
        .into_iter()
        .filter(|d| d.kind != PeriodKind::Week)
        .map(|d| (d.kind, d.period.to_string()))
        .collect()
    };
    assert_eq!(kinds("2026-12-14"), [], "nothing yet in mid-December");
    assert_eq!(
        kinds("2026-12-15"),
        [(PeriodKind::Year, "2026".into())],
        "the year from Dec 15"
    );
    assert_eq!(
        kinds("2026-12-25"),
        [
            (PeriodKind::Quarter, "2026-Q4".into()),
            (PeriodKind::Year, "2026".into())
        ],
        "Q4 in its last 7 days"
    );
    assert_eq!(
        kinds("2026-12-29"),
        [
            (PeriodKind::Month, "2026-12".into()),
            (PeriodKind::Quarter, "2026-Q4".into()),
            (PeriodKind::Year, "2026".into())
        ],
        "December in its last 3 days"
    );
    let done = [
        review("m.md", "2026-12"),
        review("q.md", "2026-Q4"),
        review("y.md", "2026"),
    ];
    let later: Vec<PeriodKind> = due_on("2027-01-20", &done)
        .into_iter()
        .map(|(k, ..)| k)
        .collect();
    assert_eq!(later, [PeriodKind::Week], "January and Q1 are not due yet");
    let january = due_on("2027-01-29", &done);
    assert!(
        january
            .iter()
            .any(|(k, p, _)| *k == PeriodKind::Month && p == "2027-01"),
        "{january:?}"
    );
    let q1 = due_on("2027-03-25", &done);
    assert!(
        q1.iter()
            .any(|(k, p, _)| *k == PeriodKind::Quarter && p == "2027-Q1"),
        "{q1:?}"
    );
}

#[test]
fn missed_periods_give_one_forgiving_catch_up() {
    // The last monthly review was October; November was missed.
    let reviewed = [review("m.md", "2026-10")];
    let month = due_on("2026-12-30", &reviewed)
        .into_iter()
        .find(|(k, ..)| *k == PeriodKind::Month)
        .unwrap();
    assert_eq!(month.1, "2026-12");
    assert_eq!(month.2, ["2026-11", "2026-12"]);
    let found = due(day("2026-12-30"), FiscalYear::default(), &reviewed);
    let labels: Vec<&str> = found.iter().map(|d| d.label.as_str()).collect();
    assert!(
        labels.contains(&"Monthly review: catch up 2 months"),
        "{labels:?}"
    );
    let month_due = found.iter().find(|d| d.kind == PeriodKind::Month).unwrap();
    assert_eq!(
        month_due.since, "2026-11-28",
        "due since November's last 3 days"
    );
    // Three missed weeks, then one review.
    let weeks = [review("w.md", "2026-W44")];
    assert_eq!(
        weekly_due("2026-11-20", &weeks),
        Some((
            "2026-W47".into(),
            vec!["2026-W45".into(), "2026-W46".into(), "2026-W47".into()]
        ))
    );
    let week_due = due(day("2026-11-20"), FiscalYear::default(), &weeks)
        .into_iter()
        .find(|d| d.kind == PeriodKind::Week)
        .unwrap();
    assert_eq!(week_due.label, "Weekly review: catch up 3 weeks");
}

#[test]
fn with_no_reviews_ever_only_a_fresh_newest_period_is_offered() {
    let offered = |today: &str| -> Vec<(String, usize)> {
        due(day(today), FiscalYear::default(), &[])
            .iter()
            .map(|d| (d.period.to_string(), d.covers.len()))
            .collect()
    };
    // A person starting on Saturday 21 November owes only this week's review:
    // not October's, not Q3's, not 2025's.
    let found = due(day("2026-11-21"), FiscalYear::default(), &[]);
    assert_eq!(offered("2026-11-21"), [("2026-W47".to_string(), 1)]);
    assert_eq!(status_line(&found).as_deref(), Some("Weekly review due"));
    // Monday 23 November: last week's review is still fresh.
    assert_eq!(offered("2026-11-23"), [("2026-W47".to_string(), 1)]);
    // Thursday 26 November: it is not, and this week's is not due yet.
    assert_eq!(offered("2026-11-26"), []);
    // Early December: November's review is offered for a week after it ends.
    assert!(offered("2026-12-02").contains(&("2026-11".to_string(), 1)));
    assert!(!offered("2026-12-09").iter().any(|(p, _)| p == "2026-11"));
    // Early January: the year and its last quarter, not yet December's month.
    let january = offered("2027-01-10");
    assert!(january.contains(&("2026".to_string(), 1)), "{january:?}");
    assert!(january.contains(&("2026-Q4".to_string(), 1)), "{january:?}");
    assert!(!january.iter().any(|(p, _)| p == "2026-12"), "{january:?}");
    assert!(offered("2027-02-05").iter().all(|(p, _)| p != "2026"));
    assert_eq!(status_line(&[]), None);
    let two = due(day("2027-01-01"), FiscalYear::default(), &[]);
    assert!(two.len() > 1, "{two:?}");
    assert_eq!(
        status_line(&two),
        Some(format!("{} reviews due", two.len()))
    );
}

#[test]
fn reviews_are_found_by_frontmatter_not_by_name() {
    let notes = vec![
        (
            "Career/whatever.md".to_string(),
            "---\ntype: weekly-review\nperiod: 2026-W03\ncovers:\n  - 2026-W02\n  - 2026-W03\n---\n# x\n".to_string(),
        ),
        (
            "Periodic/2026-01.md".to_string(),
            "---\ncareer_review: monthly-review\ncareer_period: 2026-01\n---\n".to_string(),
        ),
        (
            "Career/2026-W04 Weekly Review.md".to_string(),
            "# named like a review, but no frontmatter\n".to_string(),
        ),
        (
            "Career/odd.md".to_string(),
            "---\ntype: weekly-review\nperiod: 2026-01\n---\n".to_string(),
        ),
    ];
    let found = reviews_in(&notes);
    let got: Vec<(String, String, usize)> = found
        .iter()
        .map(|r| (r.path.clone(), r.period.to_string(), r.covers.len()))
        .collect();
    assert_eq!(
        got,
        [
            ("Career/whatever.md".to_string(), "2026-W03".to_string(), 2),
            ("Periodic/2026-01.md".to_string(), "2026-01".to_string(), 1),
        ],
        "a week's type with a month's period is not a review"
    );
}

fn input(period: &str, today: &str, goals: &str) -> ReviewInput {
    ReviewInput {
        period: Some(p(period)),
        today: today.into(),
        goals_text: Some(goals.into()),
        index_text: Some(INDEX.into()),
        session_logs: vec![NoteText {
            path: "Career/2026-01-10 Career Coaching Session.md".into(),
            text: LOG.into(),
        }],
        // Reviews were done on time up to week 2 (week 2's open item was kept).
        reviews: vec![
            review("a.md", "2026-W01"),
            ExistingReview {
                kept: vec!["Email Ana about the CFP".into()],
                ..review("b.md", "2026-W02")
            },
        ],
        ..ReviewInput::default()
    }
}

fn new_goals(plan: &ReviewPlan) -> String {
    plan.goals.as_ref().unwrap().new_text.clone()
}

/// Removes the bytes each edit inserted and puts back what it replaced.
fn bytes_outside_edits_unchanged(before: &str, plan: &ReviewPlan) {
    let goals = plan.goals.as_ref().unwrap();
    let Applied::Changed(again) = apply(before, &goals.edits).unwrap() else {
        panic!("the edits change the note")
    };
    assert_eq!(again, goals.new_text, "new_text is the edits applied");
    let mut cursor = 0;
    let mut edits = goals.edits.clone();
    edits.sort_by_key(|e| e.span.start);
    for e in &edits {
        assert!(
            goals.new_text.contains(&before[cursor..e.span.start]),
            "bytes before an edit stay"
        );
        cursor = e.span.end;
        assert!(e.expected.len() <= 1, "only status characters are replaced");
    }
}

#[test]
fn carry_forward_over_three_weeks_counts_flags_and_is_idempotent() {
    // Week 3: "List three thesis claims" is unfinished.
    let w3 = plan_review(&input("2026-W03", "2026-01-16", GOALS)).unwrap();
    bytes_outside_edits_unchanged(GOALS, &w3);
    let after3 = new_goals(&w3);
    assert!(after3.contains("- [>] List three thesis claims #goal/G2\n"));
    assert!(after3.contains(
        "### 2026-W04\n\n- [ ] Book the sponsor coffee #goal/G3\n- [ ] List three thesis claims #goal/G2 [carried:: 1]\n"
    ));
    assert!(
        after3.contains("- [-] Redo the slides"),
        "dropped stays dropped"
    );
    assert_eq!(w3.carried.len(), 1);
    assert!(!w3.carried[0].flagged);

    // The same review planned again carries nothing twice.
    let again = plan_review(&input("2026-W03", "2026-01-16", &after3)).unwrap();
    assert!(again.goals.is_none(), "nothing left to carry");

    // Week 4: both open actions move into a new 2026-W05 heading.
    let w4 = plan_review(&input("2026-W04", "2026-01-23", &after3)).unwrap();
    bytes_outside_edits_unchanged(&after3, &w4);
    let after4 = new_goals(&w4);
    assert!(after4.contains(
        "### 2026-W05\n\n- [ ] Book the sponsor coffee #goal/G3 [carried:: 1]\n- [ ] List three thesis claims #goal/G2 [carried:: 2]\n\n## Weekly Review Questions"
    ), "{after4}");

    // Week 5: the third carry is flagged for keep, re-scope or drop.
    let w5 = plan_review(&input("2026-W05", "2026-01-30", &after4)).unwrap();
    let after5 = new_goals(&w5);
    assert!(after5.contains("- [ ] List three thesis claims #goal/G2 [carried:: 3]"));
    let flagged: Vec<(&str, u32)> = w5
        .carried
        .iter()
        .filter(|c| c.flagged)
        .map(|c| (c.text.as_str(), c.carried))
        .collect();
    assert_eq!(flagged, [("List three thesis claims", 3)]);
    assert!(w5.flags.iter().any(|f| f.code == "carried_often"));
    let note = &w5.create.as_ref().unwrap().text;
    assert!(
        note.contains("Carried 3 times or more: keep, re-scope or drop?"),
        "{note}"
    );
    assert_eq!(
        after5.matches("- [>] List three thesis claims").count(),
        3,
        "the copies in W03, W04 and W05 are marked forwarded"
    );
}

#[test]
fn the_monthly_review_moves_slipping_milestones_into_next_month() {
    let plan = plan_review(&input("2026-01", "2026-01-30", GOALS)).unwrap();
    let after = new_goals(&plan);
    assert!(after.contains(
        "### 2026-02 February\n\n- [ ] Submit the talk abstract #goal/G1\n- [ ] Outline the thesis paper #goal/G2 [carried:: 1]\n- [ ] Coffee with two potential sponsors #goal/G3 [carried:: 1]\n"
    ), "{after}");
    assert!(after.contains("- [>] Outline the thesis paper #goal/G2\n"));
    // February's slipping milestones get a March heading, made for them.
    let february = plan_review(&input("2026-02", "2026-02-27", &after)).unwrap();
    assert!(new_goals(&february).contains(
        "- [>] Coffee with two potential sponsors #goal/G3 [carried:: 1]\n\n### 2026-03 March\n\n- [ ] Submit the talk abstract #goal/G1 [carried:: 1]\n- [ ] Outline the thesis paper #goal/G2 [carried:: 2]\n- [ ] Coffee with two potential sponsors #goal/G3 [carried:: 2]\n\n## Weekly Actions"
    ), "{}", new_goals(&february));
    // December's milestones would go into next year's note: left open, said so.
    let december = GOALS.replace("### 2026-02 February", "### 2026-12 December");
    let plan = plan_review(&input("2026-12", "2026-12-30", &december)).unwrap();
    assert!(plan.flags.iter().any(|f| f.code == "not_carried_next_year"));
    assert!(plan.goals.is_none());
}

fn golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&path, got).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with UPDATE_GOLDEN=1 and review it",
            path.display()
        )
    });
    assert_eq!(got, expected, "the note differs from {}", path.display());
}

#[test]
fn golden_weekly_review_with_a_catch_up() {
    let mut i = input("2026-W03", "2026-01-16", GOALS);
    i.covers = vec![p("2026-W02")];
    i.reviews = vec![review("a.md", "2026-W01")];
    let plan = plan_review(&i).unwrap();
    let note = plan.create.as_ref().unwrap();
    assert_eq!(note.path, "Career/2026-W03 Weekly Review.md");
    assert_eq!(
        plan.summary,
        "Weekly review 2026-W03 (catching up 2): Career/2026-W03 Weekly Review.md; 2 carried into 2026-W04"
    );
    assert!(
        !note.text.contains("- [ ]"),
        "actions are listed, not duplicated as checkboxes"
    );
    golden("weekly-review.md", &note.text);
}

#[test]
fn golden_monthly_review() {
    let mut i = input("2026-01", "2026-01-30", GOALS);
    i.reviews = vec![
        review("Career/2026-W02 Weekly Review.md", "2026-W02"),
        review("Career/2026-W03 Weekly Review.md", "2026-W03"),
        review("Career/2026-W07 Weekly Review.md", "2026-W07"),
    ];
    let plan = plan_review(&i).unwrap();
    golden("monthly-review.md", &plan.create.as_ref().unwrap().text);
}

#[test]
fn golden_quarterly_review_writes_next_quarter_into_the_goals_note() {
    let mut i = input("2026-Q1", "2026-03-27", GOALS);
    i.answers = Answers {
        next_intention: Some("Build the thesis in public".into()),
        next_focus: Some("Paper draft | two blog posts".into()),
        next_theme: None,
        ..Answers::default()
    };
    let plan = plan_review(&i).unwrap();
    let goals = plan.goals.as_ref().unwrap();
    assert_eq!(goals.path, "Career/2026 Goals.md");
    assert!(
        goals.new_text.contains(
            "| Q2 | *\"Build the thesis in public\"* | Paper draft \\| two blog posts |\n"
        ),
        "{}",
        goals.new_text
    );
    let changed: Vec<&str> = goals.edits.iter().map(|e| e.expected.as_str()).collect();
    assert_eq!(
        changed,
        ["*\"Build the thesis\"*", "Paper outline"],
        "only the two cells change"
    );
    golden("quarterly-review.md", &plan.create.as_ref().unwrap().text);
}

#[test]
fn a_q4_review_keeps_next_quarter_when_next_years_note_is_missing() {
    let mut i = input("2026-Q4", "2026-12-28", GOALS);
    i.answers.next_intention = Some("Start strong".into());
    let plan = plan_review(&i).unwrap();
    assert!(plan.next_goals.is_none());
    assert!(plan
        .flags
        .iter()
        .any(|f| f.code == "intention_kept_in_review"));
    let text = &plan.create.as_ref().unwrap().text;
    assert!(text.contains("- **Intention:** Start strong"), "{text}");
    assert!(
        text.contains("Career/2027 Goals.md does not exist yet"),
        "{text}"
    );
    // With next year's note, it is written there.
    i.next_goals_text = Some(GOALS.replace("year: 2026", "year: 2027"));
    let plan = plan_review(&i).unwrap();
    let next = plan.next_goals.unwrap();
    assert_eq!(next.path, "Career/2027 Goals.md");
    assert!(next.new_text.contains("| Q1 | *\"Start strong\"* |"));
}

#[test]
fn golden_annual_review() {
    let mut i = input("2026", "2026-12-20", GOALS);
    i.answers.next_theme = Some("Lead in the open".into());
    let plan = plan_review(&i).unwrap();
    let text = &plan.create.as_ref().unwrap().text;
    assert!(text.contains("next_theme: Lead in the open\n"));
    golden("annual-review.md", text);
}

fn periodic_input(note: &str) -> ReviewInput {
    let mut i = input("2026-W03", "2026-01-16", GOALS);
    i.settings = Settings {
        reviews_in_periodic_notes: true,
        ..Settings::default()
    };
    i.periodic = Some(NoteText {
        path: "Journal/2026-W03.md".into(),
        text: note.into(),
    });
    i
}

#[test]
fn the_review_goes_losslessly_into_a_hand_written_periodic_note() {
    for (note, frontmatter_at_start) in [
        (
            "---\naliases: [week 3]\n---\n# Week 3\n\nFelt busy.   \n- [ ] my own task\n",
            "---\naliases: [week 3]\ncareer_review: weekly-review\ncareer_period: 2026-W03\n---\n",
        ),
        (
            "# Week 3\r\n\r\nNo frontmatter, CRLF, no final newline",
            "---\r\ncareer_review: weekly-review\r\ncareer_period: 2026-W03\r\n---\r\n",
        ),
    ] {
        let plan = plan_review(&periodic_input(note)).unwrap();
        assert!(plan.create.is_none());
        let edits = plan.periodic.as_ref().unwrap();
        let out = &edits.new_text;
        assert!(out.starts_with(frontmatter_at_start), "{out:?}");
        let body = out.strip_prefix(frontmatter_at_start).unwrap();
        let original_body = note
            .strip_prefix("---\naliases: [week 3]\n---\n")
            .unwrap_or(note);
        assert!(
            body.starts_with(original_body),
            "every byte of the note stays: {body:?}"
        );
        assert!(body.contains("## Career review"));
        assert!(body.contains("### This week's actions"));
        if note.contains("\r\n") {
            assert!(
                !out.replace("\r\n", "").contains('\n'),
                "CRLF throughout: {out:?}"
            );
        }
        let found = reviews_in(&[("Journal/2026-W03.md".into(), out.clone())]);
        assert_eq!(found.len(), 1, "the periodic note now counts as the review");
        let twice = plan_review(&periodic_input(out)).unwrap_err();
        assert_eq!(twice.code, career_core::ErrorCode::NoteExists);
    }
    let mut missing = periodic_input("");
    missing.periodic = None;
    let plan = plan_review(&missing).unwrap();
    assert!(plan.create.is_some());
    assert!(plan.flags.iter().any(|f| f.code == "periodic_note_missing"));
}

#[test]
fn next_review_offers_the_catch_up_or_the_newest_due_period() {
    let fiscal = FiscalYear::default();
    let reviewed = [review("x.md", "2026-W01")];
    let start = Some(career_core::reviews::due::due_from(p("2026-W01"), fiscal));
    let (period, covers, _) = next_review(
        PeriodKind::Week,
        day("2026-01-16"),
        fiscal,
        start,
        &reviewed,
    );
    assert_eq!(period, p("2026-W02").next(fiscal));
    assert_eq!(covers, [p("2026-W02"), p("2026-W03")]);
    let (period, covers, _) = next_review(PeriodKind::Week, day("2026-01-14"), fiscal, None, &[]);
    assert_eq!((period, covers), (p("2026-W02"), vec![p("2026-W02")]));
}

#[test]
fn the_calendar_is_strict_rfc_5545() {
    let ics = calendar(day("2026-11-21"), FiscalYear::starting(4).unwrap());
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains(['\n', '\r']), "CRLF only");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is longer than 75 octets");
    }
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert!(lines.contains(&"VERSION:2.0"));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 4);
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VALARM").count(), 4);
    for rule in [
        "RRULE:FREQ=WEEKLY;BYDAY=FR",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=-3",
        "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-7",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-17",
    ] {
        assert!(lines.contains(&rule), "{rule} in {unfolded}");
    }
    // Fiscal year from April: the quarter containing Nov 21 ends Dec 31 (due
    // from Dec 25), the year Mar 31 (due from Mar 15).
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261225"));
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20270315"));
    assert!(
        lines.contains(&"DTSTART;VALUE=DATE:20261120"),
        "this week's Friday"
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| **l == "DTSTAMP:20261121T000000Z")
            .count(),
        4
    );
    assert!(unfolded.contains("career review weekly"));
    let again = calendar(day("2026-11-28"), FiscalYear::starting(4).unwrap());
    let uids = |text: &str| -> Vec<String> {
        text.split("\r\n")
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&ics), uids(&again), "UIDs are stable");
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    /// Goals-note-shaped lines, mixed at random: headings in and out of
    /// place, checkboxes with odd statuses and counts, tables, fences, CRLF.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("## Weekly Actions".to_string()),
            Just("## Monthly Milestones".to_string()),
            Just("## Quarterly Intentions".to_string()),
            Just("### 2026-W03".to_string()),
            Just("### 2026-W04".to_string()),
            Just("### 2026-01 January".to_string()),
            Just("### 2026-02".to_string()),
            Just("- [ ] act #goal/G1 [carried:: 2]".to_string()),
            Just("- [ ] act [carried:: x]".to_string()),
            Just("  - [ ] nested #G2".to_string()),
            Just("- [>] moved".to_string()),
            Just("* [x] done".to_string()),
            Just("| Quarter | Intention | Focus |".to_string()),
            Just("|---|---|".to_string()),
            Just("| Q2 | | |".to_string()),
            Just("```".to_string()),
            Just("---".to_string()),
            Just(String::new()),
            "[ -~é🎯]{0,12}",
        ]
    }

    fn note() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(line(), 0..24),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(lines, crlf, final_newline)| {
                let ending = if crlf { "\r\n" } else { "\n" };
                let mut text = lines.join(ending);
                if final_newline {
                    text.push_str(ending);
                }
                text
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn no_goals_note_makes_a_review_panic_or_edit_outside_its_spans(
            goals in note(),
            periodic in note(),
            which in 0usize..4,
        ) {
            let (period, today) = [
                ("2026-W03", "2026-01-16"),
                ("2026-01", "2026-01-30"),
                ("2026-Q1", "2026-03-27"),
                ("2026", "2026-12-20"),
            ][which];
            let mut i = input(period, today, &goals);
            i.answers = Answers {
                next_intention: Some("In | public".into()),
                next_focus: Some("x".into()),
                next_theme: Some("t: \"q\"".into()),
                ..Answers::default()
            };
            i.index_text = Some(periodic.clone());
            if let Ok(plan) = plan_review(&i) {
                if let Some(g) = &plan.goals {
                    prop_assert_eq!(apply(&goals, &g.edits).unwrap(), Applied::Changed(g.new_text.clone()));
                    let again = input(period, today, &g.new_text);
                    if which < 2 {
                        let second = plan_review(&again).unwrap();
                        prop_assert!(second.goals.is_none(), "carrying twice");
                    }
                }
            }
            let mut p = periodic_input(&periodic);
            p.goals_text = Some(goals.clone());
            if let Ok(plan) = plan_review(&p) {
                if let Some(edits) = &plan.periodic {
                    prop_assert!(edits.edits.iter().all(|e| e.expected.is_empty() || e.span.end <= periodic.len()));
                    prop_assert_eq!(apply(&periodic, &edits.edits).unwrap(), Applied::Changed(edits.new_text.clone()));
                }
            }
        }
    }
}

#[test]
fn due_and_the_calendar_hold_at_the_edges_of_the_calendar() {
    // Days and periods outside the years 1000–9999 are refused when parsed;
    // these are the edges that remain.
    for today in ["1000-01-01", "1000-01-07", "2028-02-29", "9999-12-31"] {
        for start in 1..=12 {
            let fiscal = FiscalYear::starting(start).unwrap();
            let reviews = [review("x.md", "1000-W02"), review("y.md", "9999-12")];
            let found = due(day(today), fiscal, &reviews);
            assert!(found.len() <= 4);
            for d in &found {
                assert!(d.covers.len() <= 600, "a catch-up is bounded");
                assert_eq!(d.covers.last(), Some(&d.period));
                assert!(
                    d.period.in_range(fiscal).is_ok(),
                    "only a period a review can name is due: {}",
                    d.period
                );
            }
            let ics = calendar(day(today), fiscal);
            assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        }
    }
}

#[test]
fn the_input_and_plan_are_camel_case_json_for_the_wasm_glue() {
    let input: ReviewInput = serde_json::from_value(serde_json::json!({
        "period": "2026-W03",
        "covers": ["2026-W02"],
        "today": "2026-01-16",
        "settings": { "careerFolder": "Areas/Career", "reviewsInPeriodicNotes": false },
        "links": "markdown",
        "goalsText": GOALS,
        "indexText": INDEX,
        "sessionLogs": [{ "path": "Areas/Career/log.md", "text": LOG }],
        "reviews": [{ "path": "Areas/Career/w1.md", "period": "2026-W01" }],
        "answers": { "nextIntention": null },
        "periodicFormats": { "weekly": "gggg-[W]ww" }
    }))
    .unwrap();
    let plan = serde_json::to_value(plan_review(&input).unwrap()).unwrap();
    assert_eq!(
        plan["create"]["path"],
        "Areas/Career/2026-W03 Weekly Review.md"
    );
    assert_eq!(plan["goals"]["path"], "Areas/Career/2026 Goals.md");
    assert!(plan["goals"]["newText"]
        .as_str()
        .unwrap()
        .contains("[carried:: 1]"));
    let edit = &plan["goals"]["edits"][0];
    assert_eq!(edit["expected"], " ", "each edit says what it replaces");
    assert!(edit["span"]["start"].is_number());
    assert_eq!(plan["covers"], serde_json::json!(["2026-W02", "2026-W03"]));
    assert_eq!(plan["carried"][0]["to"], "2026-W04");
    let text = plan["create"]["text"].as_str().unwrap();
    assert!(
        text.contains("[2026 Goals › 2026-W03](2026%20Goals.md#2026-W03)"),
        "markdown links when the vault uses them: {text}"
    );
    let bad = serde_json::from_value::<ReviewInput>(serde_json::json!({ "period": "2026-W54" }));
    assert!(bad.is_err(), "a week that does not exist is refused");
}

#[test]
fn the_person_keeps_or_drops_an_unfinished_item_instead_of_carrying_it() {
    // Week 4 has two open actions: keep one where it is, drop the other.
    let w3 = plan_review(&input("2026-W03", "2026-01-16", GOALS)).unwrap();
    let after3 = new_goals(&w3);
    let mut i = input("2026-W04", "2026-01-23", &after3);
    i.answers = Answers {
        keep: vec!["Book the sponsor coffee".into()],
        drop: vec!["List three thesis claims".into()],
        ..Answers::default()
    };
    let w4 = plan_review(&i).unwrap();
    bytes_outside_edits_unchanged(&after3, &w4);
    let after4 = new_goals(&w4);
    assert!(
        after4.contains("- [ ] Book the sponsor coffee #goal/G3\n"),
        "kept open where it was"
    );
    assert!(
        after4.contains("- [-] List three thesis claims #goal/G2 [carried:: 1]"),
        "dropped"
    );
    assert!(
        !after4.contains("2026-W05"),
        "nothing was carried, so no new week"
    );
    let decisions: Vec<(&str, Decision)> = w4
        .carried
        .iter()
        .map(|c| (c.text.as_str(), c.decision))
        .collect();
    assert_eq!(
        decisions,
        [
            ("Book the sponsor coffee", Decision::Keep),
            ("List three thesis claims", Decision::Drop)
        ]
    );
    let note = &w4.create.as_ref().unwrap().text;
    assert!(
        note.contains("- Book the sponsor coffee (G3) — kept open in 2026-W04"),
        "{note}"
    );
    assert!(
        note.contains("- List three thesis claims (G2) — dropped"),
        "{note}"
    );
    assert!(!w4.flags.iter().any(|f| f.code == "not_carried_next_year"));
}

#[test]
fn a_catch_up_in_a_periodic_note_records_what_it_covers_so_those_weeks_are_no_longer_due() {
    // Weeks 3 and 4 were missed; the catch-up goes into week 4's periodic note.
    let mut i = periodic_input("---\naliases: [week 4]\n---\n# Week 4\n");
    i.period = Some(p("2026-W04"));
    i.covers = vec![p("2026-W03")];
    i.today = "2026-01-23".into();
    i.periodic = Some(NoteText {
        path: "Journal/2026-W04.md".into(),
        text: "---\naliases: [week 4]\n---\n# Week 4\n".into(),
    });
    let plan = plan_review(&i).unwrap();
    let out = &plan.periodic.as_ref().unwrap().new_text;
    assert!(
        out.starts_with("---\naliases: [week 4]\ncareer_review: weekly-review\ncareer_period: 2026-W04\ncareer_covers:\n  - 2026-W03\n  - 2026-W04\n---\n# Week 4\n"),
        "{out}"
    );
    let found = reviews_in(&[("Journal/2026-W04.md".into(), out.clone())]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].covers, vec![p("2026-W03"), p("2026-W04")]);
    // Without frontmatter the properties come in one new block.
    i.periodic = Some(NoteText {
        path: "Journal/2026-W04.md".into(),
        text: "# Week 4\n".into(),
    });
    let plan = plan_review(&i).unwrap();
    let out = &plan.periodic.as_ref().unwrap().new_text;
    let found = reviews_in(&[("Journal/2026-W04.md".into(), out.clone())]);
    assert_eq!(found[0].covers, vec![p("2026-W03"), p("2026-W04")], "{out}");
}
