//! A note's text, read from a JS string into Rust.
//!
//! wasm-bindgen's glue copies a string into WebAssembly memory one UTF-16
//! unit at a time in JavaScript until the first non-ASCII character, and
//! only then hands the rest to `TextEncoder.encodeInto`. Most notes are
//! ASCII for long stretches, so that loop was most of the cost of passing a
//! note in (about 4.5 ns a character in Node, against 0.2 for `encodeInto`).
//! Here the whole string goes through `encodeInto`, straight into a buffer
//! the core then owns.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextEncoder` (every runtime Obsidian runs on has one).
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    /// Writes `source` as UTF-8 into `dest` (a view of WebAssembly memory).
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, source: &js_sys::JsString, dest: &mut [u8]) -> Written;

    /// `encodeInto`'s result.
    type Written;

    #[wasm_bindgen(method, getter)]
    fn written(this: &Written) -> f64;
}

thread_local! {
    static ENCODER: Utf8Encoder = Utf8Encoder::new();
}

/// The text of `value` when it is a JS string. A lone surrogate becomes
/// U+FFFD, as `TextEncoder` (and wasm-bindgen's own glue) encode it.
pub(crate) fn text_of(value: &JsValue) -> Option<String> {
    let string = value.dyn_ref::<js_sys::JsString>()?;
    // At most 3 UTF-8 bytes per UTF-16 unit.
    let mut bytes = vec![0u8; (string.length() as usize).saturating_mul(3)];
    let written = ENCODER.with(|encoder| encoder.encode_into(string, &mut bytes).written());
    bytes.truncate(written as usize);
    String::from_utf8(bytes).ok()
}
