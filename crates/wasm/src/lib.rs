//! WebAssembly bindings for `career-core`.
//!
//! Glue only. Every export has the same shape: deserialize one input object,
//! call the core, serialize the result into `{ ok: true, value }` or
//! `{ ok: false, error: { code, message } }`. Nothing here throws for bad
//! input and nothing panics: a trap would kill the instance, so the core's
//! errors travel as data. The TypeScript types below are the contract the
//! plugin compiles against.

use career_core::{CoreError, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod exports;

pub use exports::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export type ErrorCode = string;
export interface CoreError { code: ErrorCode; message: string }
export type CoreResult<T> = { ok: true; value: T } | { ok: false; error: CoreError };
export interface Settings {
  careerFolder: string;
  careerIndexName: string;
  goalsNamePattern: string;
  sessionLogNamePattern: string;
  profileFile: string;
}
export interface DatedInput { settings?: Partial<Settings>; today: string }
export interface NotePaths { goalsName: string; careerIndex: string; goals: string; sessionLog: string; profile: string }
export interface NewNote { path: string; text: string }
"#;

/// Turns a JS options object into an input struct, or an `invalid_input` error.
///
/// Options go through `JSON.stringify` and serde_json rather than
/// serde-wasm-bindgen, because the latter reads only the declared keys and so
/// cannot report a misspelt one (`deny_unknown_fields` never fires). Options
/// are small; note text travels as a separate string argument.
pub(crate) fn input<T: DeserializeOwned>(value: JsValue) -> Result<T, CoreError> {
    let invalid = |why: String| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!("The input was not understood: {why}."),
        )
    };
    let json = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| invalid("expected an object".into()))?;
    serde_json::from_str(&json).map_err(|err| invalid(err.to_string()))
}

#[derive(Serialize)]
#[serde(untagged)]
enum Envelope<'a, T: Serialize> {
    Ok { ok: bool, value: &'a T },
    Err { ok: bool, error: &'a CoreError },
}

/// The one place results become JS values.
pub(crate) fn respond<T: Serialize>(result: Result<T, CoreError>) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    let envelope = match &result {
        Ok(value) => Envelope::Ok { ok: true, value },
        Err(error) => Envelope::Err { ok: false, error },
    };
    envelope.serialize(&serializer).unwrap_or_else(|err| {
        // Serialising plain data cannot fail in practice; if it ever does, say so as data.
        let fallback = CoreError::new(
            ErrorCode::InvalidInput,
            format!("The result could not be returned: {err}."),
        );
        let envelope: Envelope<'_, ()> = Envelope::Err {
            ok: false,
            error: &fallback,
        };
        envelope.serialize(&serializer).unwrap_or(JsValue::NULL)
    })
}
