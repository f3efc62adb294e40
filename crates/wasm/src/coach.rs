//! The coaching exports: `coachStart`, `coachPrompt` and `coachStep` on a
//! session passed in whole, and the same on sessions kept in the module
//! between calls, which the plugin uses.
//!
//! A coaching session is a few kilobytes of plain data that every coaching
//! call takes and `coachStart` and `coachStep` give back. Passed as a JS
//! object, it crossed the boundary twice a call: `JSON.stringify` and
//! serde_json on the way in, one JS object per field on the way out. On a
//! 30 KB Career Index that was half of `coachPrompt` and most of what
//! `coachStart` cost over the core.
//!
//! Here a session the module made (or was handed once) stays in the module
//! under a number, and the calls take that number. It goes out once, as JSON
//! text, which `JSON.parse` turns into objects faster than one crossing per
//! field. The plugin's wrapper (`plugin/src/core/kept-sessions.ts`) maps
//! each session object it hands out to its number, and hands out only frozen
//! objects, so the kept copy is always the one the plugin holds.
//!
//! Only the last [`CAPACITY`] sessions are kept. A number that is no longer
//! kept gives `undefined`, never another session, and the wrapper then hands
//! the session over again with `coachKeep`.

use std::cell::RefCell;
use std::rc::Rc;

use career_core::coach::session::{self, Action, Session};
use career_core::edit::TextEdit;
use career_core::{CoreError, Day, ErrorCode};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::exports::with_text;
use crate::{input, input_with_texts, on_note, required, respond};

/// How many sessions are kept: the one in use, the one a step replaced, and
/// room for a preview and a session read back from `data.json`.
const CAPACITY: usize = 8;

#[derive(Default)]
struct Kept {
    next: u32,
    sessions: Vec<(u32, Session)>,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// Keeps `session` (dropping the oldest when full) and gives its number.
fn keep(session: Session) -> u32 {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        kept.next = kept.next.wrapping_add(1);
        let id = kept.next;
        if kept.sessions.len() >= CAPACITY {
            kept.sessions.remove(0);
        }
        kept.sessions.push((id, session));
        id
    })
}

/// `f` on the session kept under `id`, or `None` when it is not kept.
fn with_kept<R>(id: u32, f: impl FnOnce(&Session) -> R) -> Option<R> {
    KEPT.with(|kept| {
        let kept = kept.borrow();
        kept.sessions
            .iter()
            .find(|(kept_id, _)| *kept_id == id)
            .map(|(_, session)| f(session))
    })
}

/// Input of `coachStart`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CoachStartInput {
    note_path: String,
    #[serde(skip)]
    note: Rc<String>,
    #[serde(default)]
    sections: Vec<String>,
    /// The 1-based line of an entry to open for editing (a finding's entry).
    #[serde(default)]
    entry: Option<usize>,
    today: String,
    at: String,
}

/// Input of `coachPrompt` and `coachStep`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CoachInput {
    session: Session,
    #[serde(skip)]
    note: Rc<String>,
    #[serde(default)]
    action: Option<Action>,
    #[serde(default)]
    at: String,
}

/// Starts a coaching session on the Career Index.
#[wasm_bindgen(js_name = coachStart, unchecked_return_type = "CoreResult<CoachSession>")]
pub fn coach_start(
    #[wasm_bindgen(unchecked_param_type = "CoachStartInput")] value: JsValue,
) -> JsValue {
    respond(start(value))
}

/// The session `coachStart`'s input asks for.
fn start(value: JsValue) -> Result<Session, CoreError> {
    let i = with_text::<CoachStartInput>(value, "note", |i, note| i.note = note)?;
    session::start_at(
        &i.note_path,
        &i.note,
        &i.sections,
        i.entry,
        Day::parse(&i.today)?,
        &i.at,
    )
}

/// What to show now.
#[wasm_bindgen(js_name = coachPrompt, unchecked_return_type = "CoreResult<CoachPrompt>")]
pub fn coach_prompt(
    #[wasm_bindgen(unchecked_param_type = "CoachInput")] value: JsValue,
) -> JsValue {
    respond(
        with_text::<CoachInput>(value, "note", |i, note| i.note = note)
            .and_then(|i| session::prompt(&i.session, &i.note)),
    )
}

/// Applies an action; write `value.write` (if any) before saving `value.session`.
#[wasm_bindgen(js_name = coachStep, unchecked_return_type = "CoreResult<CoachStep>")]
pub fn coach_step(#[wasm_bindgen(unchecked_param_type = "CoachInput")] value: JsValue) -> JsValue {
    respond(
        with_text::<CoachInput>(value, "note", |i, note| i.note = note).and_then(|i| {
            let action = i.action.ok_or_else(|| {
                career_core::CoreError::new(
                    career_core::ErrorCode::InvalidInput,
                    "coachStep needs an action.",
                )
            })?;
            session::step(&i.session, &action, &i.note, &i.at)
        }),
    )
}

/// A session kept in the module: its number, and the session as JSON text.
#[derive(Serialize)]
struct KeptSession {
    id: u32,
    session: String,
}

/// A step whose new session is kept: [`session::Step`] with the session as
/// JSON text and its number.
#[derive(Serialize)]
struct KeptStep {
    id: u32,
    session: String,
    write: Option<String>,
    edits: Vec<TextEdit>,
}

fn kept(session: Session) -> Result<KeptSession, CoreError> {
    let json = to_json(&session)?;
    Ok(KeptSession {
        id: keep(session),
        session: json,
    })
}

fn to_json(session: &Session) -> Result<String, CoreError> {
    serde_json::to_string(session).map_err(|err| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!("The session could not be returned: {err}."),
        )
    })
}

/// `coachStart`, with the session kept: its number and its JSON text.
#[wasm_bindgen(js_name = coachStartKept, unchecked_return_type = "CoreResult<KeptSession>")]
pub fn coach_start_kept(
    #[wasm_bindgen(unchecked_param_type = "CoachStartInput")] value: JsValue,
) -> JsValue {
    respond(start(value).and_then(kept))
}

/// Keeps a session the module did not make (one read from `data.json`, or
/// changed by the plugin): its number.
#[wasm_bindgen(js_name = coachKeep, unchecked_return_type = "CoreResult<number>")]
pub fn coach_keep(
    #[wasm_bindgen(unchecked_param_type = "CoachSession")] value: JsValue,
) -> JsValue {
    respond(input::<Session>(value).map(keep))
}

/// `coachPrompt` on the session kept under `id`; `undefined` when it is no
/// longer kept.
#[wasm_bindgen(js_name = coachPromptKept, unchecked_return_type = "CoreResult<CoachPrompt> | undefined")]
pub fn coach_prompt_kept(id: u32, note: JsValue) -> JsValue {
    on_note(&note, |note| {
        with_kept(id, |s| respond(session::prompt(s, note))).unwrap_or(JsValue::UNDEFINED)
    })
}

/// Input of `coachStepKept`: `coachStep`'s without the session.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StepInput {
    #[serde(default)]
    action: Option<Action>,
    #[serde(default)]
    at: String,
}

/// `coachStep` on the session kept under `id`, with the new session kept;
/// `undefined` when `id` is no longer kept.
#[wasm_bindgen(js_name = coachStepKept, unchecked_return_type = "CoreResult<KeptStep> | undefined")]
pub fn coach_step_kept(
    id: u32,
    #[wasm_bindgen(unchecked_param_type = "KeptStepInput")] value: JsValue,
) -> JsValue {
    let read = input_with_texts::<StepInput, 1>(value, ["note"]).and_then(|(i, [note])| {
        let action = i
            .action
            .ok_or_else(|| CoreError::new(ErrorCode::InvalidInput, "coachStep needs an action."))?;
        Ok((action, i.at, required(note, "note")?))
    });
    let (action, at, note) = match read {
        Ok(read) => read,
        Err(err) => return respond::<()>(Err(err)),
    };
    let Some(stepped) = with_kept(id, |s| session::step(s, &action, &note, &at)) else {
        return JsValue::UNDEFINED;
    };
    respond(stepped.and_then(|step| {
        let json = to_json(&step.session)?;
        Ok(KeptStep {
            id: keep(step.session),
            session: json,
            write: step.write,
            edits: step.edits,
        })
    }))
}
