//! Creating a goals note by interview: one question at a time, each answer
//! read back for confirmation before the next, as in coaching sessions.
//!
//! The flow: the year's theme (prefilled from the Career Index) → annual
//! goals, one by one, as "outcome | metric" (the metric is asked for when
//! missing) until the person says done → with more than three, "If this
//! year had ONE theme, what would it be?" and a choice of the three to keep
//! → each quarter's intention and focus → milestones month by month (in
//! fiscal order; skipping moves on) → done, when `input` is a complete
//! [`GoalsInput`] for [`render`](crate::goals::template::render).
//!
//! The state is plain serde data so a shell can save it, quit and resume;
//! [`step`] never mutates, it returns the next state. A reply that cannot be
//! read (an unknown goal, an empty answer to confirm) is an error and leaves
//! the state as it was.
//!
//! `prompt.rs` says what to show; `step.rs` applies a reply.

use serde::{Deserialize, Serialize};

use crate::goals::template::{
    context, goal_id, CascadeContext, GoalDraft, GoalsInput, MilestoneDraft, QuarterDraft, YEARS,
};
use crate::periods::{FiscalYear, Period};

mod prompt;
mod step;

pub use prompt::{prompt, InterviewPrompt};
pub use step::step;

/// Where the interview is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Stage {
    /// The year's theme.
    Theme,
    /// The next annual goal (or "done").
    Goals,
    /// More than three goals: the ONE theme question.
    OneTheme,
    /// More than three goals: which three to keep.
    Choose,
    /// A quarter's intention and focus.
    Quarter {
        /// 1–4.
        quarter: u32,
    },
    /// Milestones of one month.
    Milestones {
        /// 0–11: the month's place in the (fiscal) year.
        month: usize,
    },
    /// Finished: `input` is complete.
    Done,
}

/// An answer read, waiting for the person to confirm it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Pending {
    /// A theme.
    Theme {
        /// The theme.
        theme: String,
    },
    /// A goal; `awaiting_metric` while its metric is being asked for.
    #[serde(rename_all = "camelCase")]
    Goal {
        /// The goal.
        goal: GoalDraft,
        /// Whether the metric question is open.
        awaiting_metric: bool,
    },
    /// The goals to keep (0-based, in order).
    Keep {
        /// Indexes into the goals.
        keep: Vec<usize>,
    },
    /// A quarter's intention.
    Quarter {
        /// The draft.
        draft: QuarterDraft,
    },
    /// A milestone.
    Milestone {
        /// The draft.
        draft: MilestoneDraft,
    },
}

/// The interview's whole state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interview {
    /// The planning year.
    pub year: i32,
    /// When it starts.
    pub fiscal: FiscalYear,
    /// What the Career Index says.
    pub context: CascadeContext,
    /// What has been confirmed so far.
    pub input: GoalsInput,
    /// Where the interview is.
    pub stage: Stage,
    /// The answer awaiting confirmation.
    pub pending: Option<Pending>,
    /// Why this year is offered, when it is not the one containing today
    /// (see [`crate::goals::year::default_year`]); shown with the theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_note: Option<String>,
    /// The planning year containing today, when the shell says it (so it can
    /// offer to plan that one instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_year: Option<i32>,
}

/// What the person says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reply {
    /// An answer to the question.
    Answer {
        /// What they typed.
        text: String,
    },
    /// "Yes, that is what I meant."
    Confirm,
    /// "No, let me answer again."
    Edit,
    /// Undo the last confirmed answer.
    Back,
    /// Move on without answering.
    Skip,
    /// Done with this list (goals) or with the rest (quarters, milestones).
    Finish,
}

/// Starts an interview for `year`, with the theme and north star prefilled
/// from the Career Index. A year outside [`YEARS`] is clamped into it (the
/// shells check the year first; this only keeps the month arithmetic sane).
pub fn start(index_text: &str, year: i32, fiscal: FiscalYear) -> Interview {
    start_planned(index_text, year, fiscal, None)
}

/// [`start`], with the theme last year's annual review chose for this year
/// (see `reviews::planned_theme`) standing in when the Career Index has none.
pub fn start_planned(
    index_text: &str,
    year: i32,
    fiscal: FiscalYear,
    planned_theme: Option<&str>,
) -> Interview {
    let year = year.clamp(*YEARS.start(), *YEARS.end());
    let mut context = context(index_text, year);
    if context.theme.is_none() {
        context.theme = planned_theme
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        context.theme_from_review = context.theme.is_some();
    }
    Interview {
        year,
        fiscal,
        input: GoalsInput {
            year,
            theme: context.theme.clone().unwrap_or_default(),
            vision: context.vision.clone().unwrap_or_default(),
            ..GoalsInput::default()
        },
        context,
        stage: Stage::Theme,
        pending: None,
        year_note: None,
        current_year: None,
    }
}

/// The state with its numbers brought into range, so a saved state edited
/// by hand (a year of 99999, quarter 7) cannot overflow the arithmetic.
fn normalized(i: &Interview) -> Interview {
    let mut n = i.clone();
    n.year = n.year.clamp(*YEARS.start(), *YEARS.end());
    n.stage = match n.stage {
        Stage::Quarter { quarter } => Stage::Quarter {
            quarter: quarter.clamp(1, 4),
        },
        Stage::Milestones { month } => Stage::Milestones {
            month: month.min(11),
        },
        other => other,
    };
    n
}

fn months(i: &Interview) -> Vec<Period> {
    Period::Year { year: i.year }.months(i.fiscal)
}

fn goal_line(index: usize, g: &GoalDraft) -> String {
    let metric = if g.metric.is_empty() {
        "(none yet)"
    } else {
        g.metric.as_str()
    };
    format!(
        "{} — outcome: {}; success metric: {metric}",
        goal_id(index),
        g.outcome
    )
}
