//! The exported functions, one per core operation.

use std::rc::Rc;

use career_core::ops;
use career_core::templates::{self, links::LinkFormat, plan::NoteKind};
use career_core::{CoreResult, Day, Settings};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::{input, input_taking, input_with_texts, on_note, required, respond, Notes};

/// Input shared by operations that depend on settings and the date.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DatedInput {
    #[serde(default)]
    settings: Settings,
    today: String,
}

impl DatedInput {
    fn day(&self) -> CoreResult<Day> {
        Day::parse(&self.today)
    }
}

/// The core's version.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    career_core::VERSION.to_string()
}

/// Every note path for the given settings and day.
#[wasm_bindgen(js_name = notePaths, unchecked_return_type = "CoreResult<NotePaths>")]
pub fn note_paths(#[wasm_bindgen(unchecked_param_type = "DatedInput")] value: JsValue) -> JsValue {
    respond(input::<DatedInput>(value).and_then(|input| input.settings.note_paths(input.day()?)))
}

/// Input of `confinePath`: a path from a setting, and the setting's name.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConfineInput {
    /// How the person knows the setting, e.g. `Periodic Notes' weekly folder`.
    what: String,
    path: String,
}

/// A path from a setting as a normalised vault path, or `path_outside_vault`
/// (naming the setting) when it would leave the vault.
#[wasm_bindgen(js_name = confinePath, unchecked_return_type = "CoreResult<string>")]
pub fn confine_path(
    #[wasm_bindgen(unchecked_param_type = "ConfineInput")] value: JsValue,
) -> JsValue {
    respond(
        input::<ConfineInput>(value)
            .and_then(|i| career_core::vault_path::confine(&i.what, &i.path)),
    )
}

/// Input of `locateIndex`: the configured path and what the shell found.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LocateIndexInput {
    configured: String,
    configured_exists: bool,
    index_name: String,
    candidates: Vec<career_core::index_location::Candidate>,
}

/// Where the Career Index is when it is not at the configured path (`null`
/// to use the configured path), or `ambiguous_index` listing the candidates.
#[wasm_bindgen(js_name = locateIndex, unchecked_return_type = "CoreResult<string | null>")]
pub fn locate_index(
    #[wasm_bindgen(unchecked_param_type = "LocateIndexInput")] value: JsValue,
) -> JsValue {
    respond(input::<LocateIndexInput>(value).and_then(|i| {
        career_core::index_location::locate_index(
            &i.configured,
            i.configured_exists,
            &i.index_name,
            &i.candidates,
        )
    }))
}

/// Input of `planNote`: which note, the settings and day, and its current text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PlanInput {
    kind: NoteKind,
    #[serde(default)]
    settings: Settings,
    today: String,
    #[serde(default)]
    link_format: LinkFormat,
    // `existing`, the note's current text or `null` when it does not exist,
    // is read by `input_with_texts`.
}

/// Plans creating or upgrading a Career Coach note (the plugin previews an
/// upgrade, and writes only after the user confirms).
#[wasm_bindgen(js_name = planNote, unchecked_return_type = "CoreResult<NotePlan>")]
pub fn plan_note(#[wasm_bindgen(unchecked_param_type = "PlanInput")] value: JsValue) -> JsValue {
    respond(
        input_with_texts::<PlanInput, 1>(value, ["existing"]).and_then(|(input, [existing])| {
            let today = Day::parse(&input.today)?;
            templates::plan::plan_note(
                input.kind,
                &input.settings,
                today,
                input.link_format,
                existing.as_deref().map(String::as_str),
            )
        }),
    )
}

/// An input with one required text field (`name`: the note's text), read by
/// [`input_with_texts`] and put in place by `set`.
pub(crate) fn with_text<T: serde::de::DeserializeOwned>(
    value: JsValue,
    name: &'static str,
    set: impl FnOnce(&mut T, Rc<String>),
) -> CoreResult<T> {
    let (mut parsed, [text]) = input_with_texts::<T, 1>(value, [name])?;
    set(&mut parsed, required(text, name)?);
    Ok(parsed)
}

/// An input with one list of notes (`name`: `[path, text]` pairs), read by
/// [`input_taking`] and put in place by `set`, which says what an absent
/// list means (empty, or refused with [`required`]).
pub(crate) fn with_notes<T: serde::de::DeserializeOwned>(
    value: JsValue,
    name: &'static str,
    set: impl FnOnce(&mut T, Option<Notes>) -> CoreResult<()>,
) -> CoreResult<T> {
    let (mut parsed, [], [notes]) = input_taking::<T, 0, 1>(value, [], [name])?;
    set(&mut parsed, notes)?;
    Ok(parsed)
}

/// Input of `landEdits`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LandInput {
    path: String,
    edits: Vec<career_core::edit::TextEdit>,
}

/// The note's new text: edits computed on the text the person saw, landed on
/// the note as it is at the moment of writing (moved past a change elsewhere;
/// `conflict` when the change is in their lines). Called inside the write.
#[wasm_bindgen(js_name = landEdits, unchecked_return_type = "CoreResult<string>")]
pub fn land_edits(#[wasm_bindgen(unchecked_param_type = "LandInput")] value: JsValue) -> JsValue {
    respond(
        input_with_texts::<LandInput, 2>(value, ["before", "current"]).and_then(
            |(i, [before, current])| {
                let (before, current) =
                    (required(before, "before")?, required(current, "current")?);
                career_core::proposal::land(&i.path, &before, &i.edits, &current)
            },
        ),
    )
}

/// Input of `blindSpots`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BlindSpotInput {
    #[serde(skip)]
    index: Rc<String>,
    #[serde(default)]
    goals: Option<String>,
    /// Session logs as (vault path, text), read by `input_taking`.
    #[serde(skip)]
    logs: Notes,
    today: String,
}

/// The blind spot analysis of the Career Index.
#[wasm_bindgen(js_name = blindSpots, unchecked_return_type = "CoreResult<Finding[]>")]
pub fn blind_spots(
    #[wasm_bindgen(unchecked_param_type = "BlindSpotInput")] value: JsValue,
) -> JsValue {
    respond(
        input_taking::<BlindSpotInput, 1, 1>(value, ["index"], ["logs"]).and_then(|read| {
            let (mut i, [index], [logs]) = read;
            i.index = required(index, "index")?;
            i.logs = logs.unwrap_or_default();
            Ok(career_core::blindspots::analyze(
                &i.index,
                i.goals.as_deref(),
                &i.logs,
                Day::parse(&i.today)?,
            ))
        }),
    )
}

/// Input of `blindSpotNote`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BlindSpotNoteInput {
    findings: Vec<career_core::blindspots::Finding>,
    today: String,
    /// The last saved analysis: (note name, text).
    #[serde(default)]
    previous: Option<(String, String)>,
}

/// The saved analysis note: its name and text.
#[wasm_bindgen(js_name = blindSpotNote, unchecked_return_type = "CoreResult<{ name: string; text: string }>")]
pub fn blind_spot_note(
    #[wasm_bindgen(unchecked_param_type = "BlindSpotNoteInput")] value: JsValue,
) -> JsValue {
    respond(input::<BlindSpotNoteInput>(value).and_then(|i| {
        let today = Day::parse(&i.today)?.iso();
        let previous = i.previous.as_ref().map(|(n, t)| (n.as_str(), t.as_str()));
        let text = career_core::blindspots::note::render(&i.findings, &today, previous);
        Ok(serde_json::json!({ "name": career_core::blindspots::note::name(&today), "text": text }))
    }))
}

/// Input of `planSections`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PlanSectionsInput {
    #[serde(default)]
    settings: Settings,
    today: String,
    #[serde(default)]
    link_format: LinkFormat,
    existing: String,
    sections: Vec<String>,
}

/// Plans adding only some missing Career Index sections (a blind spot's action).
#[wasm_bindgen(js_name = planSections, unchecked_return_type = "CoreResult<NotePlan>")]
pub fn plan_sections(
    #[wasm_bindgen(unchecked_param_type = "PlanSectionsInput")] value: JsValue,
) -> JsValue {
    respond(input::<PlanSectionsInput>(value).and_then(|i| {
        let kinds: Vec<&str> = i.sections.iter().map(String::as_str).collect();
        templates::plan::plan_sections(
            &i.settings,
            Day::parse(&i.today)?,
            i.link_format,
            &i.existing,
            &kinds,
        )
    }))
}

/// Input of `sessionLog`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SessionLogInput {
    #[serde(default)]
    settings: Settings,
    today: String,
    #[serde(default)]
    link_format: LinkFormat,
    #[serde(default)]
    session: Option<career_core::coach::session::Session>,
    focus: String,
    /// Notes changed: (label, link target).
    #[serde(default)]
    outputs: Vec<(String, String)>,
    #[serde(default)]
    decisions: Vec<career_core::coach::session::Decision>,
    #[serde(default)]
    did: Vec<String>,
    #[serde(default)]
    carried: Vec<career_core::log::threads::Thread>,
    #[serde(default)]
    threads: Vec<String>,
    #[serde(default)]
    worked: Vec<String>,
    #[serde(default)]
    improve: Vec<String>,
    /// Note names already in the career folder (for a distinct same-day name).
    #[serde(default)]
    taken: Vec<String>,
    /// Frameworks the person says were used.
    #[serde(default)]
    frameworks: Vec<String>,
    /// Phases the shell knows were worked (the profile questions answered).
    #[serde(default)]
    phases: career_core::log::phases::Phases,
    /// The career folder's notes (path, text): with a session, what else was
    /// done today (index created, blind spots saved, goals note) is read from
    /// them. Read by `with_notes`.
    #[serde(skip)]
    notes: Notes,
    /// What the shells recorded of today's work (`phasesToday` in data.json):
    /// joins the log of a session run here.
    #[serde(default)]
    recorded: Option<career_core::log::phases::Recorded>,
}

/// A session log note (name, path, text) and the Session Logs row cells.
#[wasm_bindgen(js_name = sessionLog, unchecked_return_type = "CoreResult<SessionLogNote>")]
pub fn session_log(
    #[wasm_bindgen(unchecked_param_type = "SessionLogInput")] value: JsValue,
) -> JsValue {
    use career_core::log::render::{duration, log_name, render, LogInput};
    let read = with_notes::<SessionLogInput>(value, "notes", |i, notes| {
        i.notes = notes.unwrap_or_default();
        Ok(())
    });
    respond(read.and_then(|i| {
        let today = Day::parse(&i.today)?;
        let paths = i.settings.note_paths(today)?;
        let name = log_name(&i.settings.session_log_name_pattern, &today.iso(), today.year(), &i.taken);
        let folder = paths.career_index.rsplit_once('/').map(|(f, _)| format!("{f}/")).unwrap_or_default();
        let phases = if i.session.is_some() || !i.phases.profile.is_empty() {
            let known = match &i.recorded {
                Some(recorded) => i.phases.with_recorded(recorded, &today.iso()),
                None => i.phases,
            };
            career_core::log::phases::merged(known, &today.iso(), &i.notes)
        } else {
            i.phases
        };
        let text = render(&LogInput {
            session: i.session.as_ref(),
            date: today.iso(),
            duration: i.session.as_ref().and_then(duration),
            focus: i.focus.clone(),
            outputs: i.outputs.clone(),
            decisions: i.decisions,
            did: i.did,
            carried: i.carried,
            threads: i.threads,
            worked: i.worked,
            improve: i.improve,
            name: name.clone(),
            methodology: paths.methodology_name.clone(),
            links: i.link_format,
            phases,
            frameworks: i.frameworks,
        });
        let labels: Vec<String> = i.outputs.iter().map(|(label, _)| label.clone()).collect();
        let row = career_core::log::session_logs_row(&name, &i.focus, &labels, i.link_format);
        Ok(serde_json::json!({ "name": name, "path": format!("{folder}{name}.md"), "text": text, "row": row }))
    }))
}

/// Input of `recordWork`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RecordWorkInput {
    /// The record as `data.json` holds it (`phasesToday`), if any.
    #[serde(default)]
    record: Option<career_core::log::phases::Recorded>,
    today: String,
    work: career_core::log::phases::Work,
}

/// The record of today's work with `work` added (a record of another day is replaced).
#[wasm_bindgen(js_name = recordWork, unchecked_return_type = "CoreResult<PhasesRecord>")]
pub fn record_work(
    #[wasm_bindgen(unchecked_param_type = "RecordWorkInput")] value: JsValue,
) -> JsValue {
    respond(input::<RecordWorkInput>(value).and_then(|i| {
        let today = Day::parse(&i.today)?;
        Ok(i.record.unwrap_or_default().with(&today.iso(), i.work))
    }))
}

/// The open threads of session logs given as (vault path, text), oldest first.
#[wasm_bindgen(js_name = openThreads, unchecked_return_type = "CoreResult<Thread[]>")]
pub fn open_threads(
    #[wasm_bindgen(unchecked_param_type = "{ logs: [string, string][] }")] value: JsValue,
) -> JsValue {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Logs {
        #[serde(skip)]
        logs: Notes,
    }
    let read = with_notes::<Logs>(value, "logs", |i, logs| {
        i.logs = required(logs, "logs")?;
        Ok(())
    });
    respond(read.map(|i| career_core::log::threads::all_open_threads(&i.logs)))
}

/// Marks a thread in its log's text: resolve (x), carry (>) or drop (-).
#[wasm_bindgen(js_name = disposeThread, unchecked_return_type = "CoreResult<Outcome>")]
pub fn dispose_thread(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "{ line: number; disposition: \"resolve\" | \"carry\" | \"drop\" }"
    )]
    value: JsValue,
) -> JsValue {
    on_note(&text, |text| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Dispose {
            line: usize,
            disposition: career_core::log::threads::Disposition,
        }
        respond(input::<Dispose>(value).and_then(|i| {
            let edit = career_core::log::threads::dispose(text, i.line, i.disposition)?;
            let new = match career_core::edit::apply(text, std::slice::from_ref(&edit))? {
                career_core::edit::Applied::Changed(t) => Some(t),
                career_core::edit::Applied::Unchanged => None,
            };
            Ok(ops::Outcome {
                edits: vec![edit],
                text: new,
            })
        }))
    })
}
