//! Exports for coaching the profile (Phase 1): the questions with what the
//! profile holds now, reading an answer, and the edits that write it.

use career_core::templates::profile_coach::{self, ProfileReading};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{input, on_note, respond};

/// A profile question with the profile's current value.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionView {
    #[serde(flatten)]
    question: profile_coach::ProfileQuestion,
    /// What the profile says now (`null`: only the template's prompt).
    current: Option<String>,
}

/// The profile questions in order, each with its current value; refused
/// (`section_not_found`) when the profile has no User Preferences.
#[wasm_bindgen(
    js_name = profileQuestions,
    unchecked_return_type = "CoreResult<ProfileQuestion[]>"
)]
pub fn profile_questions(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> JsValue {
    on_note(&text, |text| {
        respond(
            profile_coach::QUESTIONS
                .iter()
                .map(|q| {
                    Ok(QuestionView {
                        question: *q,
                        current: profile_coach::current(text, q.id)?,
                    })
                })
                .collect::<Result<Vec<_>, career_core::CoreError>>(),
        )
    })
}

/// Input of `profileRead`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadInput {
    id: String,
    answer: String,
}

/// Reads an answer into its read-back.
#[wasm_bindgen(js_name = profileRead, unchecked_return_type = "CoreResult<ProfileReading>")]
pub fn profile_read(
    #[wasm_bindgen(unchecked_param_type = "ProfileReadInput")] value: JsValue,
) -> JsValue {
    respond(input::<ReadInput>(value).and_then(|i| profile_coach::read(&i.id, &i.answer)))
}

/// Input of `profileWrite`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WriteInput {
    text: String,
    reading: ProfileReading,
}

/// The edits that write a confirmed reading into the profile.
#[wasm_bindgen(js_name = profileWrite, unchecked_return_type = "CoreResult<Outcome>")]
pub fn profile_write(
    #[wasm_bindgen(unchecked_param_type = "ProfileWriteInput")] value: JsValue,
) -> JsValue {
    respond(input::<WriteInput>(value).and_then(|i| profile_coach::write(&i.text, &i.reading)))
}
