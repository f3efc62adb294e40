//! The exported functions, one per core operation.

use career_core::ops::{self, Operation};
use career_core::templates::{self, links::LinkFormat, plan::NoteKind};
use career_core::{CoreResult, Day, Settings};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::{input, respond};

/// Input shared by operations that depend on settings and the date.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DatedInput {
    #[serde(default)]
    settings: Settings,
    today: String,
}

impl DatedInput {
    fn day(&self) -> CoreResult<Day> {
        Day::parse(&self.today)
    }
}

/// The core's version.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    career_core::VERSION.to_string()
}

/// Every note path for the given settings and day.
#[wasm_bindgen(js_name = notePaths, unchecked_return_type = "CoreResult<NotePaths>")]
pub fn note_paths(#[wasm_bindgen(unchecked_param_type = "DatedInput")] value: JsValue) -> JsValue {
    respond(input::<DatedInput>(value).and_then(|input| input.settings.note_paths(input.day()?)))
}

/// Every section, table, task and link of a note, with byte spans.
#[wasm_bindgen(unchecked_return_type = "CoreResult<NoteOutline>")]
pub fn outline(text: &str) -> JsValue {
    respond(Ok(career_core::note::outline(text)))
}

/// Applies one edit operation to a note's text; `value.text` is `null` when
/// nothing changes (skip the write).
#[wasm_bindgen(js_name = applyOperation, unchecked_return_type = "CoreResult<Outcome>")]
pub fn apply_operation(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Operation")] op: JsValue,
) -> JsValue {
    respond(input::<Operation>(op).and_then(|op| ops::run(text, &op)))
}

/// Input of `planNote`: which note, the settings and day, and its current text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PlanInput {
    kind: NoteKind,
    #[serde(default)]
    settings: Settings,
    today: String,
    #[serde(default)]
    link_format: LinkFormat,
    /// The note's current text, or `null` when it does not exist.
    existing: Option<String>,
}

/// Plans creating or upgrading a Career Coach note (the plugin previews an
/// upgrade, and writes only after the user confirms).
#[wasm_bindgen(js_name = planNote, unchecked_return_type = "CoreResult<NotePlan>")]
pub fn plan_note(#[wasm_bindgen(unchecked_param_type = "PlanInput")] value: JsValue) -> JsValue {
    respond(input::<PlanInput>(value).and_then(|input| {
        let today = Day::parse(&input.today)?;
        templates::plan::plan_note(
            input.kind,
            &input.settings,
            today,
            input.link_format,
            input.existing.as_deref(),
        )
    }))
}
