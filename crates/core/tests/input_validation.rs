//! Input validation: what a person types can never reset a goal by accident,
//! inject a heading, list item or table row into a note, or produce a year
//! that has no four-digit label. Each case is refused with a stable code, or
//! the text is flattened to one line.

// Tests: a failed unwrap is a failed test.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use career_core::coach::session::Decision;
use career_core::edit::lines::one_line;
use career_core::edit::{apply, Applied, TextEdit};
use career_core::goals::edits::{add_action, set_status};
use career_core::goals::{render, GoalDraft, GoalsInput, MilestoneDraft, QuarterDraft};
use career_core::log::render::{render as render_log, LogInput};
use career_core::log::threads::open_threads;
use career_core::note::outline::sections;
use career_core::note::tables::tables_in;
use career_core::reviews::intentions::set_intention;
use career_core::reviews::{plan_review, ReviewInput};
use career_core::templates::links::LinkFormat;
use career_core::{Day, ErrorCode, FiscalYear, Period};

const GOALS: &str = "---\ntype: goals\nyear: 2026\n---\n# 2026 Goals\n\n## Annual Goals\n\n| Goal | Outcome | Success Metric | Status |\n|------|---------|----------------|--------|\n| G1 | Visible | 3 talks | Complete |\n| G2 | Thesis | Paper | In progress |\n\n## Quarterly Intentions\n\n| Quarter | Intention | Focus |\n|---------|-----------|-------|\n| Q1 (Jan–Mar) | Start | Talks |\n\n## Weekly Actions\n\n## Weekly Review Questions\n\n1. What's the ONE thing?\n";

const HOSTILE: &str = "Line one\n## Injected heading\n- [ ] injected task\n| a | b |\n\n# Top";

fn applied(text: &str, edits: &[TextEdit]) -> String {
    match apply(text, edits).unwrap() {
        Applied::Changed(t) => t,
        Applied::Unchanged => text.to_string(),
    }
}

fn headings(text: &str) -> Vec<String> {
    sections(text).into_iter().map(|s| s.title).collect()
}

/// Lines that open a block inside a list item (`1. # Title`, `- > quote`):
/// a heading or quote the person never asked for.
fn blocks_in_list_items(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let rest = if digits > 0 {
                line.get(digits..).and_then(|r| r.strip_prefix(". "))
            } else {
                line.strip_prefix("- ")
            };
            rest.is_some_and(|r| {
                let hashes = r.bytes().take_while(|&b| b == b'#').count();
                (1..=6).contains(&hashes) && r.as_bytes().get(hashes).is_none_or(|&b| b == b' ')
                    || r.starts_with("> ")
                    || r.starts_with("- ")
            })
        })
        .collect()
}

// ---- goal status ----------------------------------------------------------

#[test]
fn an_empty_or_blank_status_is_refused_and_lists_the_statuses() {
    for status in ["", "   ", "**", "\n"] {
        let err = set_status(GOALS, "G1", status).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::InvalidInput,
            "{status:?} should be refused"
        );
        for choice in ["Not started", "In progress", "At risk", "Complete"] {
            assert!(
                err.message.contains(choice),
                "the message should list {choice}: {}",
                err.message
            );
        }
    }
}

#[test]
fn an_unknown_status_is_refused() {
    let err = set_status(GOALS, "G1", "finished-ish").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err
        .message
        .contains("Not started, In progress, At risk, Complete"));
}

#[test]
fn known_statuses_are_read_case_insensitively() {
    let out = applied(GOALS, &set_status(GOALS, "G2", "at RISK").unwrap());
    assert!(out.contains("| G2 | Thesis | Paper | At risk |"), "{out}");
    let out = applied(GOALS, &set_status(GOALS, "G1", "not started").unwrap());
    assert!(
        out.contains("| G1 | Visible | 3 talks | Not started |"),
        "{out}"
    );
}

// ---- one line ---------------------------------------------------------------

#[test]
fn one_line_flattens_every_kind_of_line_break_and_run_of_spaces() {
    assert_eq!(
        one_line("  a\n## b\r\n\tc\rd\u{2028}e\u{85}f  "),
        "a ## b c d e f"
    );
    assert_eq!(one_line("\n\n"), "");
}

fn log_with(focus: &str, threads: Vec<String>, did: Vec<String>, decision: Decision) -> String {
    render_log(&LogInput {
        date: "2026-01-17".into(),
        focus: focus.into(),
        threads,
        did,
        decisions: vec![decision],
        worked: vec![HOSTILE.into()],
        improve: vec!["# Heading\nsecond".into()],
        outputs: vec![(HOSTILE.into(), "Career/0_Career_Index".into())],
        name: "2026-01-17 Career Coaching Session".into(),
        methodology: "Career Coach Methodology".into(),
        ..LogInput::default()
    })
}

fn plain_log() -> String {
    log_with(
        "Focus",
        vec!["Thread".into()],
        vec!["Did".into()],
        Decision {
            what: "What".into(),
            why: "Why".into(),
        },
    )
}

#[test]
fn multi_line_log_fields_never_inject_headings_tasks_or_rows() {
    let log = log_with(
        HOSTILE,
        vec![HOSTILE.into(), "## Thread heading".into()],
        vec![HOSTILE.into(), "# Did heading".into(), "- a list".into()],
        Decision {
            what: HOSTILE.into(),
            why: "because\n| x | y |\n## H".into(),
        },
    );
    assert_eq!(
        headings(&log),
        headings(&plain_log()),
        "no heading added:\n{log}"
    );
    assert!(!log.contains("\n## Injected"), "{log}");
    assert_eq!(blocks_in_list_items(&log), Vec::<&str>::new(), "{log}");
    assert!(!log.contains("\n# Top"), "{log}");
    assert!(!log.contains("\n- [ ] injected"), "{log}");
    assert!(!log.contains("\n| a | b |"), "{log}");
    // Threads: exactly the two given, each on its own line.
    let threads = open_threads("Career/log.md", &log);
    assert_eq!(threads.len(), 2, "{threads:?}");
    assert_eq!(
        threads[0].text,
        "Line one ## Injected heading - [ ] injected task | a | b | # Top"
    );
    // The decisions table keeps its two columns and one row.
    let decisions = sections(&log)
        .into_iter()
        .find(|s| s.title == "Key Decisions Made")
        .unwrap();
    let tables = tables_in(&log, decisions.body_span);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows.len(), 1, "one decision, one row");
    assert_eq!(tables[0].rows[0].cells.len(), 2, "{:?}", tables[0].rows[0]);
    // The frontmatter focus stays one line.
    let front = log.split("---\n").nth(1).unwrap();
    let focus_lines = front.lines().filter(|l| l.starts_with("focus:")).count();
    assert_eq!(focus_lines, 1);
    assert!(!front.contains("\n## "), "{front}");
}

#[test]
fn a_one_line_field_that_looks_like_markdown_does_not_become_a_block() {
    let log = log_with(
        "## Looks like a heading",
        vec!["Thread".into()],
        vec!["# Did heading".into(), "> quote".into()],
        Decision {
            what: "a | b".into(),
            why: "c\\".into(),
        },
    );
    assert_eq!(headings(&log), headings(&plain_log()), "{log}");
    assert_eq!(blocks_in_list_items(&log), Vec::<&str>::new(), "{log}");
    assert!(!log.contains("\n## Looks like"), "{log}");
    let decisions = sections(&log)
        .into_iter()
        .find(|s| s.title == "Key Decisions Made")
        .unwrap();
    let tables = tables_in(&log, decisions.body_span);
    assert_eq!(tables[0].rows[0].cells.len(), 2, "{log}");
}

#[test]
fn ordinary_text_and_tags_are_written_as_given() {
    let log = log_with(
        "Prepare the #promotion case",
        vec!["#tag first".into()],
        vec!["Reviewed 3 notes".into()],
        Decision {
            what: "What".into(),
            why: "Why".into(),
        },
    );
    assert!(
        log.contains("**Focus:** Prepare the #promotion case\n"),
        "{log}"
    );
    assert!(log.contains("- [ ] #tag first\n"), "{log}");
    assert!(log.contains("1. Reviewed 3 notes\n"), "{log}");
}

// ---- goals -----------------------------------------------------------------

fn goals_input(text: &str) -> GoalsInput {
    GoalsInput {
        year: 2026,
        theme: text.into(),
        vision: text.into(),
        goals: vec![GoalDraft {
            outcome: text.into(),
            metric: text.into(),
        }],
        quarters: vec![QuarterDraft {
            quarter: 1,
            intention: text.into(),
            focus: text.into(),
        }],
        milestones: vec![MilestoneDraft {
            month: Period::parse("2026-02").unwrap(),
            text: text.into(),
            goal: "G1".into(),
        }],
    }
}

#[test]
fn a_new_goals_note_keeps_every_field_on_one_line() {
    let day = Day::parse("2026-01-17").unwrap();
    let plain = render(
        &goals_input("Plain"),
        "0_Career_Index",
        LinkFormat::Wikilink,
        FiscalYear::default(),
        day,
    )
    .unwrap();
    let note = render(
        &goals_input(HOSTILE),
        "0_Career_Index",
        LinkFormat::Wikilink,
        FiscalYear::default(),
        day,
    )
    .unwrap();
    assert_eq!(headings(&note), headings(&plain), "{note}");
    assert_eq!(
        note.lines().count(),
        plain.lines().count(),
        "no line added:\n{note}"
    );
    let read = career_core::goals::read(&note);
    assert_eq!(read.goals.len(), 1);
    assert_eq!(read.milestones.len(), 1);
}

#[test]
fn a_weekly_action_stays_one_line() {
    let week = Period::parse("2026-W03").unwrap();
    let edits = add_action(GOALS, week, &format!("Email Ana\n{HOSTILE}"), None).unwrap();
    let out = applied(GOALS, &edits);
    assert!(!out.contains("\n## Injected"), "{out}");
    let mut expected = headings(GOALS);
    expected.insert(
        expected.iter().position(|h| h == "Weekly Actions").unwrap() + 1,
        "2026-W03".to_string(),
    );
    assert_eq!(
        headings(&out),
        expected,
        "only the week's heading is added:\n{out}"
    );
}

#[test]
fn a_quarter_intention_and_focus_stay_in_their_cells() {
    let edits = set_intention(GOALS, 2, Some(HOSTILE), Some("two\n| x | y |\n## H")).unwrap();
    let out = applied(GOALS, &edits);
    assert_eq!(headings(&out), headings(GOALS), "{out}");
    let note = career_core::goals::read(&out);
    let q2 = note.quarter(2).unwrap();
    assert!(q2.focus.contains("two"), "{q2:?}");
    assert_eq!(note.quarters.len(), 2, "one row added, not more:\n{out}");
}

// ---- dates -----------------------------------------------------------------

#[test]
fn days_outside_years_1000_to_9999_are_refused() {
    for bad in ["0000-01-01", "0999-12-31", "0001-06-15"] {
        let err = Day::parse(bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidDate, "{bad} should be refused");
        assert!(err.message.contains("1000"), "{}", err.message);
    }
    for good in ["1000-01-01", "9999-12-31", "2026-01-17"] {
        assert_eq!(Day::parse(good).unwrap().iso(), good);
    }
}

#[test]
fn periods_outside_years_1000_to_9999_are_refused() {
    for bad in ["0000", "0999-Q4", "0500-01", "0999-W01"] {
        let err = Period::parse(bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidDate, "{bad} should be refused");
    }
}

fn review(period: &str, today: &str) -> ReviewInput {
    ReviewInput {
        period: Some(Period::parse(period).unwrap()),
        today: today.into(),
        goals_text: Some(GOALS.into()),
        ..ReviewInput::default()
    }
}

#[test]
fn a_review_refuses_a_period_next_to_the_edge_of_the_calendar() {
    // The annual review asks for next year's theme: 10000 has no label.
    let err = plan_review(&review("9999", "9999-12-31")).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidDate, "{err:?}");
    // Carry-forward from the last week would land in 10000-W01.
    let err = plan_review(&review("9999-W52", "9999-12-31")).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidDate, "{err:?}");
    // 1000-01-01 is a Wednesday: 1000-W01 starts on 0999-12-30, refused;
    // the week after is the first one a review can name.
    let err = plan_review(&review("1000-W01", "1000-01-05")).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidDate, "{err:?}");
    assert!(plan_review(&review("1000-W02", "1000-01-10")).is_ok());
    // A review whose today is out of range is refused before anything else.
    let mut input = review("2026-W03", "0000-01-01");
    input.period = Some(Period::parse("2026-W03").unwrap());
    assert_eq!(
        plan_review(&input).unwrap_err().code,
        ErrorCode::InvalidDate
    );
}

#[test]
fn a_templater_tag_typed_into_a_session_log_field_is_never_executable() {
    let log = career_core::log::render::render(&career_core::log::render::LogInput {
        focus: "Plan <% tp.file.cursor() %>".into(),
        threads: vec!["Ask <%* await tp.system.prompt() %>".into()],
        ..Default::default()
    });
    assert!(!log.contains("<%"), "{log}");
    assert!(log.contains("Plan <\\% tp.file.cursor() %>"), "{log}");
}

const SECTIONS_NOTE: &str = "# Index\n\n## Vision\n\nOld vision.\n\n## Growth\n\nKeep learning.\n";

#[test]
fn a_new_sections_heading_typed_over_several_lines_becomes_one_line() {
    // It used to break into a heading and a paragraph, which the check after
    // the edit then refused as "hidden in an unclosed code block".
    for heading in [
        "New one\rtwo",
        "New one\ntwo",
        "New one\r\ntwo",
        " New\tone  two ",
    ] {
        let op = career_core::ops::Operation::SectionInsert {
            heading: heading.into(),
            level: Some(2),
            body: String::new(),
            before: None,
            after: Some("Growth".into()),
        };
        let new = career_core::ops::run(SECTIONS_NOTE, &op)
            .unwrap()
            .text
            .unwrap();
        assert_eq!(
            new,
            SECTIONS_NOTE.replace("Keep learning.\n", "Keep learning.\n\n## New one two\n"),
            "{heading:?}"
        );
    }
}
