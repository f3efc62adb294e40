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

#[path = "../../crates/core/tests/common/packed_reader.rs"]
mod packed_reader;

use career_core::coach::session::{start, step, Action, Session};
use career_core::note::{outline, packed};
use career_core::ops::{run, Operation};
use career_core::Day;
use libfuzzer_sys::fuzz_target;

fn crosses(session: &Session) {
    let json = serde_json::to_string(session).expect("a session serialises");
    let back: Session = serde_json::from_str(&json).expect("a session reads back");
    assert_eq!(&back, session);
}

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

    let full = outline(text);
    let p = packed::pack(&full);
    let read = packed_reader::read(&p.numbers, &p.strings);
    assert_eq!(
        read,
        Some(serde_json::to_value(&full).expect("an outline serialises"))
    );

    let today = Day::parse("2026-03-06").expect("a valid day");
    if let Ok(mut session) = start("Career/0_Career_Index.md", text, &[], today, "t0") {
        crosses(&session);
        let mut note = text.to_string();
        for &byte in head.iter().skip(1) {
            let Ok(stepped) = step(&session, &action(byte), &note, "t1") else {
                continue;
            };
            crosses(&stepped.session);
            if let Some(write) = stepped.write {
                note = write;
            }
            session = stepped.session;
        }
    }

    let pick = head.first().copied().unwrap_or(0) as usize;
    let Some(section) = full.sections.get(pick % full.sections.len().max(1)) else {
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
        let Ok(outcome) = run(text, &op) else {
            continue;
        };
        let mut edits = outcome.edits.clone();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        let mut out = String::new();
        let mut at = 0;
        for e in &edits {
            assert!(e.span.start >= at && e.span.end <= text.len());
            assert_eq!(
                text.get(e.span.start..e.span.end),
                Some(e.expected.as_str())
            );
            out.push_str(&text[at..e.span.start]);
            out.push_str(&e.new_text);
            at = e.span.end;
        }
        out.push_str(&text[at..]);
        if let Some(new) = outcome.text {
            assert_eq!(out, new);
        }
    }
});
