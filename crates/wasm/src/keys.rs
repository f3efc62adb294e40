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

/// `name` as a JS string, decoded on its first use only.
pub(crate) fn key(name: &'static str) -> JsValue {
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some((_, value)) = keys.iter().find(|(known, _)| *known == name) {
            return value.clone();
        }
        let value = JsValue::from_str(name);
        keys.push((name, value.clone()));
        value
    })
}

/// `object[name]`, `undefined` when absent (or when the getter throws).
pub(crate) fn get(object: &js_sys::Object, name: &'static str) -> JsValue {
    js_sys::Reflect::get(object, &key(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets `object[name]`, on a fresh plain object of the glue's own (which
/// cannot fail).
pub(crate) fn set(object: &js_sys::Object, name: &'static str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key(name), value);
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
        assert_eq!(key("section").as_string().unwrap(), "section");
        assert_eq!(get(&object, "section").as_string().unwrap(), "Vision");
        assert!(get(&object, "body").is_undefined());
        assert_eq!(key("body").as_string().unwrap(), "body");
        assert_eq!(key("section").as_string().unwrap(), "section");
    }
}
