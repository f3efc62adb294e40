//! Exports for reviews: what is due, the next review's period, the review
//! plan, Periodic Notes names and the review calendar.

use career_core::periods::{Period, PeriodKind};
use career_core::reviews::{self, Due, ExistingReview, ReviewInput};
use career_core::{CoreResult, Day, Settings};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::exports::with_notes;
use crate::{input, required, respond, Notes};

/// Input of `dueReviews`: the notes of the career folder (path, text).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DueInput {
    today: String,
    #[serde(default)]
    settings: Settings,
    /// Read by `with_notes`.
    #[serde(skip)]
    notes: Notes,
}

/// What is due, and the status bar's line.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DueNow {
    due: Vec<Due>,
    status: Option<String>,
}

/// The reviews due on `today`, from the reviews among `notes` (by frontmatter).
#[wasm_bindgen(js_name = dueReviews, unchecked_return_type = "CoreResult<DueNow>")]
pub fn due_reviews(#[wasm_bindgen(unchecked_param_type = "DueInput")] value: JsValue) -> JsValue {
    let read = with_notes::<DueInput>(value, "notes", |i, notes| {
        i.notes = required(notes, "notes")?;
        Ok(())
    });
    respond(read.and_then(|i| {
        let today = Day::parse(&i.today)?;
        let due = reviews::due_in(today, i.settings.fiscal()?, &i.notes);
        let status = reviews::status_line(&due);
        Ok(DueNow { due, status })
    }))
}

/// Input of `nextReview`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NextInput {
    kind: PeriodKind,
    today: String,
    #[serde(default)]
    settings: Settings,
    /// Read by `with_notes`.
    #[serde(skip)]
    notes: Notes,
    #[serde(default)]
    period: Option<Period>,
}

/// The review to write now and the notes it reads.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NextReview {
    period: Period,
    covers: Vec<Period>,
    skipped: Vec<Period>,
    reviews: Vec<ExistingReview>,
    goals_path: String,
    next_goals_path: String,
    previous_goals_path: String,
    /// A quarterly review's current plans (reviewed and next quarter), to show before asking.
    quarter: Option<reviews::intentions::QuarterContext>,
}

/// The period a review of `kind` covers now (the due one, catching up missed
/// periods, or the newest one), or `period` when given; and the goals notes' paths.
#[wasm_bindgen(js_name = nextReview, unchecked_return_type = "CoreResult<NextReview>")]
pub fn next_review(#[wasm_bindgen(unchecked_param_type = "NextInput")] value: JsValue) -> JsValue {
    let read = with_notes::<NextInput>(value, "notes", |i, notes| {
        i.notes = required(notes, "notes")?;
        Ok(())
    });
    respond(read.and_then(|i| next(&i)))
}

fn next(i: &NextInput) -> CoreResult<NextReview> {
    let today = Day::parse(&i.today)?;
    let fiscal = i.settings.fiscal()?;
    let found = reviews::reviews_in(&i.notes);
    let start = reviews::started(&i.notes, fiscal);
    let (period, covers, skipped) = match i.period {
        Some(p) => (p, vec![p], Vec::new()),
        None => reviews::next_review(i.kind, today, fiscal, start, &found),
    };
    let year = reviews::goals_year(period, fiscal);
    let goals_path = i.settings.goals_path(year)?;
    let next_goals_path = i.settings.goals_path(year + 1)?;
    let text_of = |path: &str| {
        i.notes
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.as_str())
    };
    let quarter = (period.kind() == PeriodKind::Quarter).then(|| {
        reviews::intentions::quarter_context(
            period,
            fiscal,
            text_of(&goals_path),
            text_of(&next_goals_path),
        )
    });
    Ok(NextReview {
        period,
        covers,
        skipped,
        reviews: found,
        goals_path,
        next_goals_path,
        previous_goals_path: i.settings.goals_path(year - 1)?,
        quarter,
    })
}

/// Plans a review: the note to create (or the periodic note's edits) and the
/// goals-note edits, each checked by the shell before it writes.
#[wasm_bindgen(js_name = planReview, unchecked_return_type = "CoreResult<ReviewPlan>")]
pub fn plan_review(
    #[wasm_bindgen(unchecked_param_type = "ReviewInput")] value: JsValue,
) -> JsValue {
    respond(input::<ReviewInput>(value).and_then(|i| reviews::plan_review(&i)))
}

/// Input of `periodicNotePath`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PeriodicInput {
    period: Period,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    format: String,
}

/// The name (without `.md`, possibly with folders) Periodic Notes gives the
/// note of `period` with its moment.js `format` (blank: its default).
#[wasm_bindgen(js_name = periodicNotePath, unchecked_return_type = "CoreResult<string>")]
pub fn periodic_note_path(
    #[wasm_bindgen(unchecked_param_type = "PeriodicInput")] value: JsValue,
) -> JsValue {
    respond(input::<PeriodicInput>(value).and_then(|i| {
        reviews::periodic::periodic_note_name_in(i.period, i.settings.fiscal()?, &i.format)
    }))
}

/// The review schedule as an `.ics` file's text.
#[wasm_bindgen(js_name = reviewCalendar, unchecked_return_type = "CoreResult<string>")]
pub fn review_calendar(
    #[wasm_bindgen(unchecked_param_type = "CalendarInput")] value: JsValue,
) -> JsValue {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct CalendarInput {
        today: String,
        #[serde(default)]
        settings: Settings,
        /// The vault's name: the events' UIDs are unique to it.
        #[serde(default)]
        vault: String,
    }
    respond(input::<CalendarInput>(value).and_then(|i| {
        Ok(reviews::calendar::calendar_for(
            Day::parse(&i.today)?,
            i.settings.fiscal()?,
            &i.vault,
        ))
    }))
}
