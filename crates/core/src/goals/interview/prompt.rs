//! What the interview shows at each point.

use serde::Serialize;

use super::{goal_line, months, normalized, Interview, Pending, Stage};
use crate::goals::template::{goal_id, quarter_label, CascadeContext, MAX_GOALS, QUARTER_HINTS};
use crate::periods::Period;

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
