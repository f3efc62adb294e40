//! Issue 14, item 2: nothing typed is lost. Over generated answers for every
//! section (free sentences, labelled lines, entries with separators, lists,
//! follow-up replies), every word the person typed is in the note after they
//! confirm: placed in a field, or kept verbatim as a line of the section.
//! Only what they explicitly skip may be missing. The same holds for an
//! entry already in the note that they edit (issue 14 item 4): every word of
//! the new values is in the note, and the edit never adds or drops an entry.

// Test support: a failed unwrap or panic is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic)]

use career_core::coach::questions::{for_section, Shape, QUESTIONS};
use career_core::coach::session::{prompt, start, step, Action, Prompt, Session};
use career_core::coach::walk;
use career_core::templates::career_index;
use career_core::templates::links::LinkFormat;
use career_core::Day;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// Words no question reads as a cue, a kind, a label or a joiner.
fn word() -> impl Strategy<Value = String> {
    "[a-z]{5,9}".prop_map(|w| format!("q{w}"))
}

/// One line of an answer: a sentence, a labelled line, or separated parts.
#[derive(Debug, Clone)]
enum Line {
    Free(Vec<String>),
    Labelled(usize, Vec<String>),
    Parts(Vec<Vec<String>>),
}

fn line() -> impl Strategy<Value = Line> {
    let words = || prop::collection::vec(word(), 1..5);
    prop_oneof![
        words().prop_map(Line::Free),
        (0usize..8, words()).prop_map(|(i, w)| Line::Labelled(i, w)),
        prop::collection::vec(words(), 2..6).prop_map(Line::Parts),
    ]
}

fn render(line: &Line, labels: &[&str], sep: &str) -> (String, Vec<String>) {
    match line {
        Line::Free(w) => (w.join(" "), w.clone()),
        Line::Labelled(i, w) => {
            let label = labels
                .get(i % labels.len().max(1))
                .copied()
                .unwrap_or("Note");
            (format!("{label}: {}", w.join(" ")), w.clone())
        }
        Line::Parts(parts) => (
            parts
                .iter()
                .map(|p| p.join(" "))
                .collect::<Vec<_>>()
                .join(sep),
            parts.concat(),
        ),
    }
}

/// Whether `word` is in `note` as a whole word.
fn has_word(note: &str, word: &str) -> bool {
    note.match_indices(word).any(|(at, _)| {
        let before = note.get(..at).and_then(|s| s.chars().last());
        let after = note.get(at + word.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn every_word_typed_and_confirmed_is_in_the_note(
        section in 0usize..QUESTIONS.len(),
        lines in prop::collection::vec(line(), 1..4),
        sep in prop_oneof![Just(" | "), Just(", "), Just("; "), Just(" - ")],
        replies in prop::collection::vec(prop::collection::vec(word(), 1..4), 6),
    ) {
        let q = &QUESTIONS[section];
        let day = Day::parse("2026-01-17").unwrap();
        let mut note = career_index::render(day, "2026 Goals", LinkFormat::Wikilink);
        let labels: Vec<&str> = for_section(q.section).unwrap().fields.iter().map(|f| f.label).collect();
        let mut typed = Vec::new();
        let mut text = Vec::new();
        for l in &lines {
            let (t, words) = render(l, &labels, if q.shape == Shape::Fields { ", " } else { sep });
            text.push(t);
            typed.extend(words);
        }
        let answer = text.join("\n");
        let mut session = start("i.md", &note, &[q.section.to_string()], day, "t").unwrap();
        let mut replies = replies.into_iter();
        let mut action = Action::Answer { text: answer.clone() };
        for i in 0..40 {
            let result = step(&session, &action, &note, &format!("t{i}")).unwrap();
            if let Some(new) = result.write {
                note = new;
            }
            session = result.session;
            action = match prompt(&session, &note).unwrap() {
                Prompt::Done { .. } => break,
                Prompt::Confirm { .. } => Action::Confirm,
                Prompt::FollowUp { .. } | Prompt::Deepen { .. } => {
                    let reply = replies.next().unwrap_or_default();
                    typed.extend(reply.clone());
                    Action::Answer { text: reply.join(" ") }
                }
                Prompt::Question { .. } | Prompt::Entry { .. } | Prompt::EditEntry { .. } => {
                    panic!("asked again after {answer:?}")
                }
            };
        }
        for w in &typed {
            prop_assert!(has_word(&note, w), "{w:?} from {answer:?} ({}) is lost:\n{note}", q.section);
        }
    }
}

/// Runs `session` to its end on `note`: confirming, skipping what it asks.
fn finish(mut session: Session, note: &mut String) {
    for i in 0..60 {
        let action = match prompt(&session, note).unwrap() {
            Prompt::Done { .. } => return,
            Prompt::Confirm { .. } => Action::Confirm,
            _ => Action::Skip,
        };
        let result = step(&session, &action, note, &format!("f{i}")).unwrap();
        if let Some(new) = result.write {
            *note = new;
        }
        session = result.session;
    }
    panic!("the session did not end");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn every_word_of_an_entry_edit_is_in_the_note_and_no_entry_comes_or_goes(
        pick in 0usize..100,
        first in prop::collection::vec(word(), 1..5),
        edit in line(),
        sep in prop_oneof![Just(" | "), Just(", "), Just("; "), Just(" - ")],
    ) {
        let walked: Vec<_> = QUESTIONS
            .iter()
            .filter(|q| matches!(q.shape, Shape::Entries | Shape::Items))
            .collect();
        let q = walked[pick % walked.len()];
        let day = Day::parse("2026-01-17").unwrap();
        let mut note = career_index::render(day, "2026 Goals", LinkFormat::Wikilink);
        // An entry to edit, written the usual way.
        let session = start("i.md", &note, &[q.section.to_string()], day, "t").unwrap();
        let result = step(&session, &Action::Answer { text: first.join(" | ") }, &note, "t").unwrap();
        finish(result.session, &mut note);
        let before = walk::entries(&note, q.section);
        prop_assert!(!before.is_empty(), "{} has an entry:\n{note}", q.section);

        let session = start("i.md", &note, &[q.section.to_string()], day, "t").unwrap();
        let labels = match prompt(&session, &note).unwrap() {
            Prompt::Entry { entry, .. } => entry.entry.labels.clone(),
            other => panic!("the walk offers the entry first, not {other:?}"),
        };
        let session = step(&session, &Action::Edit, &note, "t").unwrap().session;
        let editing = matches!(prompt(&session, &note).unwrap(), Prompt::EditEntry { .. });
        prop_assert!(editing, "edit asks for the new values");
        let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
        let (answer, typed) = render(&edit, &label_refs, sep);
        let session = step(&session, &Action::Answer { text: answer.clone() }, &note, "t").unwrap().session;
        let confirming = matches!(prompt(&session, &note).unwrap(), Prompt::Confirm { .. });
        prop_assert!(confirming, "the new values are read back before they are written");
        let result = step(&session, &Action::Confirm, &note, "t").unwrap();
        if let Some(new) = result.write {
            note = new;
        }
        finish(result.session, &mut note);
        for w in &typed {
            prop_assert!(has_word(&note, w), "{w:?} from the edit {answer:?} ({}) is lost:\n{note}", q.section);
        }
        prop_assert_eq!(walk::entries(&note, q.section).len(), before.len(), "an edit changes one entry:\n{}", note);
    }
}
