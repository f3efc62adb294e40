//! Session logs: golden content from a recorded session, same-day names,
//! open threads carried over three sessions, and the Session Logs row.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use career_core::coach::session::{start, step, Action, Session};
use career_core::edit::{apply, Applied};
use career_core::log::render::{log_name, render, LogInput};
use career_core::log::session_logs_row;
use career_core::log::threads::{all_open_threads, dispose, Disposition};
use career_core::ops::{run, Operation};
use career_core::templates::career_index;
use career_core::templates::links::LinkFormat;
use career_core::Day;

fn day() -> Day {
    Day::parse("2026-01-17").unwrap()
}

/// A recorded session: theme and network answered, one decision marked.
fn recorded() -> (Session, String) {
    let mut note = career_index::render(day(), "2026 Goals", LinkFormat::Wikilink);
    let mut session = start(
        "Career/0_Career_Index.md",
        &note,
        &["Annual Theme".into(), "Network".into()],
        day(),
        "2026-01-17T10:00:00",
    )
    .unwrap();
    let actions = [
        Action::Answer {
            text: "Visible outside Lockton".into(),
        },
        Action::Confirm,
        Action::Decide {
            what: "2026 Theme: Visible outside Lockton".into(),
            why: "Internal credibility established; external is the gap".into(),
        },
        Action::Answer {
            text: "Pat Kim | sponsor | Global CIO; Sam Ortiz | mentor | former CTO".into(),
        },
        Action::Confirm,
        // The follow-up is left unanswered: how follow-ups are confirmed is
        // the coaching loop's business (tests/coach_*), not the log's.
    ];
    for (i, action) in actions.iter().enumerate() {
        let result = step(
            &session,
            action,
            &note,
            &format!("2026-01-17T10:{:02}:00", 5 + i * 7),
        )
        .unwrap();
        if let Some(new) = result.write {
            note = new;
        }
        session = result.session;
    }
    (session, note)
}

#[test]
fn a_recorded_session_gives_the_golden_log() {
    let (session, _) = recorded();
    let input = LogInput {
        session: Some(&session),
        date: "2026-01-17".into(),
        duration: career_core::log::render::duration(&session),
        focus: "2026 theme and network".into(),
        outputs: vec![("Career Index".into(), "0_Career_Index".into())],
        threads: vec!["Identify speaking/podcast targets".into()],
        worked: vec!["One question at a time → deeper answers".into()],
        improve: vec!["Ask about business impact earlier".into()],
        name: "2026-01-17 Career Coaching Session".into(),
        methodology: "Career Coaching Methodology".into(),
        ..LogInput::default()
    };
    let got = render(&input);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/session-log.md");
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
        "the log differs from tests/golden/session-log.md"
    );
}

#[test]
fn a_second_session_on_the_same_day_gets_a_distinct_name() {
    let pattern = "{date} Career Coaching Session";
    let first = log_name(pattern, "2026-01-17", 2026, &[]);
    assert_eq!(first, "2026-01-17 Career Coaching Session");
    let second = log_name(pattern, "2026-01-17", 2026, std::slice::from_ref(&first));
    assert_eq!(second, "2026-01-17 Career Coaching Session 2");
    assert_eq!(
        log_name(pattern, "2026-01-17", 2026, &[first, second]),
        "2026-01-17 Career Coaching Session 3"
    );
}

#[test]
fn open_threads_carry_across_three_sessions_and_only_the_newest_stays_open() {
    let log =
        |name: &str, carried: Vec<career_core::log::threads::Thread>, threads: Vec<String>| {
            render(&LogInput {
                date: "2026-01-17".into(),
                focus: "x".into(),
                carried,
                threads,
                name: name.into(),
                methodology: "Career Coaching Methodology".into(),
                ..LogInput::default()
            })
        };
    // Session 1 leaves two threads.
    let mut logs = vec![(
        "s1.md".to_string(),
        log(
            "s1",
            vec![],
            vec!["Draft the thesis".into(), "Find podcasts".into()],
        ),
    )];
    // Session 2: carry the thesis, resolve the podcasts.
    let open = all_open_threads(&logs);
    assert_eq!(
        open.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        ["Draft the thesis", "Find podcasts"]
    );
    let carry = open[0].clone();
    for (thread, disposition) in [
        (&open[0], Disposition::Carry),
        (&open[1], Disposition::Resolve),
    ] {
        let edit = dispose(&logs[0].1, thread.line, disposition).unwrap();
        if let Applied::Changed(t) = apply(&logs[0].1, &[edit]).unwrap() {
            logs[0].1 = t;
        }
    }
    logs.push(("s2.md".into(), log("s2", vec![carry], vec![])));
    // Session 3: the thesis is open once, in session 2's log, carried once.
    let open = all_open_threads(&logs);
    assert_eq!(open.len(), 1, "only the newest copy is open: {open:?}");
    assert_eq!(
        (
            open[0].note.as_str(),
            open[0].text.as_str(),
            open[0].carried
        ),
        ("s2.md", "Draft the thesis", 1)
    );
    let carry = open[0].clone();
    let edit = dispose(&logs[1].1, carry.line, Disposition::Carry).unwrap();
    if let Applied::Changed(t) = apply(&logs[1].1, &[edit]).unwrap() {
        logs[1].1 = t;
    }
    logs.push(("s3.md".into(), log("s3", vec![carry], vec![])));
    let open = all_open_threads(&logs);
    assert_eq!(open.len(), 1);
    assert_eq!(
        (open[0].note.as_str(), open[0].carried),
        ("s3.md", 2),
        "carried twice now"
    );
    assert!(logs[2].1.contains("- [ ] Draft the thesis [carried:: 2]\n"));
    assert!(
        logs[0].1.contains("- [>] Draft the thesis\n")
            && logs[0].1.contains("- [x] Find podcasts\n")
    );
}

#[test]
fn the_session_logs_row_is_appended_without_changing_other_bytes() {
    let index =
        career_index::render(day(), "2026 Goals", LinkFormat::Wikilink).replace("\n", "\r\n");
    let cells = session_logs_row(
        "2026-01-17 Career Coaching Session",
        "Initial buildout",
        &["0_Career_Index".into(), "2026 Goals".into()],
        LinkFormat::Wikilink,
    );
    let op = Operation::TableAddRow {
        section: "Session Logs".into(),
        table: 0,
        cells,
    };
    let out = run(&index, &op).unwrap().text.unwrap();
    let row = "| [[2026-01-17 Career Coaching Session]] | Initial buildout | 0_Career_Index, 2026 Goals |\r\n";
    assert_eq!(
        out,
        format!("{index}{row}"),
        "the row goes at the end of the table and nothing else changes"
    );
}

#[test]
fn a_log_without_threads_leaves_nothing_open() {
    let text = render(&LogInput {
        date: "2026-01-17".into(),
        focus: "x".into(),
        name: "n".into(),
        methodology: "m".into(),
        ..LogInput::default()
    });
    assert!(text.contains("## Open Threads for Future Sessions\n\nNone.\n"));
    assert!(
        all_open_threads(&[("n.md".into(), text)]).is_empty(),
        "no placeholder counts as an open thread"
    );
}

#[test]
fn entries_edited_and_removed_in_a_walk_are_in_what_we_did() {
    let (_, note) = recorded();
    let mut session = start(
        "Career/0_Career_Index.md",
        &note,
        &["Network".into()],
        day(),
        "2026-01-17T11:00:00",
    )
    .unwrap();
    let mut note = note;
    let actions = [
        Action::Edit,
        Action::Answer {
            text: "Context: Global CIO, now on the board".into(),
        },
        Action::Confirm,
        Action::Remove,
        Action::Confirm,
        Action::Skip,
    ];
    for (i, action) in actions.iter().enumerate() {
        let result = step(&session, action, &note, &format!("2026-01-17T11:0{i}:00")).unwrap();
        if let Some(new) = result.write {
            note = new;
        }
        session = result.session;
    }
    assert!(!note.contains("Sam Ortiz"), "{note}");
    let log = render(&LogInput {
        session: Some(&session),
        date: "2026-01-17".into(),
        focus: "Network".into(),
        name: "2026-01-17 Career Coaching Session".into(),
        methodology: "Career Coach Methodology".into(),
        ..LogInput::default()
    });
    assert!(
        log.contains(
            "   - Edited: Pat Kim · Global CIO, now on the board\n   - Removed: Sam Ortiz · former CTO\n   - Confirmed and updated\n"
        ),
        "{log}"
    );
}
