//! Boundary probes, built only with the `boundary-probe` feature (never in
//! the shipped module): `scripts/bench-boundary.mjs` times them beside the
//! real exports to split a call into the core's own work and the crossing.
//!
//! Each probe runs one part of an export through the export's own code
//! (`on_note`, `operation::read`, `ops::run`), or runs the core in a loop
//! inside the module, where nothing crosses. Native code runs the same core
//! (`npm run bench`), so the core's speed in WebAssembly and the cost of the
//! boundary can be told apart.

use career_core::coach::session;
use career_core::ops::{self, Operation};
use career_core::Day;
use wasm_bindgen::prelude::*;

use crate::{on_note, operation, text};

/// Reads a note as every export reads it; its length in bytes.
#[wasm_bindgen(js_name = probeNoteIn)]
pub fn probe_note_in(text: JsValue) -> JsValue {
    on_note(&text, |text| JsValue::from(text.len()))
}

/// Reads an operation as `applyOperation` reads it; whether it was understood.
#[wasm_bindgen(js_name = probeOperationIn)]
pub fn probe_operation_in(op: JsValue) -> bool {
    operation::read(&op).is_ok()
}

/// `applyOperation` up to its result: the number of edits, not the edits.
#[wasm_bindgen(js_name = probeApplyWithoutResult)]
pub fn probe_apply_without_result(text: JsValue, op: JsValue) -> JsValue {
    let Ok(op) = operation::read(&op) else {
        return JsValue::NULL;
    };
    on_note(&text, |text| match ops::run(text, &op) {
        Ok(outcome) => JsValue::from(outcome.edits.len()),
        Err(_) => JsValue::NULL,
    })
}

/// `passes` section-sets of `body` over `[text, section]` pairs, inside the
/// module; how many succeeded. With `passes` 0 it only reads the pairs, so
/// the difference between two calls is the core's time alone.
#[wasm_bindgen(js_name = probeSectionSetInModule)]
pub fn probe_section_set_in_module(pairs: JsValue, body: &str, passes: u32) -> u32 {
    let work: Vec<(String, Operation)> = text::pairs_of(&pairs)
        .unwrap_or_default()
        .into_iter()
        .map(|(text, section)| {
            let body = body.to_owned();
            (text, Operation::SectionSet { section, body })
        })
        .collect();
    let mut done = 0;
    for _ in 0..passes {
        for (text, op) in &work {
            if std::hint::black_box(ops::run(std::hint::black_box(text), op)).is_ok() {
                done += 1;
            }
        }
    }
    done
}

/// `passes` starts of a coaching session on `text`, inside the module, as
/// `coachStart` starts one; how many succeeded (0 passes: only the reading).
#[wasm_bindgen(js_name = probeCoachStartInModule)]
pub fn probe_coach_start_in_module(
    note_path: &str,
    text: &str,
    today: &str,
    at: &str,
    passes: u32,
) -> u32 {
    let Ok(today) = Day::parse(today) else {
        return 0;
    };
    let mut done = 0;
    for _ in 0..passes {
        let started =
            session::start_at(note_path, std::hint::black_box(text), &[], None, today, at);
        if std::hint::black_box(started).is_ok() {
            done += 1;
        }
    }
    done
}
