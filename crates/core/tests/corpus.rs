//! Every byte of 173 real Obsidian help notes must survive.
//!
//! For each note (as shipped and converted to CRLF): it parses; the fast
//! heading scan agrees with comrak; every section body set to itself changes
//! nothing; every body replaced by a marker changes exactly that span; and
//! every link span starts where a link starts.

mod common;

use career_core::edit::{apply, Applied, TextEdit};
use career_core::note::headings::{by_comrak, fast_scan};
use career_core::note::links::LinkKind;
use career_core::note::outline::{find, sections};
use career_core::ops::{run, Operation};

const MARKER: &str = "⟦marker⟧\n";

fn variants(text: &str) -> [(&'static str, String); 2] {
    [
        ("as shipped", text.to_string()),
        ("CRLF", text.replace("\r\n", "\n").replace('\n', "\r\n")),
    ]
}

#[test]
fn every_corpus_note_survives_every_section_edit() {
    let notes = common::corpus();
    assert_eq!(notes.len(), 173, "the corpus has 173 notes");
    let mut failures = Vec::new();
    let mut sections_checked = 0;
    for (name, original) in &notes {
        for (variant, text) in variants(original) {
            let label = format!("{name} ({variant})");
            if let Some(fast) = fast_scan(&text) {
                if fast != by_comrak(&text) {
                    failures.push(format!(
                        "{label}: the fast heading scan disagrees with comrak"
                    ));
                }
            }
            let all = sections(&text);
            for section in &all {
                sections_checked += 1;
                let body = section.body_span.of(&text);
                // Through the operation, by path, when the path is unique.
                if find(&all, &section.path).map(|s| s.body_span) == Ok(section.body_span) {
                    let op = Operation::SectionSet {
                        section: section.path.clone(),
                        body: body.to_string(),
                    };
                    match run(&text, &op) {
                        Ok(outcome) if outcome.text.is_none() => {}
                        other => failures.push(format!(
                            "{label}: setting \"{}\" to itself changed it: {other:?}",
                            section.path
                        )),
                    }
                }
                // A marker in place of the body changes exactly that span.
                let edit = TextEdit::replace(&text, section.body_span, MARKER);
                let expected = format!(
                    "{}{MARKER}{}",
                    &text[..section.body_span.start],
                    &text[section.body_span.end..]
                );
                match apply(&text, &[edit]) {
                    Ok(Applied::Changed(out)) if out == expected => {}
                    Ok(Applied::Unchanged) if body == MARKER => {}
                    other => failures.push(format!(
                        "{label}: marker edit of \"{}\" went wrong: {other:?}",
                        section.path
                    )),
                }
            }
            for link in career_core::note::links::links(&text) {
                let at = &text[link.span.start..];
                let ok = match (link.kind, link.embed) {
                    (LinkKind::Wiki, false) => at.starts_with("[["),
                    (LinkKind::Wiki, true) => at.starts_with("![["),
                    (LinkKind::Markdown, false) => at.starts_with('['),
                    (LinkKind::Markdown, true) => at.starts_with("!["),
                };
                if !ok {
                    failures.push(format!(
                        "{label}: a link span starts with {:?}",
                        &at[..at.len().min(12)]
                    ));
                }
            }
            let outline = career_core::note::outline(&text);
            for table in &outline.tables {
                for row in table.rows.iter().chain([&table.header]) {
                    for cell in &row.cells {
                        if cell.span.of(&text) != cell.text {
                            failures.push(format!(
                                "{label}: a cell span does not hold its text {:?}",
                                cell.text
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        sections_checked > 1000,
        "expected well over 1,000 sections, saw {sections_checked}"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
