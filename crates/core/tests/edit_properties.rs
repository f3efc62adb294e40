//! Properties of every edit operation over random notes.
//!
//! For random notes and random operations aimed at their real sections:
//! bytes outside the edit spans are identical; applying no edits is the
//! identity; an idempotent operation applied twice equals applying it once;
//! and nothing panics.

mod common;

use career_core::edit::{apply, Applied};
use career_core::note::outline::sections;
use career_core::note::tables::tables_in;
use career_core::note::tasks::tasks_in;
use career_core::ops::{plan, run, Operation, RowRef};
use career_core::Span;
use common::{cases, note};
use proptest::prelude::*;

/// Builds an operation from random choices, aimed at a real section most of the time.
fn operation(text: &str, kind: u8, pick: usize, words: &str) -> Operation {
    let all = sections(text);
    let path_of = |candidates: Vec<&career_core::note::outline::Section>| {
        candidates
            .get(pick % candidates.len().max(1))
            .map_or_else(|| "Missing".to_string(), |s| s.path.clone())
    };
    let with_table: Vec<_> = all
        .iter()
        .filter(|s| !tables_in(text, s.body_span).is_empty())
        .collect();
    let kind = kind % 11;
    let section = if (4..=6).contains(&kind) && !with_table.is_empty() {
        path_of(with_table)
    } else {
        path_of(all.iter().collect())
    };
    let task_lines: Vec<usize> = tasks_in(text, Span::new(0, text.len()))
        .iter()
        .map(|t| t.line)
        .collect();
    let line = task_lines
        .get(pick % task_lines.len().max(1))
        .copied()
        .unwrap_or(pick % (text.lines().count() + 2));
    match kind {
        0 => Operation::SectionSet {
            section,
            body: words.to_string(),
        },
        1 => Operation::SectionAppend {
            section,
            text: words.to_string(),
            position: Default::default(),
        },
        2 => Operation::SectionInsert {
            heading: words.to_string(),
            level: None,
            body: "body".into(),
            before: Some(section),
            after: None,
        },
        3 => Operation::SectionInsert {
            heading: words.to_string(),
            level: Some(3),
            body: String::new(),
            before: None,
            after: Some(section),
        },
        4 => Operation::TableAddRow {
            section,
            table: 0,
            cells: vec![words.to_string(), "b".into()],
        },
        5 => Operation::TableUpdateRow {
            section,
            table: 0,
            row: RowRef::Index(pick % 3),
            cells: vec![None, Some(words.to_string())],
            set: Default::default(),
        },
        6 => Operation::TableRemoveRow {
            section,
            table: 0,
            row: RowRef::Index(pick % 3),
        },
        7 => Operation::TaskAdd {
            section,
            text: words.to_string(),
        },
        8 => Operation::TaskToggle {
            line,
            today: Some("2026-01-17".into()),
        },
        9 => Operation::FrontmatterSet {
            key: "status".into(),
            value: words.to_string(),
        },
        _ => Operation::FrontmatterAdd {
            key: "tags".into(),
            value: words.to_string(),
        },
    }
}

/// Random text around a skeleton with a section, a table and a task, so most
/// operations find something to edit; the random text can still swallow it
/// (an unclosed fence before it), as real notes can.
fn skeleton_note() -> impl Strategy<Value = String> {
    (note(), note(), any::<bool>()).prop_map(|(before, after, crlf)| {
        let nl = if crlf { "\r\n" } else { "\n" };
        let skeleton = "\n## Goals\n\n| Goal | Status |\n|------|--------|\n| G1 | Open |\n\n- [ ] task one\n\n".replace('\n', nl);
        format!("{before}{skeleton}{after}")
    })
}

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(
        &[
            "Risk Register",
            "Call Dana 📅 2026-02-01",
            "a | b",
            "[[Note|Alias]]",
            "准备演讲",
            "x",
            "line\nbreak",
            "#tag",
            "",
        ][..],
    )
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn edits_touch_only_their_spans_and_idempotent_ops_settle(text in skeleton_note(), kind in any::<u8>(), pick in any::<usize>(), words in words()) {
        prop_assert_eq!(apply(&text, &[]).unwrap(), Applied::Unchanged, "no edits must be the identity");
        let op = operation(&text, kind, pick, &words);
        let Ok(edits) = plan(&text, &op) else { return Ok(()) };
        let Ok(outcome) = run(&text, &op) else { return Ok(()) };
        let out = outcome.text.clone().unwrap_or_else(|| text.clone());

        // Rebuild the output from the original's untouched bytes and the edits' new text.
        let mut sorted = edits.clone();
        sorted.sort_by_key(|e| (e.span.start, e.span.end));
        let mut rebuilt = String::new();
        let mut cursor = 0;
        for edit in &sorted {
            prop_assert!(edit.span.start >= cursor, "edits overlap: {:?}", sorted);
            prop_assert_eq!(edit.span.of(&text), edit.expected.as_str(), "pre-image recorded");
            rebuilt.push_str(&text[cursor..edit.span.start]);
            rebuilt.push_str(&edit.new_text);
            cursor = edit.span.end;
        }
        rebuilt.push_str(&text[cursor..]);
        prop_assert_eq!(&rebuilt, &out, "bytes outside the edits must be identical; op {:?}", op);

        if op.is_idempotent() {
            let again = run(&out, &op);
            prop_assert!(matches!(again, Ok(ref o) if o.text.is_none()), "second run of {:?} changed {:?}: {:?}", op, out, again);
        }
    }
}

/// The property above only means something if most cases really edit: count them.
#[test]
fn most_random_operations_really_change_the_note() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (skeleton_note(), any::<u8>(), any::<usize>(), words());
    let (mut changed, total) = (0, 2000);
    for _ in 0..total {
        let (text, kind, pick, words) = strategy.new_tree(&mut runner).unwrap().current();
        let op = operation(&text, kind, pick, &words);
        match run(&text, &op) {
            Ok(outcome) if outcome.text.is_some() => changed += 1,
            other => {
                if std::env::var("SHOW").is_ok() {
                    eprintln!(
                        "{:?} -> {:?}",
                        op,
                        other.map(|o| o.text.is_some()).map_err(|e| e.code)
                    );
                }
            }
        }
    }
    assert!(
        changed * 100 >= total * 40,
        "only {changed} of {total} random operations changed their note"
    );
}
