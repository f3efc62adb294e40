//! The exported functions, one per core operation.

use career_core::templates::career_index;
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

/// The Career Index note to create, with its path.
#[wasm_bindgen(js_name = renderCareerIndex, unchecked_return_type = "CoreResult<NewNote>")]
pub fn render_career_index(
    #[wasm_bindgen(unchecked_param_type = "DatedInput")] value: JsValue,
) -> JsValue {
    respond(
        input::<DatedInput>(value)
            .and_then(|input| career_index::new_note(&input.settings, input.day()?)),
    )
}
