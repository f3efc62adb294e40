//! Carriage returns through an edit operation. `ops::run` looks for a `\r`
//! in the note once, and when there is none, looks for a lone one only where
//! the edits put text in: these cases hold that shortcut to what a full check
//! gives (no edit leaves a lone `\r` in a note, a note that has one is
//! refused, and the new text takes the note's own line endings).

// Tests: a failed unwrap is a failed test.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use career_core::note::headings::{fast_scan, fast_scan_with, rescan, rescan_with};
use career_core::note::lines::has_lone_cr;
use career_core::ops::{run, Operation};
use career_core::span::Span;
use career_core::ErrorCode;

fn set(section: &str, body: &str) -> Operation {
    Operation::SectionSet {
        section: section.into(),
        body: body.into(),
    }
}

const NOTE: &str = "---\nstatus: draft\ntags: [a]\n---\n# Index\n\n## Vision\n\nOld vision.\n\n## Growth\n\nKeep learning.\n\n## Network\n\n| Name | Role |\n| --- | --- |\n| Ada | Mentor |\n";

/// Every operation that puts a person's text into the note, with that text
/// holding carriage returns every way it can.
fn operations(text: &str) -> Vec<Operation> {
    vec![
        set("Vision", text),
        Operation::SectionAppend {
            section: "Growth".into(),
            text: text.into(),
            position: Default::default(),
        },
        Operation::SectionInsert {
            heading: format!("New {text}"),
            level: Some(2),
            body: text.into(),
            before: None,
            after: None,
        },
        Operation::TaskAdd {
            section: "Growth".into(),
            text: text.into(),
        },
        Operation::TableAddRow {
            section: "Network".into(),
            table: 0,
            cells: vec![text.into(), "b".into()],
        },
        Operation::FrontmatterSet {
            key: "status".into(),
            value: text.into(),
        },
        Operation::FrontmatterAdd {
            key: "tags".into(),
            value: text.into(),
        },
    ]
}

#[test]
fn no_edit_leaves_a_lone_carriage_return_in_a_note() {
    let texts = [
        "one\rtwo", "\rstart", "end\r", "a\r\nb", "a\r\r\nb", "\r\n", "plain",
    ];
    for note in [NOTE.to_string(), NOTE.replace('\n', "\r\n")] {
        for text in texts {
            for op in operations(text) {
                match run(&note, &op) {
                    Ok(outcome) => {
                        if let Some(new) = outcome.text {
                            assert!(!has_lone_cr(&new), "{op:?} on {note:?} gave {new:?}");
                        }
                    }
                    Err(err) => assert!(
                        matches!(
                            err.code,
                            ErrorCode::InvalidInput | ErrorCode::FrontmatterInvalid
                        ),
                        "{op:?}: {err:?}"
                    ),
                }
            }
        }
    }
}

#[test]
fn a_crlf_note_stays_crlf_and_an_lf_note_stays_lf() {
    let outcome = run(NOTE, &set("Vision", "New vision.\r\nSecond line.\r\n")).unwrap();
    assert_eq!(
        outcome.text.unwrap(),
        NOTE.replace("Old vision.\n", "New vision.\nSecond line.\n")
    );
    let crlf = NOTE.replace('\n', "\r\n");
    let outcome = run(&crlf, &set("Vision", "New vision.\nSecond\rline.\n")).unwrap();
    assert_eq!(
        outcome.text.unwrap(),
        crlf.replace("Old vision.\r\n", "New vision.\r\nSecond\r\nline.\r\n")
    );
}

#[test]
fn a_note_with_a_lone_carriage_return_is_refused_before_any_edit() {
    let old_mac = NOTE.replace("Old vision.\n", "Old vision.\rStill.\n");
    let err = run(&old_mac, &set("Growth", "Read more.\n")).unwrap_err();
    assert_eq!(err.code, ErrorCode::UnsupportedLineEndings);
}

#[test]
fn the_rescan_told_what_may_hold_a_carriage_return_finds_what_a_full_scan_finds() {
    // The hint as `ops::run` gives it: the old note's `\r`, or the inserted text's.
    let olds = [NOTE.to_string(), NOTE.replace('\n', "\r\n")];
    let inserts = [
        "## New\n",
        "## New\r\n",
        "text\r",
        "\r\n## Two\r\n",
        "plain",
    ];
    for old in &olds {
        let headings = fast_scan(old).unwrap();
        for insert in inserts {
            for (start, end) in [(0, 0), (10, 20), (old.len() - 5, old.len())] {
                let new = format!("{}{insert}{}", &old[..start], &old[end..]);
                let changed = Span::new(start, end);
                let new_end = start + insert.len();
                let hint = old.contains('\r') || insert.contains('\r');
                assert_eq!(
                    rescan_with(&new, &headings, changed, new_end, hint),
                    rescan(&new, &headings, changed, new_end),
                    "{old:?} {start}..{end} {insert:?}"
                );
                assert_eq!(rescan(&new, &headings, changed, new_end), fast_scan(&new));
                // The scan told the note may hold a `\r` (or, rightly, that it holds none).
                assert_eq!(fast_scan_with(&new, true), fast_scan(&new));
                assert_eq!(fast_scan_with(&new, new.contains('\r')), fast_scan(&new));
            }
        }
    }
}
