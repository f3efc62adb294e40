//! The shortcuts taken for speed must not change what is found.
//!
//! `outline` parses once for tables, tasks and links; it must equal the
//! separate functions, each parsing on its own. Task lookups parse only the
//! stretch between the headings around a line (`region_around`); for every
//! line the task found there must be the task a whole-note parse finds. A
//! slice of a note is never read as having frontmatter of its own. Title
//! normalisation, rewritten as one pass, equals the original two-pass form.

mod common;

use career_core::note::aliases::normalize;
use career_core::note::headings::{fast_scan, rescan};
use career_core::note::outline::{region_around, sections};
use career_core::note::sourcepos::{parse, Kind};
use career_core::note::tables::tables_in;
use career_core::note::tasks::tasks_in;
use career_core::note::{links::links, outline};
use career_core::Span;
use common::{cases, note};
use proptest::prelude::*;

fn outline_equals_separate_parses(text: &str) -> Result<(), TestCaseError> {
    let whole = Span::new(0, text.len());
    let one = outline(text);
    prop_assert_eq!(&one.sections, &sections(text));
    prop_assert_eq!(&one.tables, &tables_in(text, whole));
    prop_assert_eq!(&one.tasks, &tasks_in(text, whole));
    prop_assert_eq!(&one.links, &links(text));
    Ok(())
}

fn region_tasks_equal_whole_tasks(text: &str) -> Result<(), TestCaseError> {
    let all = sections(text);
    let tasks = tasks_in(text, Span::new(0, text.len()));
    let lines = text.matches('\n').count() + 2;
    for line in 0..=lines {
        let start = career_core::note::lines::line_start_of(text, line);
        let region = region_around(text, &all, Span::at(start));
        let from_region = tasks_in(text, region).into_iter().find(|t| t.line == line);
        let from_whole = tasks.iter().find(|t| t.line == line).cloned();
        prop_assert_eq!(from_region, from_whole, "line {} of {:?}", line, text);
    }
    Ok(())
}

/// `normalize` as first written: map, then split on whitespace and join.
fn normalize_reference(title: &str) -> String {
    let mapped: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '&' {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn normalize_equals_its_reference(title in "\\PC{0,24}|[ &#*_A-Za-zİẞǅ0-9\t\u{3000}-]{0,24}") {
        prop_assert_eq!(normalize(&title), normalize_reference(&title));
    }

    #[test]
    fn outline_agrees_with_the_separate_parses(text in note()) {
        outline_equals_separate_parses(&text)?;
    }

    #[test]
    fn a_task_found_by_region_is_the_task_found_in_the_whole_note(text in note()) {
        region_tasks_equal_whole_tasks(&text)?;
    }
}

#[test]
fn the_corpus_agrees_too() {
    for (name, text) in common::corpus() {
        for text in [
            text.clone(),
            text.replace("\r\n", "\n").replace('\n', "\r\n"),
        ] {
            outline_equals_separate_parses(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            region_tasks_equal_whole_tasks(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn a_slice_opening_with_dashes_has_thematic_breaks_not_frontmatter() {
    let text = "# T\n---\n- [ ] task\n\n---\n";
    let body = Span::new(text.find("---").unwrap(), text.len());
    let nodes = parse(text, body);
    assert!(
        !nodes.iter().any(|n| n.kind == Kind::FrontMatter),
        "only the note's start holds frontmatter"
    );
    assert_eq!(
        tasks_in(text, body),
        tasks_in(text, Span::new(0, text.len())),
        "the slice finds the task the whole note has"
    );
    let fm = "---\na: 1\n---\n# T\n";
    assert!(
        parse(fm, Span::new(0, fm.len()))
            .iter()
            .any(|n| n.kind == Kind::FrontMatter),
        "the note's own frontmatter is still read"
    );
}

/// Replaces `old[start..end]` (clamped to char boundaries) with `insert`, then
/// checks that re-scanning only around the change finds what a full scan finds.
fn rescan_equals_full_scan(
    old: &str,
    start: usize,
    end: usize,
    insert: &str,
) -> Result<(), TestCaseError> {
    let Some(old_headings) = fast_scan(old) else {
        return Ok(());
    };
    let floor = |mut at: usize| {
        at = at.min(old.len());
        while !old.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (floor(start.min(end)), floor(start.max(end)));
    let new = format!("{}{insert}{}", &old[..start], &old[end..]);
    let changed = Span::new(start, end);
    prop_assert_eq!(
        rescan(&new, &old_headings, changed, start + insert.len()),
        fast_scan(&new),
        "{:?} with {:?} replaced by {:?}",
        old,
        changed,
        insert
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn a_rescan_around_a_change_equals_a_full_scan(
        old in note(),
        insert in note(),
        start in 0usize..600,
        len in 0usize..120,
    ) {
        rescan_equals_full_scan(&old, start, start + len, &insert)?;
    }
}

#[test]
fn a_rescan_of_corpus_edits_equals_a_full_scan() {
    let inserts = [
        "",
        "text\n",
        "# New\n",
        "```\n",
        "---\n",
        "\n---\r\n",
        "- [ ] a\n| a | b |\n",
    ];
    for (name, text) in common::corpus() {
        let lines: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for (n, &start) in lines.iter().enumerate().step_by(7) {
            let end = lines.get(n + 3).copied().unwrap_or(text.len());
            for insert in inserts {
                rescan_equals_full_scan(&text, start, end, insert)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
}
