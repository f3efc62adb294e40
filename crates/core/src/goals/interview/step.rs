//! Applying a reply to the interview.

use super::{months, normalized, Interview, Pending, Reply, Stage};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::goals::template::{goal_id, GoalDraft, MilestoneDraft, QuarterDraft, MAX_GOALS};

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
