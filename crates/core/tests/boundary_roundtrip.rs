//! Issue 19, "Bad input and safety": the WASM boundary's own forms lose
//! nothing, on generated notes as well as real ones.
//!
//! - The packed outline (`note::packed`, what `outlinePacked` returns) read
//!   back by a second reader of the layout (`common/packed_reader.rs`, as
//!   `plugin/src/core/outline.ts` reads it) equals the outline's JSON.
//! - A coaching session kept in the module crosses to the plugin as JSON
//!   (`coachStartKept`, `coachStepKept`) and comes back through `coachKeep`:
//!   every session a start or a step makes reads back equal.
//! - `applyOperation` returns only the edits, which the shell applies in span
//!   order: they must give exactly the text the core computed.

// Test support: a failed unwrap or panic is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic)]

#[path = "common/boundary_checks.rs"]
mod boundary_checks;
mod common;
#[path = "common/packed_reader.rs"]
mod packed_reader;

use boundary_checks::{crosses, edits_give_the_text, packs_losslessly};
use career_core::coach::session::{start, step, Action};
use career_core::ops::Operation;
use career_core::Day;
use common::{cases, corpus, note};
use proptest::prelude::*;

fn actions() -> impl Strategy<Value = Vec<Action>> {
    let answer = prop::sample::select(vec![
        "Staff engineer at Acme, platform team",
        "- Ana (sponsor) | monthly\n- Ben, mentor",
        "2026: lead the migration; 2027: principal",
        "",
        "Ünïcödé 🚀 answer with a [[link|alias]]",
    ]);
    let action = prop_oneof![
        answer.prop_map(|text| Action::Answer { text: text.into() }),
        Just(Action::Confirm),
        Just(Action::Skip),
        Just(Action::Back),
        Just(Action::Edit),
        Just(Action::Keep),
        Just(Action::Add),
        Just(Action::Pause),
        Just(Action::Resume),
        Just(Action::Remove),
        Just(Action::Thread {
            text: "ask Ana about the budget".into()
        }),
        Just(Action::Decide {
            what: "Say no to the reorg".into(),
            why: "focus".into()
        }),
    ];
    prop::collection::vec(action, 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_packed_outline_reads_back_whole_on_generated_notes(text in note()) {
        packs_losslessly(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_packed_outline_reads_back_whole_on_byte_soup(text in "[#|\\-*>`\\[\\]()!:é🚀\u{feff} a\t\n\r]{0,160}") {
        packs_losslessly(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn sessions_cross_as_json_and_come_back_equal(text in note(), steps in actions()) {
        let today = Day::parse("2026-03-06").unwrap();
        let Ok(mut session) = start("Career/0_Career_Index.md", &text, &[], today, "t0") else {
            return Ok(());
        };
        crosses(&session).map_err(TestCaseError::fail)?;
        let mut note = text;
        for action in steps {
            let Ok(stepped) = step(&session, &action, &note, "t1") else { continue };
            crosses(&stepped.session).map_err(TestCaseError::fail)?;
            if let Some(write) = stepped.write {
                note = write;
            }
            session = stepped.session;
        }
    }

    #[test]
    fn an_operations_edits_alone_give_its_text(text in note(), pick in 0usize..64, body in "[a-z #|\\-\n]{0,40}") {
        let sections = career_core::note::outline::sections(&text);
        let section = sections.get(pick % sections.len().max(1)).map_or("Nowhere".to_string(), |s| s.path.clone());
        for op in [
            Operation::SectionSet { section: section.clone(), body: body.clone() },
            Operation::SectionAppend { section: section.clone(), text: body.clone(), position: Default::default() },
            Operation::TaskAdd { section, text: "call Ana".into() },
        ] {
            edits_give_the_text(&text, &op).map_err(TestCaseError::fail)?;
        }
    }
}

#[test]
fn the_packed_outline_reads_back_whole_on_every_corpus_note() {
    for (path, text) in corpus() {
        packs_losslessly(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
