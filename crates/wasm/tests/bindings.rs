//! The bindings as JavaScript sees them, run under Node by wasm-bindgen-test.
//!
//! These check the calling convention itself: one object in, one
//! `{ ok, value | error }` object out, and bad input answered as data with a
//! stable code instead of a throw or a trap.
#![cfg(target_arch = "wasm32")]
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn parse(json: &str) -> JsValue {
    JSON::parse(json).expect("test input is valid JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("object property")
}

/// The string table of an `outlinePacked` result, which crosses as UTF-8 bytes.
fn packed_strings(result: &JsValue) -> String {
    let bytes = js_sys::Uint8Array::new(&get(&get(result, "value"), "strings")).to_vec();
    String::from_utf8(bytes).unwrap()
}

fn string_at(value: &JsValue, path: &[&str]) -> String {
    let mut current = value.clone();
    for key in path {
        current = get(&current, key);
    }
    current
        .as_string()
        .unwrap_or_else(|| format!("<not a string at {path:?}>"))
}

#[wasm_bindgen_test]
fn note_paths_answers_with_a_plain_object() {
    let result = career_wasm::note_paths(parse(r#"{"today":"2026-01-17"}"#));
    assert!(result.is_object() && !Object::is_frozen(&Object::from(result.clone())));
    assert_eq!(get(&result, "ok"), JsValue::TRUE, "should succeed");
    assert_eq!(
        string_at(&result, &["value", "careerIndex"]),
        "Career/0_Career_Index.md"
    );
    assert_eq!(
        string_at(&result, &["value", "goals"]),
        "Career/2026 Goals.md"
    );
}

#[wasm_bindgen_test]
fn a_settings_path_that_leaves_the_vault_is_an_error_value_naming_it() {
    let inside = career_wasm::confine_path(parse(
        r#"{"what":"Periodic Notes' weekly folder","path":"/Journal//Weekly/"}"#,
    ));
    assert_eq!(get(&inside, "ok"), JsValue::TRUE);
    assert_eq!(string_at(&inside, &["value"]), "Journal/Weekly");
    let outside = career_wasm::confine_path(parse(
        r#"{"what":"Periodic Notes' weekly folder","path":"../outside"}"#,
    ));
    assert_eq!(get(&outside, "ok"), JsValue::FALSE);
    assert_eq!(
        string_at(&outside, &["error", "code"]),
        "path_outside_vault"
    );
    assert!(string_at(&outside, &["error", "message"]).contains("weekly folder"));
}

#[wasm_bindgen_test]
fn partial_settings_keep_the_other_defaults() {
    let result = career_wasm::note_paths(parse(
        r#"{"today":"2026-01-17","settings":{"careerFolder":"Areas/Work"}}"#,
    ));
    assert_eq!(
        string_at(&result, &["value", "careerIndex"]),
        "Areas/Work/0_Career_Index.md"
    );
}

#[wasm_bindgen_test]
fn a_bad_date_is_an_error_value_with_a_stable_code() {
    let result = career_wasm::plan_note(parse(
        r#"{"kind":"career-index","today":"2026-02-30","existing":null}"#,
    ));
    assert_eq!(get(&result, "ok"), JsValue::FALSE);
    assert_eq!(string_at(&result, &["error", "code"]), "invalid_date");
    assert!(string_at(&result, &["error", "message"]).contains("2026-02-30"));
}

#[wasm_bindgen_test]
fn options_outside_ascii_are_read_as_written() {
    // Options cross as JSON through `TextEncoder.encodeInto`: every
    // character must arrive as written.
    let result = career_wasm::note_paths(parse(
        r#"{"today":"2026-01-17","settings":{"careerFolder":"Travail/Zürich 🎯"}}"#,
    ));
    assert_eq!(
        string_at(&result, &["value", "careerIndex"]),
        "Travail/Zürich 🎯/0_Career_Index.md"
    );
}

#[wasm_bindgen_test]
fn malformed_input_is_reported_not_thrown() {
    for input in [
        // `JSON.stringify` gives no string for these.
        JsValue::UNDEFINED,
        JsValue::symbol(Some("options")),
        JsValue::NULL,
        JsValue::from_f64(3.0),
        parse(r#"{"today":"2026-01-17","surprise":1}"#),
    ] {
        let shown = format!("{input:?}");
        let result = career_wasm::note_paths(input);
        assert_eq!(
            get(&result, "ok"),
            JsValue::FALSE,
            "should refuse {shown}: {result:?}"
        );
        assert_eq!(string_at(&result, &["error", "code"]), "invalid_input");
    }
}

#[wasm_bindgen_test]
fn a_missing_career_index_is_planned_as_a_create_with_its_full_text() {
    let result = career_wasm::plan_note(parse(
        r#"{"kind":"career-index","today":"2026-01-17","existing":null}"#,
    ));
    assert_eq!(string_at(&result, &["value", "action"]), "create");
    assert_eq!(
        string_at(&result, &["value", "path"]),
        "Career/0_Career_Index.md"
    );
    let text = string_at(&result, &["value", "text"]);
    assert!(text.starts_with("---\ntype: career-index\n"));
    assert!(text.contains("\n## Risk Register\n"));
}

#[wasm_bindgen_test]
fn an_existing_note_is_planned_as_an_upgrade_with_a_preview() {
    let result = career_wasm::plan_note(parse(
        r###"{"kind":"career-index","today":"2026-01-17","existing":"## Vision\n\nCTO\n\n## Open Tasks\n"}"###,
    ));
    assert_eq!(string_at(&result, &["value", "action"]), "upgrade");
    let additions = get(&get(&result, "value"), "additions");
    assert!(
        js_sys::Array::from(&additions).length() > 0,
        "the preview lists what is added"
    );
    let unchanged = career_wasm::plan_note(parse(
        r#"{"kind":"profile","today":"2026-01-17","existing":"x","linkFormat":"nope"}"#,
    ));
    assert_eq!(
        string_at(&unchanged, &["error", "code"]),
        "invalid_input",
        "an unknown link format is refused"
    );
}

#[wasm_bindgen_test]
fn a_session_log_is_rendered_and_its_threads_found_and_carried() {
    let log = career_wasm::session_log(parse(
        r#"{"today":"2026-01-17","focus":"Buildout","threads":["Draft the thesis"],"taken":["2026-01-17 Career Coaching Session"]}"#,
    ));
    assert_eq!(
        string_at(&log, &["value", "name"]),
        "2026-01-17 Career Coaching Session 2",
        "a same-day log gets a distinct name"
    );
    assert_eq!(
        string_at(&log, &["value", "path"]),
        "Career/2026-01-17 Career Coaching Session 2.md"
    );
    let text = string_at(&log, &["value", "text"]);
    let logs = js_sys::Array::of1(&js_sys::Array::of2(
        &JsValue::from_str("Career/x.md"),
        &JsValue::from_str(&text),
    ));
    let input = Object::new();
    Reflect::set(&input, &JsValue::from_str("logs"), &logs).unwrap();
    let threads = career_wasm::open_threads(input.into());
    let first = js_sys::Array::from(&get(&threads, "value")).get(0);
    assert_eq!(string_at(&first, &["text"]), "Draft the thesis");
    let line = get(&first, "line");
    let dispose = Object::new();
    Reflect::set(&dispose, &JsValue::from_str("line"), &line).unwrap();
    Reflect::set(
        &dispose,
        &JsValue::from_str("disposition"),
        &JsValue::from_str("carry"),
    )
    .unwrap();
    let carried = career_wasm::dispose_thread(JsValue::from_str(&text), dispose.into());
    assert!(string_at(&carried, &["value", "text"]).contains("- [>] Draft the thesis"));
}

#[wasm_bindgen_test]
fn a_note_text_read_directly_is_still_checked_like_any_input() {
    // coachStart, coachPrompt, coachStep, blindSpots, planNote and landEdits
    // read their note texts as strings, outside JSON: a missing or non-string
    // text, a misspelt key or a non-object is refused as data all the same.
    let start = |json: &str| career_wasm::coach_start(parse(json));
    let ok = start(
        r##"{"notePath":"Career/0_Career_Index.md","note":"# Career\n\n## Vision\n","today":"2026-01-17","at":"t"}"##,
    );
    assert_eq!(get(&ok, "ok"), JsValue::TRUE, "{ok:?}");
    for (bad, why) in [
        (
            r#"{"notePath":"x.md","today":"2026-01-17","at":"t"}"#,
            "missing field `note`",
        ),
        (
            r#"{"notePath":"x.md","note":5,"today":"2026-01-17","at":"t"}"#,
            "`note` must be a string",
        ),
        (
            r#"{"notePath":"x.md","note":"","today":"2026-01-17","at":"t","nope":1}"#,
            "unknown field `nope`",
        ),
    ] {
        let result = start(bad);
        assert_eq!(get(&result, "ok"), JsValue::FALSE, "{bad}");
        assert_eq!(string_at(&result, &["error", "code"]), "invalid_input");
        assert!(
            string_at(&result, &["error", "message"]).contains(why),
            "{bad}: {result:?}"
        );
    }
    let refused = career_wasm::blind_spots(JsValue::from_str("not an object"));
    assert_eq!(string_at(&refused, &["error", "code"]), "invalid_input");
    // planNote's `existing` may be null (a note to create) or a string.
    let create = career_wasm::plan_note(parse(
        r#"{"kind":"career-index","today":"2026-01-17","existing":null}"#,
    ));
    assert_eq!(string_at(&create, &["value", "action"]), "create");
    let landed = career_wasm::land_edits(parse(
        r#"{"path":"a.md","before":"x\n","edits":[{"span":{"start":0,"end":1},"new_text":"y","expected":"x"}],"current":"x\n"}"#,
    ));
    assert_eq!(string_at(&landed, &["value"]), "y\n");
}

#[wasm_bindgen_test]
fn a_list_of_notes_read_directly_is_still_checked_like_any_input() {
    // chartScene, dueReviews, nextReview, openThreads, blindSpots, sessionLog
    // and goalsInterviewStart read their lists of [path, text] pairs string
    // by string, outside JSON: the notes arrive as written, and a list of
    // another shape, a required list left out or a misspelt key is refused
    // as data, as serde refused them.
    let log = career_wasm::session_log(parse(
        r#"{"today":"2026-01-17","focus":"Buildout","threads":["Draft the thèse ✨ — \"quoted\" \\ back"]}"#,
    ));
    let text = string_at(&log, &["value", "text"]);
    let pair = |path: &str, text: &str| {
        js_sys::Array::of2(&JsValue::from_str(path), &JsValue::from_str(text)).into()
    };
    let with_logs = |logs: JsValue| {
        let input = Object::new();
        Reflect::set(&input, &JsValue::from_str("logs"), &logs).unwrap();
        career_wasm::open_threads(input.into())
    };
    let threads = with_logs(js_sys::Array::of1(&pair("Career/ü.md", &text)).into());
    let first = js_sys::Array::from(&get(&threads, "value")).get(0);
    assert_eq!(
        string_at(&first, &["text"]),
        "Draft the thèse ✨ — \"quoted\" \\ back"
    );
    assert_eq!(string_at(&first, &["note"]), "Career/ü.md");

    let sparse = js_sys::Array::new_with_length(1_000_000_000);
    for (bad, why) in [
        (JsValue::NULL, "`logs` must be a list of [path, text] pairs"),
        (JsValue::from_str("Career/x.md"), "`logs` must be a list"),
        (
            js_sys::Array::of1(&JsValue::from_str("x")).into(),
            "`logs` must be a list",
        ),
        (
            js_sys::Array::of1(&js_sys::Array::of3(
                &JsValue::from_str("a.md"),
                &JsValue::from_str("text"),
                &JsValue::from_str("extra"),
            ))
            .into(),
            "`logs` must be a list",
        ),
        (
            js_sys::Array::of1(&js_sys::Array::of2(
                &JsValue::from_str("a.md"),
                &JsValue::from_f64(1.0),
            ))
            .into(),
            "`logs` must be a list",
        ),
        (sparse.into(), "`logs` must be a list"),
    ] {
        let result = with_logs(bad);
        assert_eq!(
            string_at(&result, &["error", "code"]),
            "invalid_input",
            "{result:?}"
        );
        assert!(
            string_at(&result, &["error", "message"]).contains(why),
            "{result:?}"
        );
    }
    for (input, why) in [
        (r#"{}"#, "missing field `logs`"),
        (r#"{"logs":[],"log":[]}"#, "unknown field `log`"),
    ] {
        let result = career_wasm::open_threads(parse(input));
        assert!(
            string_at(&result, &["error", "message"]).contains(why),
            "{input}: {result:?}"
        );
    }
    let due = career_wasm::due_reviews(parse(r#"{"today":"2026-01-17"}"#));
    assert!(string_at(&due, &["error", "message"]).contains("missing field `notes`"));
    // Where the list may be left out, it is read as empty.
    let chart =
        career_wasm::chart_scene(parse(r#"{"source":"kind: timeline","today":"2026-01-17"}"#));
    assert_eq!(get(&chart, "ok"), JsValue::TRUE, "{chart:?}");
    let spots = career_wasm::blind_spots(parse(r##"{"index":"# Career\n","today":"2026-01-17"}"##));
    assert_eq!(get(&spots, "ok"), JsValue::TRUE, "{spots:?}");
    let spots = career_wasm::blind_spots(parse(
        r##"{"index":"# Career\n","today":"2026-01-17","logs":[["a.md"]]}"##,
    ));
    assert!(string_at(&spots, &["error", "message"]).contains("`logs` must be a list"));
}

#[wasm_bindgen_test]
fn kept_sessions_refuse_bad_input_as_data_and_say_when_a_session_is_gone() {
    let note = "# Career\n\n## Vision\n";
    let code = |result: &JsValue| string_at(result, &["error", "code"]);
    for bad in [
        r#"{"notePath":"x.md","today":"2026-01-17","at":"t"}"#,
        r#"{"notePath":"x.md","note":5,"today":"2026-01-17","at":"t"}"#,
        r#"{"notePath":"x.md","note":"","today":"2026-01-17","at":"t","nope":1}"#,
        r#"{"notePath":"x.md","note":"","today":"2026-02-30","at":"t"}"#,
    ] {
        let expected = if bad.contains("02-30") {
            "invalid_date"
        } else {
            "invalid_input"
        };
        assert_eq!(
            code(&career_wasm::coach_start_kept(parse(bad))),
            expected,
            "{bad}"
        );
    }
    assert_eq!(
        code(&career_wasm::coach_keep(JsValue::from_str("no"))),
        "invalid_input"
    );
    assert_eq!(
        code(&career_wasm::coach_keep(parse(r#"{"version":1}"#))),
        "invalid_input"
    );
    let started = career_wasm::coach_start_kept(parse(&format!(
        r#"{{"notePath":"Career/0_Career_Index.md","note":{note:?},"today":"2026-01-17","at":"t"}}"#
    )));
    let id = get(&get(&started, "value"), "id").as_f64().unwrap() as u32;
    let prompt = career_wasm::coach_prompt_kept(id, JsValue::from_str(note));
    assert_eq!(get(&prompt, "ok"), JsValue::TRUE, "{prompt:?}");
    assert_eq!(
        code(&career_wasm::coach_prompt_kept(id, JsValue::from_f64(1.0))),
        "invalid_input"
    );
    let step = |json: &str| career_wasm::coach_step_kept(id, parse(json));
    assert_eq!(
        code(&step(&format!(r#"{{"note":{note:?}}}"#))),
        "invalid_input"
    );
    assert_eq!(
        code(&step(&format!(
            r#"{{"note":{note:?},"action":{{"action":"fly"}}}}"#
        ))),
        "invalid_input"
    );
    assert_eq!(
        code(&step(r#"{"action":{"action":"pause"}}"#)),
        "invalid_input"
    );
    let paused = step(&format!(
        r#"{{"note":{note:?},"action":{{"action":"pause"}},"at":"t2"}}"#
    ));
    assert!(
        string_at(&paused, &["value", "session"]).contains(r#""paused":true"#),
        "{paused:?}"
    );
    // A number the module does not keep gives `undefined`, never another session.
    assert!(career_wasm::coach_prompt_kept(u32::MAX, JsValue::from_str(note)).is_undefined());
    assert!(career_wasm::coach_step_kept(
        u32::MAX,
        parse(&format!(
            r#"{{"note":{note:?},"action":{{"action":"pause"}}}}"#
        ))
    )
    .is_undefined());
}

#[wasm_bindgen_test]
fn note_texts_cross_whole_and_a_non_string_is_refused_as_data() {
    // Texts are read with TextEncoder.encodeInto: ASCII runs, multi-byte
    // characters and a lone surrogate (U+FFFD, as wasm-bindgen's glue reads it)
    // must give the same bytes, so the spans the core returns still fit.
    let text = format!(
        "# Café 准备 🎯\n\n{}\n## Next\nbody \u{fffd}\n",
        "ascii line\n".repeat(300)
    );
    let with_surrogate: JsValue =
        js_sys::JsString::from_char_code(&[0x23, 0x20, 0xd800, 0x0a]).into();
    let outline = career_wasm::outline_packed(JsValue::from_str(&text));
    assert_eq!(get(&outline, "ok"), JsValue::TRUE, "{outline:?}");
    let set = career_wasm::apply_operation(
        JsValue::from_str(&text),
        parse(r#"{"op":"section-set","section":"Next","body":"new\n"}"#),
    );
    assert_eq!(get(&set, "ok"), JsValue::TRUE, "{set:?}");
    let edit = get(&get(&get(&set, "value"), "edits"), "0");
    let start = get(&get(&edit, "span"), "start").as_f64().unwrap() as usize;
    let end = get(&get(&edit, "span"), "end").as_f64().unwrap() as usize;
    assert_eq!(
        text.get(start..end),
        get(&edit, "expected").as_string().as_deref(),
        "the span is a span of the UTF-8 text passed in"
    );
    let lone = career_wasm::outline_packed(with_surrogate);
    assert_eq!(get(&lone, "ok"), JsValue::TRUE, "{lone:?}");
    assert!(
        packed_strings(&lone).contains('\u{fffd}'),
        "a lone surrogate reads as U+FFFD"
    );
    for not_text in [JsValue::from_f64(5.0), JsValue::NULL, Object::new().into()] {
        let refused = career_wasm::apply_operation(
            not_text.clone(),
            parse(r#"{"op":"section-set","section":"Next","body":"x"}"#),
        );
        assert_eq!(string_at(&refused, &["error", "code"]), "invalid_input");
        let refused = career_wasm::outline_packed(not_text);
        assert_eq!(string_at(&refused, &["error", "code"]), "invalid_input");
        assert!(string_at(&refused, &["error", "message"]).contains("must be a string"));
    }
}

#[wasm_bindgen_test]
fn a_long_note_read_again_is_read_as_it_is_now() {
    // The last long text stays in WebAssembly memory for the next call on
    // the same note. A note changed in place (same length, one word
    // different), then changed back, must be read as it is at each call.
    let note = |word: &str| {
        format!(
            "# Plan\n{word}\n\n{}## Next\nbody\n",
            "filler line\n".repeat(400)
        )
    };
    let expected_body = |text: &JsValue| {
        let set = career_wasm::apply_operation(
            text.clone(),
            parse(r#"{"op":"section-set","section":"Plan","body":"x\n"}"#),
        );
        string_at(&set, &["value", "edits", "0", "expected"])
    };
    let (old, new) = (note("old"), note("new"));
    let old_js = JsValue::from_str(&old);
    assert!(expected_body(&old_js).starts_with("old\n"));
    assert!(
        expected_body(&old_js).starts_with("old\n"),
        "the same string again"
    );
    assert!(expected_body(&JsValue::from_str(&new)).starts_with("new\n"));
    assert!(
        expected_body(&JsValue::from_str(&old)).starts_with("old\n"),
        "an equal text in another string"
    );
    let text_of_outline =
        |text: &str| packed_strings(&career_wasm::outline_packed(JsValue::from_str(text)));
    assert!(text_of_outline(&old.replace("# Plan", "# Goal")).contains("Goal"));
    assert!(text_of_outline(&old).contains("Plan"));
    let refused = career_wasm::outline_packed(JsValue::from_f64(1.0));
    assert_eq!(string_at(&refused, &["error", "code"]), "invalid_input");
    assert!(
        expected_body(&old_js).starts_with("old\n"),
        "still read after a refusal"
    );
}
