//! A note's text, read from a JS string into Rust.
//!
//! wasm-bindgen's glue copies a string into WebAssembly memory one UTF-16
//! unit at a time in JavaScript until the first non-ASCII character, and
//! only then hands the rest to `TextEncoder.encodeInto`. Most notes are
//! ASCII for long stretches, so that loop was most of the cost of passing a
//! note in (about 4.5 ns a character in Node, against 0.2 for `encodeInto`).
//! Here the whole string goes through `encodeInto`, straight into a buffer
//! the core then owns.
//!
//! A command makes several calls on one note (its outline, then an edit; a
//! coaching prompt, then the step), and each used to copy and check the
//! whole note again: about 20 µs for a 30 KB note in Node 20. The last long
//! text read stays here, with the JS string it came from; a call whose text
//! is that same string (`===`, which compares the characters when the
//! strings are not the same object) reads it from here instead. Only equal
//! text is ever reused, so a changed note is always read afresh.

use std::cell::RefCell;
use std::rc::Rc;

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
    /// The last long text read, and the JS string it was read from.
    static RESIDENT: RefCell<Option<(JsValue, Rc<String>)>> = const { RefCell::new(None) };
}

/// Texts shorter than this (in UTF-16 units) are read every time: copying
/// them costs less than keeping them.
const KEEP_FROM: u32 = 2048;

/// `answer` given the text of `value` when it is a JS string, `None` when
/// it is not. A lone surrogate becomes U+FFFD, as `TextEncoder` (and
/// wasm-bindgen's own glue) encode it.
pub(crate) fn with_text<R>(value: &JsValue, answer: impl FnOnce(&str) -> R) -> Option<R> {
    let string = value.dyn_ref::<js_sys::JsString>()?;
    if string.length() < KEEP_FROM {
        return encode(string).map(|text| answer(&text));
    }
    let kept = RESIDENT.with(|resident| {
        let resident = resident.try_borrow().ok()?;
        let (source, text) = resident.as_ref()?;
        (source == value).then(|| Rc::clone(text))
    });
    let text = match kept {
        Some(text) => text,
        None => {
            let text = Rc::new(encode(string)?);
            RESIDENT.with(|resident| {
                if let Ok(mut resident) = resident.try_borrow_mut() {
                    *resident = Some((value.clone(), Rc::clone(&text)));
                }
            });
            text
        }
    };
    Some(answer(&text))
}

/// The text of `value` when it is a JS string, as [`with_text`] reads it.
pub(crate) fn text_of(value: &JsValue) -> Option<String> {
    with_text(value, str::to_owned)
}

/// Copies a JS string into WebAssembly memory as UTF-8.
fn encode(string: &js_sys::JsString) -> Option<String> {
    // At most 3 UTF-8 bytes per UTF-16 unit.
    let mut bytes = vec![0u8; (string.length() as usize).saturating_mul(3)];
    let written = ENCODER.with(|encoder| encoder.encode_into(string, &mut bytes).written());
    bytes.truncate(written as usize);
    String::from_utf8(bytes).ok()
}
