//! The WASM boundary's own forms on fuzzed notes (issue 19, "Bad input and
//! safety"): what crosses between the module and the plugin loses nothing.
//!
//! Input layout: the first byte picks a section (by index) and the next few
//! pick coaching actions; the rest, decoded lossily as UTF-8, is the note.
//!
//! Checked for every input:
//! - `packed::pack(&outline(note))` (what `outlinePacked` returns), read back
//!   by `crates/core/tests/common/packed_reader.rs`, equals the outline's JSON;
//! - every session a start or a step makes (kept in the module, it crosses to
//!   the plugin as JSON and back through `coachKeep`) reads back equal;
//! - the edits a section operation returns (all `applyOperation` returns),
//!   applied in span order, give the core's text, each over its pre-image.

#![no_main]

#[path = "../../crates/core/tests/common/boundary_checks.rs"]
mod boundary_checks;
#[path = "../../crates/core/tests/common/packed_reader.rs"]
mod packed_reader;

use boundary_checks::{crosses, edits_give_the_text, packs_losslessly};
use career_core::coach::session::{start, step, Action};
use career_core::ops::Operation;
use career_core::Day;
use libfuzzer_sys::fuzz_target;

fn action(byte: u8) -> Action {
    match byte % 8 {
        0 => Action::Answer {
            text: "Staff engineer at Acme; - Ana | sponsor".into(),
        },
        1 => Action::Answer {
            text: String::new(),
        },
        2 => Action::Confirm,
        3 => Action::Skip,
        4 => Action::Back,
        5 => Action::Edit,
        6 => Action::Thread {
            text: "ask Ana".into(),
        },
        _ => Action::Decide {
            what: "no reorg".into(),
            why: "focus".into(),
        },
    }
}

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(5));
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();

    packs_losslessly(text).unwrap_or_else(|why| panic!("{why}"));

    let today = Day::parse("2026-03-06").expect("a valid day");
    if let Ok(mut session) = start("Career/0_Career_Index.md", text, &[], today, "t0") {
        crosses(&session).unwrap_or_else(|why| panic!("{why}"));
        let mut note = text.to_string();
        for &byte in head.iter().skip(1) {
            let Ok(stepped) = step(&session, &action(byte), &note, "t1") else {
                continue;
            };
            crosses(&stepped.session).unwrap_or_else(|why| panic!("{why}"));
            if let Some(write) = stepped.write {
                note = write;
            }
            session = stepped.session;
        }
    }

    let pick = head.first().copied().unwrap_or(0) as usize;
    let sections = career_core::note::outline::sections(text);
    let Some(section) = sections.get(pick % sections.len().max(1)) else {
        return;
    };
    for op in [
        Operation::SectionSet {
            section: section.path.clone(),
            body: "new body\n".into(),
        },
        Operation::TaskAdd {
            section: section.path.clone(),
            text: "call Ana".into(),
        },
    ] {
        edits_give_the_text(text, &op).unwrap_or_else(|why| panic!("{why}"));
    }
});
