//! `applyOperation`'s operation, read field by field from the JS object.
//!
//! An operation is small and has a fixed shape. Reading it through
//! `JSON.stringify` and serde_json (an internally tagged enum, which serde
//! buffers whole before it picks the variant) cost a few µs a call: most of
//! the fixed cost of a section set on a small note. Here each field is read
//! straight from the object, with serde's rules kept: the same defaults, and
//! an unknown field, a missing one or a wrong type is `invalid_input`. A
//! test holds this reader equal to serde_json's on valid and broken
//! operations alike.

use std::collections::BTreeMap;

use career_core::ops::{Operation, RowRef};
use career_core::periods::Period;
use serde::de::IntoDeserializer;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::keys::{get, is_key};
use crate::text;

/// The operation names, as serde lists them in its errors.
const VARIANTS: &str = "`section-set`, `section-append`, `section-insert`, `table-add-row`, \
`table-update-row`, `table-remove-row`, `task-add`, `task-toggle`, `frontmatter-set`, \
`frontmatter-add`, `goal-status`, `goal-action`, `note-template`";

/// Reads an operation; the error says why it was not understood.
pub(crate) fn read(value: &JsValue) -> Result<Operation, String> {
    // `typeof` rather than `instanceof Object`: one check fewer across the
    // boundary, and an object from another realm or without a prototype reads
    // as JSON would read it.
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err("expected an operation object".into());
    }
    let object = value.unchecked_ref::<js_sys::Object>();
    let tag = get(object, "op");
    if tag.is_undefined() {
        return Err("missing field `op`".into());
    }
    let tag = tag.as_string().ok_or("`op` must be a string")?;
    let f = Fields(object);
    let op = match tag.as_str() {
        "section-set" => {
            f.only(&["section", "body"])?;
            Operation::SectionSet {
                section: f.string("section")?,
                body: f.string("body")?,
            }
        }
        "section-append" => {
            f.only(&["section", "text", "position"])?;
            Operation::SectionAppend {
                section: f.string("section")?,
                text: f.string("text")?,
                position: f.unit_or_default("position")?,
            }
        }
        "section-insert" => {
            f.only(&["heading", "level", "body", "before", "after"])?;
            Operation::SectionInsert {
                heading: f.string("heading")?,
                level: f.optional("level", |v| f.integer("level", v, u8::MAX.into()))?,
                body: f.string_or_default("body")?,
                before: f.optional("before", |v| f.as_string("before", v))?,
                after: f.optional("after", |v| f.as_string("after", v))?,
            }
        }
        "table-add-row" => {
            f.only(&["section", "table", "cells"])?;
            Operation::TableAddRow {
                section: f.string("section")?,
                table: f.index_or_zero("table")?,
                cells: f.required("cells", |v| f.strings("cells", v))?,
            }
        }
        "table-update-row" => {
            f.only(&["section", "table", "row", "cells", "set"])?;
            Operation::TableUpdateRow {
                section: f.string("section")?,
                table: f.index_or_zero("table")?,
                row: f.required("row", |v| f.row(v))?,
                cells: f
                    .present("cells", |v| f.optional_strings("cells", v))?
                    .unwrap_or_default(),
                set: f.present("set", |v| f.map("set", v))?.unwrap_or_default(),
            }
        }
        "table-remove-row" => {
            f.only(&["section", "table", "row"])?;
            Operation::TableRemoveRow {
                section: f.string("section")?,
                table: f.index_or_zero("table")?,
                row: f.required("row", |v| f.row(v))?,
            }
        }
        "task-add" => {
            f.only(&["section", "text"])?;
            Operation::TaskAdd {
                section: f.string("section")?,
                text: f.string("text")?,
            }
        }
        "task-toggle" => {
            f.only(&["line", "today"])?;
            Operation::TaskToggle {
                line: f.required("line", |v| f.integer("line", v, u32::MAX.into()))?,
                today: f.optional("today", |v| f.as_string("today", v))?,
            }
        }
        "frontmatter-set" | "frontmatter-add" => {
            f.only(&["key", "value"])?;
            let (key, value) = (f.string("key")?, f.string("value")?);
            if tag == "frontmatter-set" {
                Operation::FrontmatterSet { key, value }
            } else {
                Operation::FrontmatterAdd { key, value }
            }
        }
        "goal-status" => {
            f.only(&["goal", "status"])?;
            Operation::GoalStatus {
                goal: f.string("goal")?,
                status: f.string("status")?,
            }
        }
        "goal-action" => {
            f.only(&["week", "text", "goal"])?;
            Operation::GoalAction {
                week: Period::parse(&f.string("week")?).map_err(|e| e.message)?,
                text: f.string("text")?,
                goal: f.optional("goal", |v| f.as_string("goal", v))?,
            }
        }
        "note-template" => {
            f.only(&["kind", "today", "linkFormat"])?;
            Operation::NoteTemplate {
                kind: f.required("kind", |v| f.unit("kind", v))?,
                today: f.string("today")?,
                link_format: f.unit_or_default("linkFormat")?,
            }
        }
        other => {
            return Err(format!(
                "unknown variant `{other}`, expected one of {VARIANTS}"
            ))
        }
    };
    Ok(op)
}

/// The operation object's fields. A field set to `undefined` is absent, as
/// `JSON.stringify` leaves it out.
struct Fields<'a>(&'a js_sys::Object);

impl Fields<'_> {
    /// Refuses a field the operation does not have. Names are compared as
    /// JS strings, so a known field costs no copy into WebAssembly memory.
    fn only(&self, names: &[&'static str]) -> Result<(), String> {
        for name in js_sys::Object::keys(self.0).iter() {
            if is_key(&name, "op") || names.iter().any(|known| is_key(&name, known)) {
                continue;
            }
            if js_sys::Reflect::get(self.0, &name)
                .unwrap_or(JsValue::UNDEFINED)
                .is_undefined()
            {
                continue;
            }
            let expected: Vec<String> = names.iter().map(|k| format!("`{k}`")).collect();
            return Err(format!(
                "unknown field `{}`, expected one of {}",
                name.as_string().unwrap_or_default(),
                expected.join(", ")
            ));
        }
        Ok(())
    }

    /// A field that must be there.
    fn required<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(JsValue) -> Result<T, String>,
    ) -> Result<T, String> {
        let value = get(self.0, name);
        if value.is_undefined() {
            return Err(format!("missing field `{name}`"));
        }
        read(value)
    }

    /// A field with a default: `None` when absent (`null` is read, and refused
    /// by a reader that wants something else, as serde refuses it).
    fn present<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(JsValue) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        let value = get(self.0, name);
        if value.is_undefined() {
            return Ok(None);
        }
        read(value).map(Some)
    }

    /// An optional field: `None` when absent or `null`.
    fn optional<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(JsValue) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        let value = get(self.0, name);
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        read(value).map(Some)
    }

    fn string(&self, name: &'static str) -> Result<String, String> {
        self.required(name, |v| self.as_string(name, v))
    }

    fn string_or_default(&self, name: &'static str) -> Result<String, String> {
        Ok(self
            .present(name, |v| self.as_string(name, v))?
            .unwrap_or_default())
    }

    fn index_or_zero(&self, name: &'static str) -> Result<usize, String> {
        Ok(self
            .present(name, |v| self.integer(name, v, u32::MAX.into()))?
            .unwrap_or(0))
    }

    /// A unit enum named by a string (`position`, `kind`, `linkFormat`), by
    /// its own serde names.
    fn unit<T: for<'de> Deserialize<'de>>(&self, name: &str, value: JsValue) -> Result<T, String> {
        let text = self.as_string(name, value)?;
        let reader: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            text.as_str().into_deserializer();
        T::deserialize(reader).map_err(|e| format!("`{name}`: {e}"))
    }

    fn unit_or_default<T: for<'de> Deserialize<'de> + Default>(
        &self,
        name: &'static str,
    ) -> Result<T, String> {
        Ok(self
            .present(name, |v| self.unit(name, v))?
            .unwrap_or_default())
    }

    fn as_string(&self, name: &str, value: JsValue) -> Result<String, String> {
        text::string_of(&value).ok_or_else(|| format!("`{name}` must be a string"))
    }

    /// A whole number from 0 to `max`.
    fn integer<T: TryFrom<u64>>(&self, name: &str, value: JsValue, max: u64) -> Result<T, String> {
        let wrong = || format!("`{name}` must be a whole number from 0 to {max}");
        let number = value.as_f64().ok_or_else(wrong)?;
        if !(number.fract() == 0.0 && number >= 0.0 && number <= max as f64) {
            return Err(wrong());
        }
        T::try_from(number as u64).map_err(|_| wrong())
    }

    fn row(&self, value: JsValue) -> Result<RowRef, String> {
        if value.as_f64().is_some() {
            return self
                .integer("row", value, u32::MAX.into())
                .map(RowRef::Index);
        }
        text::string_of(&value)
            .map(RowRef::Key)
            .ok_or_else(|| "`row` must be a row's 0-based index or its first cell".into())
    }

    fn array(&self, name: &str, value: JsValue) -> Result<js_sys::Array, String> {
        value
            .dyn_into::<js_sys::Array>()
            .map_err(|_| format!("`{name}` must be a list"))
    }

    fn strings(&self, name: &str, value: JsValue) -> Result<Vec<String>, String> {
        let list = self.array(name, value)?;
        list.iter()
            .map(|item| self.as_string(name, item))
            .collect::<Result<_, _>>()
            .map_err(|_| format!("`{name}` must be a list of strings"))
    }

    fn optional_strings(&self, name: &str, value: JsValue) -> Result<Vec<Option<String>>, String> {
        let list = self.array(name, value)?;
        list.iter()
            .map(|item| {
                if item.is_null() || item.is_undefined() {
                    Ok(None)
                } else {
                    text::string_of(&item).map(Some).ok_or(())
                }
            })
            .collect::<Result<_, _>>()
            .map_err(|_| format!("`{name}` must be a list of strings or nulls"))
    }

    fn map(&self, name: &str, value: JsValue) -> Result<BTreeMap<String, String>, String> {
        let wrong = || format!("`{name}` must map column names to strings");
        let object = value
            .dyn_ref::<js_sys::Object>()
            .filter(|_| !js_sys::Array::is_array(&value))
            .ok_or_else(wrong)?;
        let mut map = BTreeMap::new();
        for name in js_sys::Object::keys(object).iter() {
            let Some(column) = name.as_string() else {
                continue;
            };
            let cell = js_sys::Reflect::get(object, &name).unwrap_or(JsValue::UNDEFINED);
            if cell.is_undefined() {
                continue;
            }
            map.insert(column, text::string_of(&cell).ok_or_else(wrong)?);
        }
        Ok(map)
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! serde_json's reading of `Operation` (the CLI's, and this module's
    //! before) is the reference: the same operations read, the same refused.
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )]

    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Every operation, most with every optional field, some with none.
    const VALID: &[&str] = &[
        r#"{"op":"section-set","section":"Vision","body":"Lead a team.\n"}"#,
        r#"{"op":"section-set","section":"Wins & Artifacts/2026","body":""}"#,
        r#"{"op":"section-append","section":"Growth","text":"- Rust"}"#,
        r#"{"op":"section-append","section":"Growth","text":"x","position":"before-subsections"}"#,
        r#"{"op":"section-append","section":"Growth","text":"x","position":"end"}"#,
        r#"{"op":"section-insert","heading":"Mentors"}"#,
        r#"{"op":"section-insert","heading":"Mentors","level":3,"body":"b","before":"Network","after":null}"#,
        r#"{"op":"section-insert","heading":"M","level":null,"after":"Growth"}"#,
        r#"{"op":"table-add-row","section":"Timeline","cells":["2026","Lead","Acme"]}"#,
        r#"{"op":"table-add-row","section":"Timeline","table":2,"cells":[]}"#,
        r#"{"op":"table-update-row","section":"Timeline","row":0,"cells":["a",null,"c"]}"#,
        r#"{"op":"table-update-row","section":"Timeline","table":1,"row":"2026","set":{"Role":"Lead","Notes":""}}"#,
        r#"{"op":"table-update-row","section":"T","row":"[[Ana]]"}"#,
        r#"{"op":"table-remove-row","section":"Timeline","row":3}"#,
        r#"{"op":"table-remove-row","section":"Timeline","table":0,"row":"Acme"}"#,
        r#"{"op":"task-add","section":"Open Tasks","text":"Call Ana 📅 2026-12-10"}"#,
        r#"{"op":"task-toggle","line":12}"#,
        r#"{"op":"task-toggle","line":1,"today":"2026-12-06"}"#,
        r#"{"op":"task-toggle","line":1,"today":null}"#,
        r#"{"op":"frontmatter-set","key":"status","value":"active"}"#,
        r#"{"op":"frontmatter-add","key":"tags","value":"career"}"#,
        r#"{"op":"goal-status","goal":"G1","status":"At risk"}"#,
        r#"{"op":"goal-action","week":"2026-W49","text":"Draft the talk"}"#,
        r#"{"op":"goal-action","week":"2026-W49","text":"Draft","goal":"G2"}"#,
        r#"{"op":"goal-action","week":"2026-W49","text":"Draft","goal":null}"#,
        r#"{"op":"note-template","kind":"career-index","today":"2026-12-06"}"#,
        r#"{"op":"note-template","kind":"profile","today":"2026-12-06","linkFormat":"markdown"}"#,
        r#"{"op":"note-template","kind":"methodology","today":"2026-12-06","linkFormat":"wikilink"}"#,
    ];

    /// Operations serde refuses, one fault each.
    const INVALID: &[&str] = &[
        r#"{"section":"Vision","body":"x"}"#,
        r#"{"op":"section-sets","section":"Vision","body":"x"}"#,
        r#"{"op":3}"#,
        r#"{"op":"section-set","section":"Vision"}"#,
        r#"{"op":"section-set","section":"Vision","body":"x","extra":1}"#,
        r#"{"op":"section-set","section":"Vision","body":7}"#,
        r#"{"op":"section-set","section":null,"body":"x"}"#,
        r#"{"op":"section-append","section":"G","text":"x","position":"middle"}"#,
        r#"{"op":"section-append","section":"G","text":"x","position":null}"#,
        r#"{"op":"section-insert","heading":"M","level":300}"#,
        r#"{"op":"section-insert","heading":"M","level":-1}"#,
        r#"{"op":"section-insert","heading":"M","level":2.5}"#,
        r#"{"op":"section-insert","heading":"M","body":null}"#,
        r#"{"op":"section-insert","heading":"M","before":4}"#,
        r#"{"op":"table-add-row","section":"T"}"#,
        r#"{"op":"table-add-row","section":"T","cells":"a|b"}"#,
        r#"{"op":"table-add-row","section":"T","cells":["a",2]}"#,
        r#"{"op":"table-add-row","section":"T","cells":["a",null]}"#,
        r#"{"op":"table-add-row","section":"T","table":-1,"cells":[]}"#,
        r#"{"op":"table-add-row","section":"T","table":"0","cells":[]}"#,
        r#"{"op":"table-add-row","section":"T","table":null,"cells":[]}"#,
        r#"{"op":"table-update-row","section":"T"}"#,
        r#"{"op":"table-update-row","section":"T","row":1.5}"#,
        r#"{"op":"table-update-row","section":"T","row":true}"#,
        r#"{"op":"table-update-row","section":"T","row":0,"cells":[1]}"#,
        r#"{"op":"table-update-row","section":"T","row":0,"set":{"Role":1}}"#,
        r#"{"op":"table-update-row","section":"T","row":0,"set":["Role"]}"#,
        r#"{"op":"table-update-row","section":"T","row":0,"set":null}"#,
        r#"{"op":"table-remove-row","section":"T","row":null}"#,
        r#"{"op":"task-add","section":"O"}"#,
        r#"{"op":"task-toggle"}"#,
        r#"{"op":"task-toggle","line":"3"}"#,
        r#"{"op":"task-toggle","line":3,"today":5}"#,
        r#"{"op":"frontmatter-set","key":"k"}"#,
        r#"{"op":"frontmatter-add","key":"k","value":["a"]}"#,
        r#"{"op":"goal-status","goal":"G1"}"#,
        r#"{"op":"goal-action","week":"2026-13","text":"x"}"#,
        r#"{"op":"goal-action","week":"someday","text":"x"}"#,
        r#"{"op":"goal-action","week":"2026-W49"}"#,
        r#"{"op":"note-template","kind":"diary","today":"2026-12-06"}"#,
        r#"{"op":"note-template","today":"2026-12-06"}"#,
        r#"{"op":"note-template","kind":"profile","today":"2026-12-06","link_format":"markdown"}"#,
        r#"{"op":"note-template","kind":"profile","today":"2026-12-06","linkFormat":"html"}"#,
        r#"["section-set"]"#,
        r#""section-set""#,
        r#"null"#,
    ];

    fn js(json: &str) -> JsValue {
        js_sys::JSON::parse(json).expect("test input is valid JSON")
    }

    fn serde_reads(json: &str) -> Option<Operation> {
        serde_json::from_str(json).ok()
    }

    /// The name `op` takes for each operation: a new operation fails to
    /// compile here until it is read above and listed in `VALID`.
    fn name(op: &Operation) -> &'static str {
        match op {
            Operation::SectionSet { .. } => "section-set",
            Operation::SectionAppend { .. } => "section-append",
            Operation::SectionInsert { .. } => "section-insert",
            Operation::TableAddRow { .. } => "table-add-row",
            Operation::TableUpdateRow { .. } => "table-update-row",
            Operation::TableRemoveRow { .. } => "table-remove-row",
            Operation::TaskAdd { .. } => "task-add",
            Operation::TaskToggle { .. } => "task-toggle",
            Operation::FrontmatterSet { .. } => "frontmatter-set",
            Operation::FrontmatterAdd { .. } => "frontmatter-add",
            Operation::GoalStatus { .. } => "goal-status",
            Operation::GoalAction { .. } => "goal-action",
            Operation::NoteTemplate { .. } => "note-template",
        }
    }

    #[wasm_bindgen_test]
    fn every_operation_reads_as_serde_reads_it() {
        let mut names = std::collections::BTreeSet::new();
        for json in VALID {
            let expected = serde_reads(json).unwrap_or_else(|| panic!("serde refuses {json}"));
            assert_eq!(read(&js(json)), Ok(expected.clone()), "{json}");
            names.insert(name(&expected));
        }
        assert_eq!(names.len(), VARIANTS.matches('`').count() / 2, "{names:?}");
    }

    #[wasm_bindgen_test]
    fn what_serde_refuses_is_refused_and_said_why() {
        for json in INVALID {
            assert_eq!(serde_reads(json), None, "serde reads {json}");
            let why = read(&js(json)).expect_err(json);
            assert!(!why.is_empty(), "{json}");
        }
        let why = read(&js(
            r#"{"op":"section-set","section":"V","body":"x","bdoy":"y"}"#,
        ));
        assert_eq!(
            why,
            Err("unknown field `bdoy`, expected one of `section`, `body`".into())
        );
        assert_eq!(
            read(&js(r#"{"op":"task-add","section":"Open Tasks"}"#)),
            Err("missing field `text`".into())
        );
    }

    #[wasm_bindgen_test]
    fn an_undefined_field_is_absent_as_json_leaves_it_out() {
        let op = js(r#"{"op":"section-append","section":"G","text":"x"}"#);
        for key in ["position", "whatever"] {
            js_sys::Reflect::set(&op, &key.into(), &JsValue::UNDEFINED).unwrap();
        }
        assert_eq!(
            read(&op),
            Ok(serde_reads(r#"{"op":"section-append","section":"G","text":"x"}"#).unwrap())
        );
    }

    /// Each valid operation with one field dropped, retyped or added: both
    /// readers agree on whether it is an operation, and on which.
    #[wasm_bindgen_test]
    fn altered_operations_are_read_alike() {
        let replacements = [
            "null",
            "0",
            "7",
            "-2",
            "1.5",
            "\"\"",
            "\"x\"",
            "\"end\"",
            "\"2026-W01\"",
            "true",
            "[]",
            "[\"a\"]",
            "[null]",
            "{}",
            "{\"a\":\"b\"}",
        ];
        let mut checked = 0;
        for json in VALID {
            let serde_json::Value::Object(fields) = serde_json::from_str(json).unwrap() else {
                unreachable!()
            };
            let mut variants = Vec::new();
            for key in fields.keys() {
                let mut dropped = fields.clone();
                dropped.remove(key);
                variants.push(dropped);
                for replacement in replacements {
                    let mut changed = fields.clone();
                    changed.insert(key.clone(), serde_json::from_str(replacement).unwrap());
                    variants.push(changed);
                }
            }
            for extra in [
                "level", "row", "table", "cells", "today", "goal", "body", "zzz",
            ] {
                let mut added = fields.clone();
                added.insert(extra.into(), serde_json::from_str("1").unwrap());
                variants.push(added);
            }
            for variant in variants {
                let json = serde_json::to_string(&variant).unwrap();
                assert_eq!(read(&js(&json)).ok(), serde_reads(&json), "{json}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
