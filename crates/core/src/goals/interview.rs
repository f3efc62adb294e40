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

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::goals::template::{
    context, goal_id, quarter_label, CascadeContext, GoalDraft, GoalsInput, MilestoneDraft,
    QuarterDraft, MAX_GOALS, QUARTER_HINTS, YEARS,
};
use crate::periods::{FiscalYear, Period};

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

/// The goals kept so far, one line each (`G1 — …`).
fn goals_so_far(i: &Interview) -> Vec<String> {
    i.input
        .goals
        .iter()
        .enumerate()
        .map(|(k, g)| goal_line(k, g))
        .collect()
}

/// What to show the person now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InterviewPrompt {
    /// A short name of the step: `Theme`, `Goal 2`, `Q1 (Jan–Mar)`, `2026-03 March`.
    pub step: String,
    /// The question.
    pub question: String,
    /// How to answer.
    pub hint: String,
    /// Example answers.
    pub examples: Vec<String>,
    /// North star, theme and success criteria from the Career Index.
    pub context: CascadeContext,
    /// When an answer awaits confirmation: exactly what was understood.
    pub understood: Option<String>,
    /// What this step already holds (goals so far, the month's milestones).
    pub so_far: Vec<String>,
    /// The replies that make sense now (`answer`, `confirm`, `edit`, `back`, `skip`, `finish`).
    pub replies: Vec<String>,
    /// Whether the interview is over.
    pub done: bool,
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

fn understood(i: &Interview, pending: &Pending) -> Option<String> {
    Some(match pending {
        Pending::Theme { theme } => format!("Theme: \"{theme}\""),
        Pending::Goal {
            awaiting_metric: true,
            ..
        } => return None,
        Pending::Goal { goal, .. } => goal_line(i.input.goals.len(), goal),
        Pending::Keep { keep } => {
            let kept: Vec<String> = keep
                .iter()
                .filter_map(|k| {
                    Some(format!(
                        "{} — {}",
                        goal_id(*k),
                        i.input.goals.get(*k)?.outcome
                    ))
                })
                .collect();
            let dropped: Vec<String> = i
                .input
                .goals
                .iter()
                .enumerate()
                .filter(|(k, _)| !keep.contains(k))
                .map(|(k, g)| format!("{} — {}", goal_id(k), g.outcome))
                .collect();
            format!(
                "Keep {}; let go of {} (the kept goals are numbered G1 to G{} in this order)",
                kept.join(", "),
                dropped.join(", "),
                keep.len()
            )
        }
        Pending::Quarter { draft } => format!(
            "{} — intention: {}; focus: {}",
            quarter_label(i.year, draft.quarter, i.fiscal),
            draft.intention,
            if draft.focus.is_empty() {
                "(none)"
            } else {
                &draft.focus
            }
        ),
        Pending::Milestone { draft } => {
            let serves = if draft.goal.is_empty() {
                "no goal".to_string()
            } else {
                let outcome = i
                    .input
                    .goals
                    .iter()
                    .enumerate()
                    .find(|(k, _)| goal_id(*k) == draft.goal)
                    .map(|(_, g)| g.outcome.clone())
                    .unwrap_or_default();
                format!("{} ({outcome})", draft.goal)
            };
            format!(
                "{} — milestone: {}; serves {serves}",
                draft.month.title(),
                draft.text
            )
        }
    })
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

/// What to ask now.
pub fn prompt(i: &Interview) -> InterviewPrompt {
    let i = &normalized(i);
    let mut p = InterviewPrompt {
        step: String::new(),
        question: String::new(),
        hint: String::new(),
        examples: Vec::new(),
        context: i.context.clone(),
        understood: None,
        so_far: Vec::new(),
        replies: words(&["answer", "back", "skip"]),
        done: false,
    };
    match &i.stage {
        Stage::Theme => {
            p.step = "Theme".into();
            p.question = format!("What is your theme for {}?", i.year);
            let hint = if i.input.theme.is_empty() {
                "A few words that name what this year is about; the goals should serve it.".into()
            } else {
                let source = if i.context.theme_from_review {
                    "Last year's annual review chose"
                } else {
                    "Your Career Index says"
                };
                format!(
                    "{source} \"{}\": confirm it, or type a new one.",
                    i.input.theme
                )
            };
            p.hint = match &i.year_note {
                Some(note) => format!("{note} {hint}"),
                None => hint,
            };
            p.examples = words(&[
                "Year of visibility",
                "Build the bench",
                "From operator to strategist",
            ]);
            if !i.input.theme.is_empty() {
                p.replies.push("confirm".into());
            }
        }
        Stage::Goals => {
            let n = i.input.goals.len();
            p.step = format!("Goal {}", n + 1);
            p.question = if n == 0 {
                format!("What is the first outcome you will achieve in {}, and how will you measure it?", i.year)
            } else {
                "What is the next goal? Or say done.".into()
            };
            p.hint = format!(
                "Answer \"outcome | success metric\". Aim for 2–3 goals that serve the theme{}.",
                if i.input.theme.is_empty() {
                    String::new()
                } else {
                    format!(" \"{}\"", i.input.theme)
                }
            );
            p.examples = words(&[
                "Be known outside the company | 3 conference talks, 2 articles",
                "Publish the innovation thesis | paper out by Q3",
            ]);
            p.so_far = goals_so_far(i);
            if n > 0 {
                p.replies.push("finish".into());
            }
            if let Some(Pending::Goal {
                goal,
                awaiting_metric: true,
            }) = &i.pending
            {
                p.question = format!("How will you measure \"{}\"?", goal.outcome);
                p.hint = "A number, a date or an artifact someone else could check.".into();
                p.examples = words(&["3 talks by December", "Promotion case approved"]);
            }
        }
        Stage::OneTheme => {
            p.step = "One theme".into();
            p.question = "If this year had ONE theme, what would it be?".into();
            p.hint = format!(
                "You have {} goals; the method keeps 2–3. The theme decides which stay.",
                i.input.goals.len()
            );
            p.so_far = goals_so_far(i);
            if !i.input.theme.is_empty() {
                p.replies.push("confirm".into());
            }
        }
        Stage::Choose => {
            p.step = format!("Keep {MAX_GOALS} goals");
            p.question = format!("Which {MAX_GOALS} goals serve \"{}\" most?", i.input.theme);
            p.hint = "Give their numbers, e.g. \"G1, G3, G4\" or \"1 3 4\".".into();
            p.so_far = goals_so_far(i);
            p.replies = words(&["answer", "back"]);
        }
        Stage::Quarter { quarter } => {
            p.step = quarter_label(i.year, *quarter, i.fiscal);
            p.question = format!("What is {} about?", p.step);
            p.hint = "Answer \"intention | focus\": a few words for the quarter, then its specific priorities.".into();
            p.examples = QUARTER_HINTS
                .get(usize::try_from(quarter.saturating_sub(1)).unwrap_or(0))
                .map(|h| vec![format!("{h} | …")])
                .unwrap_or_default();
            p.so_far = i
                .input
                .quarters
                .iter()
                .map(|q| {
                    format!(
                        "{} — {}",
                        quarter_label(i.year, q.quarter, i.fiscal),
                        q.intention
                    )
                })
                .collect();
            p.replies.push("finish".into());
        }
        Stage::Milestones { month } => {
            let period = months(i).get(*month).copied();
            let title = period.map(Period::title).unwrap_or_default();
            p.step = title.clone();
            p.question = format!("A milestone for {title}? Skip to move on.");
            p.hint = if i.input.goals.len() == 1 {
                "Answer \"text\" (it serves G1) or \"text | G1\".".into()
            } else {
                format!(
                    "Answer \"text | goal\", the goal one of {}.",
                    (0..i.input.goals.len())
                        .map(goal_id)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            p.examples = words(&[
                "Submit two talk proposals | G1",
                "Thesis outline reviewed | G2",
            ]);
            p.so_far = i
                .input
                .milestones
                .iter()
                .filter(|m| Some(m.month) == period)
                .map(|m| format!("{} {}", m.text, m.goal))
                .collect();
            p.replies.push("finish".into());
        }
        Stage::Done => {
            p.step = "Done".into();
            p.question = "The goals note is ready to write.".into();
            p.replies = words(&["back"]);
            p.done = true;
        }
    }
    if let Some(pending) = &i.pending {
        p.understood = understood(i, pending);
        if p.understood.is_some() {
            p.replies = words(&["confirm", "edit", "back"]);
        }
    }
    p
}

fn invalid(message: impl Into<String>) -> CoreError {
    CoreError::new(ErrorCode::InvalidInput, message)
}

fn split(text: &str, parts: usize) -> Vec<String> {
    let mut out: Vec<String> = text
        .splitn(parts, '|')
        .map(|p| p.trim().to_string())
        .collect();
    out.resize(parts, String::new());
    out
}

fn nth(parts: &[String], n: usize) -> String {
    parts.get(n).cloned().unwrap_or_default()
}

/// The stage after the goals: choosing when there are too many.
fn after_goals(i: &Interview) -> CoreResult<Stage> {
    match i.input.goals.len() {
        0 => Err(invalid("Name at least one goal before moving on.")),
        n if n > MAX_GOALS => Ok(Stage::OneTheme),
        _ => Ok(Stage::Quarter { quarter: 1 }),
    }
}

fn next_month(i: &Interview, month: usize) -> Stage {
    if month.saturating_add(1) < months(i).len() {
        Stage::Milestones { month: month + 1 }
    } else {
        Stage::Done
    }
}

fn read_answer(i: &Interview, text: &str) -> CoreResult<Pending> {
    let text = text.trim();
    if text.is_empty() {
        return Err(invalid("The answer is empty: type it, or skip."));
    }
    match (&i.stage, &i.pending) {
        (Stage::Theme | Stage::OneTheme, _) => Ok(Pending::Theme {
            theme: text.trim_matches(['"', '“', '”']).trim().to_string(),
        }),
        (
            Stage::Goals,
            Some(Pending::Goal {
                goal,
                awaiting_metric: true,
            }),
        ) => Ok(Pending::Goal {
            goal: GoalDraft {
                outcome: goal.outcome.clone(),
                metric: text.to_string(),
            },
            awaiting_metric: false,
        }),
        (Stage::Goals, _) => {
            let p = split(text, 2);
            let goal = GoalDraft {
                outcome: nth(&p, 0),
                metric: nth(&p, 1),
            };
            if goal.outcome.is_empty() {
                return Err(invalid("The goal needs an outcome before the \"|\"."));
            }
            let awaiting_metric = goal.metric.is_empty();
            Ok(Pending::Goal {
                goal,
                awaiting_metric,
            })
        }
        (Stage::Choose, _) => {
            let mut keep = Vec::new();
            for word in text
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty())
            {
                let n: usize = word
                    .trim_start_matches(['G', 'g'])
                    .parse()
                    .ok()
                    .filter(|n| (1..=i.input.goals.len()).contains(n))
                    .ok_or_else(|| {
                        CoreError::new(
                            ErrorCode::GoalNotFound,
                            format!(
                                "\"{word}\" is not one of the goals G1 to G{}.",
                                i.input.goals.len()
                            ),
                        )
                    })?;
                if !keep.contains(&(n - 1)) {
                    keep.push(n - 1);
                }
            }
            if keep.is_empty() || keep.len() > MAX_GOALS {
                return Err(invalid(format!(
                    "Choose one to {MAX_GOALS} goals; {} were given.",
                    keep.len()
                )));
            }
            Ok(Pending::Keep { keep })
        }
        (Stage::Quarter { quarter }, _) => {
            let p = split(text, 2);
            Ok(Pending::Quarter {
                draft: QuarterDraft {
                    quarter: *quarter,
                    intention: nth(&p, 0)
                        .trim_matches(['"', '“', '”', '*'])
                        .trim()
                        .to_string(),
                    focus: nth(&p, 1),
                },
            })
        }
        (Stage::Milestones { month }, _) => {
            let period = months(i)
                .get(*month)
                .copied()
                .ok_or_else(|| invalid("There is no such month."))?;
            let p = split(text, 2);
            let mut goal = nth(&p, 1).to_ascii_uppercase();
            if goal.is_empty() && i.input.goals.len() == 1 {
                goal = goal_id(0);
            }
            if !goal.is_empty() && !(0..i.input.goals.len()).any(|k| goal_id(k) == goal) {
                return Err(CoreError::new(
                    ErrorCode::GoalNotFound,
                    format!(
                        "There is no goal {goal}; the goals are {}.",
                        (0..i.input.goals.len())
                            .map(goal_id)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            Ok(Pending::Milestone {
                draft: MilestoneDraft {
                    month: period,
                    text: nth(&p, 0),
                    goal,
                },
            })
        }
        (Stage::Done, _) => Err(invalid("The interview is finished.")),
    }
}

/// Applies a confirmed answer and moves on.
fn commit(mut i: Interview, pending: Pending) -> CoreResult<Interview> {
    match pending {
        Pending::Theme { theme } => {
            i.input.theme = theme;
            i.stage = if i.stage == Stage::OneTheme {
                Stage::Choose
            } else {
                Stage::Goals
            };
        }
        Pending::Goal { goal, .. } => i.input.goals.push(goal),
        Pending::Keep { keep } => {
            let goals = std::mem::take(&mut i.input.goals);
            i.input.goals = keep.iter().filter_map(|k| goals.get(*k).cloned()).collect();
            i.stage = Stage::Quarter { quarter: 1 };
        }
        Pending::Quarter { draft } => {
            let q = draft.quarter;
            i.input.quarters.retain(|o| o.quarter != q);
            i.input.quarters.push(draft);
            i.stage = if q < 4 {
                Stage::Quarter { quarter: q + 1 }
            } else {
                Stage::Milestones { month: 0 }
            };
        }
        Pending::Milestone { draft } => i.input.milestones.push(draft),
    }
    Ok(i)
}

/// Goes back one confirmed answer.
fn back(mut i: Interview) -> Interview {
    i.stage = match i.stage {
        Stage::Theme => Stage::Theme,
        Stage::Goals => {
            if i.input.goals.pop().is_some() {
                Stage::Goals
            } else {
                Stage::Theme
            }
        }
        Stage::OneTheme | Stage::Choose => Stage::Goals,
        Stage::Quarter { quarter } if quarter > 1 => {
            i.input.quarters.retain(|q| q.quarter != quarter - 1);
            Stage::Quarter {
                quarter: quarter - 1,
            }
        }
        Stage::Quarter { .. } => Stage::Goals,
        Stage::Milestones { month } => {
            let period = months(&i).get(month).copied();
            if let Some(at) = i
                .input
                .milestones
                .iter()
                .rposition(|m| Some(m.month) == period)
            {
                i.input.milestones.remove(at);
                Stage::Milestones { month }
            } else if month > 0 {
                Stage::Milestones { month: month - 1 }
            } else {
                i.input.quarters.retain(|q| q.quarter != 4);
                Stage::Quarter { quarter: 4 }
            }
        }
        Stage::Done => Stage::Milestones {
            month: months(&i).len().saturating_sub(1),
        },
    };
    i
}

/// Takes one reply and returns the next state (the given one is untouched).
pub fn step(i: &Interview, reply: &Reply) -> CoreResult<Interview> {
    let i = &normalized(i);
    let mut next = i.clone();
    match reply {
        Reply::Answer { text } => {
            next.pending = Some(read_answer(i, text)?);
            Ok(next)
        }
        Reply::Confirm => match next.pending.take() {
            Some(Pending::Goal {
                awaiting_metric: true,
                ..
            }) => Err(invalid("Say how the goal is measured first, or skip.")),
            Some(pending) => commit(next, pending),
            None if matches!(i.stage, Stage::Theme | Stage::OneTheme)
                && !i.input.theme.is_empty() =>
            {
                commit(
                    next,
                    Pending::Theme {
                        theme: i.input.theme.clone(),
                    },
                )
            }
            None => Err(invalid(
                "There is nothing to confirm yet: answer the question first.",
            )),
        },
        Reply::Edit => {
            next.pending = None;
            Ok(next)
        }
        Reply::Back => {
            if next.pending.take().is_some() {
                return Ok(next);
            }
            Ok(back(next))
        }
        Reply::Skip => {
            if let Some(Pending::Goal {
                goal,
                awaiting_metric: true,
            }) = next.pending.take()
            {
                next.pending = Some(Pending::Goal {
                    goal,
                    awaiting_metric: false,
                });
                return Ok(next);
            }
            next.stage = match &i.stage {
                Stage::Theme => Stage::Goals,
                Stage::OneTheme => Stage::Choose,
                Stage::Goals => after_goals(i)?,
                Stage::Choose => {
                    return Err(invalid(format!(
                        "Choose the {MAX_GOALS} goals to keep (or go back and remove some)."
                    )))
                }
                Stage::Quarter { quarter } if *quarter < 4 => Stage::Quarter {
                    quarter: quarter + 1,
                },
                Stage::Quarter { .. } => Stage::Milestones { month: 0 },
                Stage::Milestones { month } => next_month(i, *month),
                Stage::Done => Stage::Done,
            };
            Ok(next)
        }
        Reply::Finish => {
            next.pending = None;
            next.stage = match &i.stage {
                Stage::Theme | Stage::Goals => after_goals(i)?,
                Stage::OneTheme | Stage::Choose => {
                    return Err(invalid(format!(
                        "Choose the {MAX_GOALS} goals to keep first."
                    )))
                }
                Stage::Quarter { .. } | Stage::Milestones { .. } | Stage::Done => Stage::Done,
            };
            Ok(next)
        }
    }
}
