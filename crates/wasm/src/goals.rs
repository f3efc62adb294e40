//! Exports for the goal cascade: reading the goals note, the guided
//! interview, creating the note (with its link from the Career Index),
//! statuses, weekly actions and progress.

use career_core::goals::{self, interview, progress, template};
use career_core::ops::{outcome_of, Outcome};
use career_core::periods::{Period, PeriodKind};
use career_core::templates::links::LinkFormat;
use career_core::{CoreResult, Day, Settings};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::exports::with_notes;
use crate::{input, on_note, respond, Notes};

/// A goals note's goals, intentions, milestones and actions.
#[wasm_bindgen(js_name = goalsRead, unchecked_return_type = "CoreResult<GoalsNote>")]
pub fn goals_read(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsValue {
    on_note(&text, |text| respond(Ok(goals::read(text))))
}

/// Input of `goalsInterviewStart`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct InterviewStart {
    today: String,
    #[serde(default)]
    settings: Settings,
    /// The Career Index's text (empty when there is none).
    #[serde(default)]
    index_text: String,
    /// The career folder's notes (path, text): an annual review among them may
    /// have chosen this year's theme. Read by `with_notes`.
    #[serde(skip)]
    notes: Notes,
    /// The planning year to plan (default: the one the core offers for `today`).
    #[serde(default)]
    year: Option<i32>,
}

/// Starts the guided creation of this planning year's goals note.
#[wasm_bindgen(
    js_name = goalsInterviewStart,
    unchecked_return_type = "CoreResult<GoalsInterview>"
)]
pub fn goals_interview_start(
    #[wasm_bindgen(unchecked_param_type = "GoalsInterviewStartInput")] value: JsValue,
) -> JsValue {
    let read = with_notes::<InterviewStart>(value, "notes", |i, notes| {
        i.notes = notes.unwrap_or_default();
        Ok(())
    });
    respond(read.and_then(|i| {
        let today = Day::parse(&i.today)?;
        let fiscal = i.settings.fiscal()?;
        // The year asked for, else the one the core offers (the next in a
        // planning year's last quarter, with a note saying so).
        let offered = career_core::goals::year::default_year(today, fiscal);
        let (year, note) = match i.year {
            Some(year) => (year, None),
            None => (offered.year, offered.note),
        };
        let planned = career_core::reviews::planned_theme(year, &i.notes);
        let mut started = interview::start_planned(&i.index_text, year, fiscal, planned.as_deref());
        started.year_note = note;
        started.current_year = Some(offered.current);
        Ok(started)
    }))
}

/// What to show for an interview.
#[wasm_bindgen(
    js_name = goalsInterviewPrompt,
    unchecked_return_type = "CoreResult<GoalsInterviewPrompt>"
)]
pub fn goals_interview_prompt(
    #[wasm_bindgen(unchecked_param_type = "GoalsInterview")] value: JsValue,
) -> JsValue {
    respond(input::<interview::Interview>(value).map(|i| interview::prompt(&i)))
}

/// Input of `goalsInterviewStep`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InterviewStep {
    interview: interview::Interview,
    reply: interview::Reply,
}

/// Applies one reply; the next interview state.
#[wasm_bindgen(
    js_name = goalsInterviewStep,
    unchecked_return_type = "CoreResult<GoalsInterview>"
)]
pub fn goals_interview_step(
    #[wasm_bindgen(unchecked_param_type = "{ interview: GoalsInterview; reply: GoalsReply }")]
    value: JsValue,
) -> JsValue {
    respond(input::<InterviewStep>(value).and_then(|i| interview::step(&i.interview, &i.reply)))
}

/// Input of `goalsCreate`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CreateInput {
    input: template::GoalsInput,
    today: String,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    link_format: LinkFormat,
    /// The Career Index's text, when it exists: it gets a link to the new note.
    #[serde(default)]
    index_text: Option<String>,
}

/// A new goals note and the Career Index's link to it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreatedGoals {
    path: String,
    name: String,
    text: String,
    /// The edits that link the index's theme section to the note (`null` when
    /// there is no index; `text: null` when it already links it).
    index_link: Option<Outcome>,
}

/// Renders the goals note (to create in one write) and the index's link to it.
#[wasm_bindgen(js_name = goalsCreate, unchecked_return_type = "CoreResult<CreatedGoals>")]
pub fn goals_create(
    #[wasm_bindgen(unchecked_param_type = "GoalsCreateInput")] value: JsValue,
) -> JsValue {
    respond(input::<CreateInput>(value).and_then(|i| create(&i)))
}

fn create(i: &CreateInput) -> CoreResult<CreatedGoals> {
    let today = Day::parse(&i.today)?;
    let fiscal = i.settings.fiscal()?;
    let year = i.input.year;
    let name = i.settings.goals_name(year)?;
    let text = template::render(
        &i.input,
        &i.settings.career_index_name,
        i.link_format,
        fiscal,
        today,
    )?;
    let index_link = match &i.index_text {
        Some(index) => Some(outcome_of(
            index,
            template::link_back_themed(index, year, &name, i.link_format, &i.input.theme)?,
        )?),
        None => None,
    };
    Ok(CreatedGoals {
        path: i.settings.goals_path(year)?,
        name,
        text,
        index_link,
    })
}

/// Sets a goal's Status cell.
#[wasm_bindgen(js_name = goalsSetStatus, unchecked_return_type = "CoreResult<Outcome>")]
pub fn goals_set_status(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ goal: string; status: string }")] value: JsValue,
) -> JsValue {
    on_note(&text, |text| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct SetStatus {
            goal: String,
            status: String,
        }
        respond(
            input::<SetStatus>(value).and_then(|i| {
                outcome_of(text, goals::edits::set_status(text, &i.goal, &i.status)?)
            }),
        )
    })
}

/// Input of `goalsAddAction`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AddAction {
    today: String,
    text: String,
    #[serde(default)]
    goal: Option<String>,
    /// The ISO week (`2026-W47`); `null` for the week of `today`.
    #[serde(default)]
    week: Option<Period>,
}

/// Adds a weekly action under its ISO week's heading.
#[wasm_bindgen(js_name = goalsAddAction, unchecked_return_type = "CoreResult<Outcome>")]
pub fn goals_add_action(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GoalsAddActionInput")] value: JsValue,
) -> JsValue {
    on_note(&text, |text| {
        respond(input::<AddAction>(value).and_then(|i| {
            let today = Day::parse(&i.today)?;
            let week = i.week.unwrap_or(Period::containing(
                PeriodKind::Week,
                today,
                Default::default(),
            ));
            outcome_of(
                text,
                goals::edits::add_action(text, week, &i.text, i.goal.as_deref())?,
            )
        }))
    })
}

/// Progress and its markdown rendering.
#[derive(Serialize)]
struct ProgressView {
    progress: progress::Progress,
    markdown: String,
}

/// Progress of a goals note's text for `today`.
#[wasm_bindgen(js_name = goalsProgress, unchecked_return_type = "CoreResult<GoalProgressView>")]
pub fn goals_progress(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DatedInput")] value: JsValue,
) -> JsValue {
    on_note(&text, |text| {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        struct Dated {
            today: String,
            #[serde(default)]
            settings: Settings,
        }
        respond(
            input::<Dated>(value).and_then(|i| -> CoreResult<ProgressView> {
                let p = progress::progress(
                    &goals::read(text),
                    i.settings.fiscal()?,
                    Day::parse(&i.today)?,
                );
                Ok(ProgressView {
                    markdown: progress::render_markdown(&p),
                    progress: p,
                })
            }),
        )
    })
}
