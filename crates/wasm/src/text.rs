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
    /// Where texts are encoded, kept between calls: a new buffer would be
    /// zeroed first, three bytes for every UTF-16 unit.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
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
        return encoded(string, answer);
    }
    Some(answer(&resident(value, string)?))
}

/// The kept text of a long `string` (`value`), read into the module first
/// unless it is the one kept already.
fn resident(value: &JsValue, string: &js_sys::JsString) -> Option<Rc<String>> {
    let kept = RESIDENT.with(|resident| {
        let resident = resident.try_borrow().ok()?;
        let (source, text) = resident.as_ref()?;
        (source == value).then(|| Rc::clone(text))
    });
    if kept.is_some() {
        return kept;
    }
    let text = Rc::new(encoded(string, str::to_owned)?);
    RESIDENT.with(|resident| {
        if let Ok(mut resident) = resident.try_borrow_mut() {
            *resident = Some((value.clone(), Rc::clone(&text)));
        }
    });
    Some(text)
}

/// The text of a note passed as `value` when it is a JS string, as
/// [`with_text`] reads it: shared with the module's kept copy when long, so
/// an input that holds the note copies nothing more (a 30 KB index was copied
/// twice on its first call and once on every later one).
pub(crate) fn text_of(value: &JsValue) -> Option<Rc<String>> {
    let string = value.dyn_ref::<js_sys::JsString>()?;
    if string.length() < KEEP_FROM {
        return encoded(string, str::to_owned).map(Rc::new);
    }
    resident(value, string)
}

/// A string that is not a note (an operation's field): read as
/// [`text_of`] reads it, without taking the note's place in memory.
pub(crate) fn string_of(value: &JsValue) -> Option<String> {
    encoded(value.dyn_ref::<js_sys::JsString>()?, str::to_owned)
}

/// A list of `[path, text]` pairs (the career folder's notes, session
/// logs), each string read as [`string_of`] reads it; `None` unless `value`
/// is a list of lists of two strings. Nothing is reserved from the list's
/// `length`, which a sparse array can set to anything.
pub(crate) fn pairs_of(value: &JsValue) -> Option<crate::Notes> {
    let list = value.dyn_ref::<js_sys::Array>()?;
    let mut pairs = Vec::new();
    for pair in list.iter() {
        let pair = pair.dyn_ref::<js_sys::Array>()?;
        if pair.length() != 2 {
            return None;
        }
        pairs.push((string_of(&pair.get(0))?, string_of(&pair.get(1))?));
    }
    Some(pairs)
}

/// `answer` given a JS string as UTF-8, encoded into the kept buffer (or a
/// new one, when a caller up the stack is still reading the kept one).
fn encoded<R>(string: &js_sys::JsString, answer: impl FnOnce(&str) -> R) -> Option<R> {
    // At most 3 UTF-8 bytes per UTF-16 unit.
    let room = (string.length() as usize).saturating_mul(3);
    SCRATCH.with(|scratch| {
        let Ok(mut bytes) = scratch.try_borrow_mut() else {
            return encode(string).map(|text| answer(&text));
        };
        if bytes.len() < room {
            bytes.resize(room, 0);
        }
        let room_in = bytes.get_mut(..room)?;
        let written = ENCODER.with(|encoder| encoder.encode_into(string, room_in).written());
        let text = std::str::from_utf8(bytes.get(..written as usize)?).ok()?;
        Some(answer(text))
    })
}

/// Copies a JS string into a new buffer in WebAssembly memory as UTF-8.
fn encode(string: &js_sys::JsString) -> Option<String> {
    // At most 3 UTF-8 bytes per UTF-16 unit.
    let mut bytes = vec![0u8; (string.length() as usize).saturating_mul(3)];
    let written = ENCODER.with(|encoder| encoder.encode_into(string, &mut bytes).written());
    bytes.truncate(written as usize);
    String::from_utf8(bytes).ok()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn resident_is(value: &JsValue) -> bool {
        RESIDENT.with(|r| {
            r.borrow()
                .as_ref()
                .is_some_and(|(source, _)| source == value)
        })
    }

    #[wasm_bindgen_test]
    fn a_long_operation_field_leaves_the_note_in_place() {
        // applyOperation reads its operation, then the note: a long body
        // taking the note's place would make every call copy both again.
        let note = JsValue::from_str(&"note line\n".repeat(500));
        assert_eq!(with_text(&note, str::len), Some(5000));
        assert!(resident_is(&note));
        let body = JsValue::from_str(&"body line\n".repeat(500));
        assert_eq!(string_of(&body).map(|s| s.len()), Some(5000));
        assert!(resident_is(&note));
        assert_eq!(text_of(&body).map(|s| s.len()), Some(5000));
        assert!(resident_is(&body), "a note's text does take the place");
    }

    #[wasm_bindgen_test]
    fn an_input_holding_the_kept_note_shares_it() {
        // coachStart and blindSpots keep the note in their input: the kept
        // text itself, not a copy of it on every call.
        let note = JsValue::from_str(&"## Vision\n\nA line.\n".repeat(200));
        let first = text_of(&note).unwrap();
        let again = text_of(&note).unwrap();
        assert!(Rc::ptr_eq(&first, &again));
        assert_eq!(with_text(&note, str::len), Some(first.len()));
        // A short text is read afresh, and a changed note is never the kept one.
        let short = JsValue::from_str("## Vision");
        assert!(!Rc::ptr_eq(
            &text_of(&short).unwrap(),
            &text_of(&short).unwrap()
        ));
        let changed = JsValue::from_str(&"## Vision\n\nA line!\n".repeat(200));
        assert!(!text_of(&changed).unwrap().contains("A line.\n"));
    }
}
