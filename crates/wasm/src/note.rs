//! The calls on one note's text that a command makes most: its outline and
//! an edit operation. Both cross the boundary on every command, so both
//! answer in the smallest form the shell can use (see the core's `note/packed.rs`).

use career_core::ops;
use wasm_bindgen::prelude::*;

use crate::keys::set;
use crate::{not_understood, on_note, respond};

/// Every section, table, task and link of a note, with byte spans, packed
/// into one `Uint32Array` and one string (the core's `note/packed.rs`): what the plugin
/// reads, lazily, instead of thousands of JS objects built field by field.
#[wasm_bindgen(js_name = outlinePacked, unchecked_return_type = "CoreResult<PackedOutline>")]
pub fn outline_packed(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsValue {
    on_note(&text, |text| {
        let packed = career_core::note::packed::pack(&career_core::note::outline(text));
        let value = js_sys::Object::new();
        let numbers = js_sys::Uint32Array::from(packed.numbers.as_slice());
        set(&value, "numbers", &numbers);
        // As UTF-8 bytes: the reader decodes a part's strings when that part is read.
        let strings = js_sys::Uint8Array::from(packed.strings.as_bytes());
        set(&value, "strings", &strings);
        let envelope = js_sys::Object::new();
        set(&envelope, "ok", &JsValue::TRUE);
        set(&envelope, "value", &value);
        envelope.into()
    })
}

/// What `applyOperation` returns: only the edits, byte spans of the text
/// passed in with their pre-images, in the order they apply; never the whole
/// new note, which would cross the boundary for nothing (the shell applies spans).
#[derive(serde::Serialize)]
struct OperationEdits {
    /// Empty when nothing changes (skip the write).
    edits: Vec<career_core::edit::TextEdit>,
}

/// Applies one edit operation to a note's text: the edits to make, none when
/// nothing changes.
#[wasm_bindgen(js_name = applyOperation, unchecked_return_type = "CoreResult<OperationEdits>")]
pub fn apply_operation(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Operation")] op: JsValue,
) -> JsValue {
    let op = match crate::operation::read(&op) {
        Ok(op) => op,
        Err(why) => return respond::<()>(Err(not_understood(why))),
    };
    on_note(&text, |text| {
        respond(ops::run(text, &op).map(|outcome| {
            let mut edits = match outcome.text {
                Some(_) => outcome.edits,
                None => Vec::new(),
            };
            // In the order they apply (the core's own order: stable, by span).
            career_core::order::sort_by_key(&mut edits, |e| (e.span.start, e.span.end));
            OperationEdits { edits }
        }))
    })
}
