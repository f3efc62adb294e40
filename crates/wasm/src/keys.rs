//! Property names as JS strings, made once.
//!
//! `JsValue::from_str` decodes its bytes with the glue's `TextDecoder`, a
//! few hundred nanoseconds even for `"ok"`. The glue names the same few
//! properties on every call (an operation's fields, a result's envelope), so
//! each name is made into a JS string once and kept, as serde-wasm-bindgen
//! already does for the names of the structs it serialises.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

thread_local! {
    /// Every name asked for so far: a few dozen at most, all `'static`.
    static KEYS: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `answer` given `name` as a JS string, decoded on its first use only and
/// lent from the cache after that: a clone of a `JsValue` takes a slot in the
/// glue's table of JS values and gives it back when dropped, work an
/// operation's reader did several times a call.
pub(crate) fn with_key<R>(name: &'static str, answer: impl FnOnce(&JsValue) -> R) -> R {
    KEYS.with(|keys| {
        if let Ok(keys) = keys.try_borrow() {
            if let Some((_, value)) = keys.iter().find(|(known, _)| *known == name) {
                return answer(value);
            }
        }
        let value = JsValue::from_str(name);
        let answer = answer(&value);
        if let Ok(mut keys) = keys.try_borrow_mut() {
            keys.push((name, value));
        }
        answer
    })
}

/// Whether `value` is the JS string `name` (compared in JS, without a copy).
pub(crate) fn is_key(value: &JsValue, name: &'static str) -> bool {
    with_key(name, |key| key == value)
}

/// `object[name]`, `undefined` when absent (or when the getter throws).
pub(crate) fn get(object: &js_sys::Object, name: &'static str) -> JsValue {
    with_key(name, |key| js_sys::Reflect::get(object, key)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets `object[name]`, on a fresh plain object of the glue's own (which
/// cannot fail).
pub(crate) fn set(object: &js_sys::Object, name: &'static str, value: &JsValue) {
    let _ = with_key(name, |key| js_sys::Reflect::set(object, key, value));
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_name_is_the_same_js_string_every_time() {
        let object = js_sys::Object::new();
        set(&object, "section", &JsValue::from_str("Vision"));
        assert_eq!(with_key("section", JsValue::as_string).unwrap(), "section");
        assert_eq!(get(&object, "section").as_string().unwrap(), "Vision");
        assert!(get(&object, "body").is_undefined());
        assert_eq!(with_key("body", JsValue::as_string).unwrap(), "body");
        assert_eq!(with_key("section", JsValue::as_string).unwrap(), "section");
        assert!(is_key(&JsValue::from_str("body"), "body"));
        assert!(!is_key(&JsValue::from_str("bod"), "body"));
        assert!(!is_key(&JsValue::from_f64(1.0), "body"));
    }
}
