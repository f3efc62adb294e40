//! The review notes' text: frontmatter, the links up the cascade, and the
//! body of each kind of review. Plain markdown that reads well without the
//! plugin; lists of goals-note items are plain bullets with their status,
//! never checkboxes (the goals note owns the checkboxes, so the Tasks plugin
//! sees each item once).

use crate::coach::writers::find_kind;
use crate::edit::frontmatter::yaml_scalar;
use crate::goals::model::{GoalsNote, Item, ItemState};
use crate::log::threads::Thread;
use crate::note::placeholders::is_placeholder_line;
use crate::note::readers;
use crate::note::tasks::tasks_in;
use crate::periods::{FiscalYear, Period, PeriodKind};
use crate::reviews::carry::{Carried, Decision, FLAG_AT};
use crate::reviews::due::{review_type, ExistingReview};
use crate::templates::links::LinkFormat;
use crate::Day;

/// The seed's weekly review questions (phase 5), as the goals note lists them.
pub use crate::goals::template::WEEKLY_QUESTIONS;

/// Monthly questions: check milestones, adjust if needed (phase 6).
pub const MONTHLY_QUESTIONS: [&str; 3] = [
    "What moved my goals forward this month?",
    "What slipped, and why?",
    "What will I adjust for next month?",
];

/// Quarterly questions: review the intention, plan the next quarter.
pub const QUARTERLY_QUESTIONS: [&str; 3] = [
    "Did this quarter live up to its intention?",
    "What did I learn that changes the plan?",
    "What is next quarter about, and what will I stop doing?",
];

/// Annual questions: the full Career Index review.
pub const ANNUAL_QUESTIONS: [&str; 4] = [
    "What am I proudest of this year?",
    "Which goals did I miss, and what did they teach me?",
    "Is my vision still the right one?",
    "What will next year be about?",
];

/// Everything a review body is made of, gathered by `plan_review`.
pub struct Context<'a> {
    /// The reviewed period.
    pub period: Period,
    /// Every period the review covers (`period` last).
    pub covers: &'a [Period],
    /// Missed periods beyond the catch-up's bound, listed as skipped.
    pub skipped: &'a [Period],
    /// The day of the review.
    pub today: Day,
    /// The planning year.
    pub fiscal: FiscalYear,
    /// How links are written.
    pub links: LinkFormat,
    /// The goals note's name (a link target).
    pub goals_name: String,
    /// The Career Index's name.
    pub index_name: String,
    /// The names of the reviews up the cascade (month, quarter, year), nearest first.
    pub up: Vec<String>,
    /// The goals note, read (empty when there is none).
    pub goals: &'a GoalsNote,
    /// Whether there is a goals note.
    pub has_goals: bool,
    /// The goals note's text.
    pub goals_text: Option<&'a str>,
    /// The Career Index's text.
    pub index_text: Option<&'a str>,
    /// Session logs (path, text).
    pub logs: &'a [(String, String)],
    /// Open threads across the logs.
    pub threads: &'a [Thread],
    /// Reviews that exist.
    pub reviews: &'a [ExistingReview],
    /// What carry-forward did.
    pub carried: &'a [Carried],
    /// The next quarter's intention and focus, and where they went.
    pub next_quarter: Option<NextQuarter>,
    /// Next year's theme.
    pub next_theme: Option<String>,
}

/// The next quarter's plan as the review records it.
pub struct NextQuarter {
    /// The quarter.
    pub period: Period,
    /// Its intention.
    pub intention: Option<String>,
    /// Its focus.
    pub focus: Option<String>,
    /// A sentence saying where it was written.
    pub written: String,
}

/// The title of a review: `Weekly Review 2026-W03`.
pub fn title(period: Period) -> String {
    let kind = period.kind().adjective();
    let mut chars = kind.chars();
    let kind: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    format!("{kind} Review {}", period.title())
}

/// The frontmatter of a review note.
pub fn frontmatter(ctx: &Context<'_>) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("type: {}\n", review_type(ctx.period.kind())));
    out.push_str(&format!(
        "period: {}\n",
        yaml_scalar(&ctx.period.to_string())
    ));
    out.push_str(&format!("created: {}\n", ctx.today.iso()));
    if ctx.covers.len() > 1 {
        out.push_str("covers:\n");
        for p in ctx.covers {
            out.push_str(&format!("  - {}\n", yaml_scalar(&p.to_string())));
        }
    }
    if !ctx.skipped.is_empty() {
        out.push_str("skipped:\n");
        for p in ctx.skipped {
            out.push_str(&format!("  - {}\n", yaml_scalar(&p.to_string())));
        }
    }
    let kept: Vec<&str> = ctx
        .carried
        .iter()
        .filter(|c| c.decision == Decision::Keep)
        .map(|c| c.text.as_str())
        .collect();
    if !kept.is_empty() {
        out.push_str("kept:\n");
        for text in kept {
            out.push_str(&format!("  - {}\n", yaml_scalar(text)));
        }
    }
    out.push_str("tags: [career/review]\n");
    if let Some(theme) = &ctx.next_theme {
        out.push_str(&format!("next_theme: {}\n", yaml_scalar(theme)));
    }
    out.push_str("---\n");
    out
}

/// The whole review note: frontmatter, title, links up and body.
pub fn note(ctx: &Context<'_>) -> String {
    format!(
        "{}# {}\n\n{}\n\n{}",
        frontmatter(ctx),
        title(ctx.period),
        up_line(ctx),
        body(ctx, 2)
    )
}

/// `Up: [[2026-01 Monthly Review]] · [[2026 Goals]] · [[0_Career_Index]]`.
pub fn up_line(ctx: &Context<'_>) -> String {
    let first = ctx.period.first_day(ctx.fiscal);
    let last = ctx.period.last_day(ctx.fiscal);
    let links: Vec<String> = ctx
        .up
        .iter()
        .chain([&ctx.goals_name, &ctx.index_name])
        .map(|n| ctx.links.link(n, None, None))
        .collect();
    format!(
        "*{} – {}* · Up: {}",
        first.long(),
        last.long(),
        links.join(" · ")
    )
}

/// The review's body, its sections at heading `level`.
pub fn body(ctx: &Context<'_>, level: usize) -> String {
    let h = "#".repeat(level.clamp(1, 5));
    let mut out = String::new();
    if ctx.covers.len() > 1 {
        let list: Vec<String> = ctx.covers.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "> [!note] Catch-up\n> This review also covers the {} {} missed since the last one: {}.\n\n",
            ctx.covers.len() - 1,
            unit(ctx.period.kind(), ctx.covers.len() - 1),
            list.get(..list.len().saturating_sub(1)).unwrap_or(&[]).join(", ")
        ));
    }
    if let (Some(first), Some(last)) = (ctx.skipped.first(), ctx.skipped.last()) {
        let n = ctx.skipped.len();
        let range = if first == last {
            first.to_string()
        } else {
            format!("{first} to {last}")
        };
        out.push_str(&format!(
            "> [!note] Skipped\n> {n} older missed {} ({range}) {} beyond what one catch-up covers; this review marks {} skipped. Unfinished items from {} are carried with the rest.\n\n",
            unit(ctx.period.kind(), n),
            if n == 1 { "is" } else { "are" },
            if n == 1 { "it" } else { "them" },
            if n == 1 { "it" } else { "them" },
        ));
    }
    match ctx.period.kind() {
        PeriodKind::Week => weekly(ctx, &h, &mut out),
        PeriodKind::Month => monthly(ctx, &h, &mut out),
        PeriodKind::Quarter => quarterly(ctx, &h, &mut out),
        PeriodKind::Year => crate::reviews::annual::annual(ctx, &h, &mut out),
    }
    let questions: &[&str] = match ctx.period.kind() {
        PeriodKind::Week => &WEEKLY_QUESTIONS,
        PeriodKind::Month => &MONTHLY_QUESTIONS,
        PeriodKind::Quarter => &QUARTERLY_QUESTIONS,
        PeriodKind::Year => &ANNUAL_QUESTIONS,
    };
    out.push_str(&format!("{h} Questions\n\n"));
    for (i, q) in questions.iter().enumerate() {
        out.push_str(&format!("{h}# {}. {q}\n\n\n\n", i + 1));
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn unit(kind: PeriodKind, count: usize) -> &'static str {
    match (kind, count == 1) {
        (PeriodKind::Week, true) => "week",
        (PeriodKind::Week, false) => "weeks",
        (PeriodKind::Month, true) => "month",
        (PeriodKind::Month, false) => "months",
        (PeriodKind::Quarter, true) => "quarter",
        (PeriodKind::Quarter, false) => "quarters",
        (PeriodKind::Year, true) => "year",
        (PeriodKind::Year, false) => "years",
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub(crate) fn goals_suffix(goals: &[String]) -> String {
    if goals.is_empty() {
        String::new()
    } else {
        format!(" ({})", goals.join(", "))
    }
}

fn carried_for<'c>(ctx: &'c Context<'_>, item: &Item) -> Option<&'c Carried> {
    ctx.carried
        .iter()
        .find(|c| c.from == item.period && c.text == item.text)
}

/// One item as a plain bullet: `- **Done** — Email Ana (G1)`.
fn item_line(ctx: &Context<'_>, item: &Item, slipping_word: &str) -> String {
    let status = match item.state {
        ItemState::Done => "Done".to_string(),
        ItemState::Cancelled => "Dropped".to_string(),
        ItemState::Forwarded => "Moved on".to_string(),
        ItemState::Open => match carried_for(ctx, item) {
            Some(c) if c.decision == Decision::Drop => "Dropped".to_string(),
            Some(c) if c.decision == Decision::Keep => format!("{slipping_word}, kept"),
            Some(c) if c.moved => format!("{slipping_word} → {}", c.to),
            Some(_) => format!("{slipping_word}, still open"),
            None => "Open".to_string(),
        },
    };
    let again = if item.carried > 0 {
        format!(" · carried {}×", item.carried)
    } else {
        String::new()
    };
    format!(
        "- **{status}** — {}{}{again}",
        item.text,
        goals_suffix(&item.goals)
    )
}

fn no_goals(ctx: &Context<'_>, out: &mut String) -> bool {
    if ctx.has_goals {
        return false;
    }
    out.push_str(&format!(
        "No goals note yet: {} does not exist. Create it to plan milestones and weekly actions.\n\n",
        ctx.links.link(&ctx.goals_name, None, None)
    ));
    true
}

fn carried_section(ctx: &Context<'_>, h: &str, out: &mut String, what: &str) {
    if ctx.carried.is_empty() {
        return;
    }
    out.push_str(&format!("{h} Unfinished {what}\n\n"));
    for c in ctx.carried {
        let line = if c.decision == Decision::Drop {
            format!("- {}{} — dropped", c.text, goals_suffix(&c.goals))
        } else if c.decision == Decision::Keep {
            format!(
                "- {}{} — kept open in {}",
                c.text,
                goals_suffix(&c.goals),
                c.from
            )
        } else if c.moved {
            format!(
                "- {}{} — carried into {} ({} time)",
                c.text,
                goals_suffix(&c.goals),
                c.to,
                ordinal(c.carried)
            )
        } else {
            format!(
                "- {}{} — left open: {} belongs to next year's goals note; carry it there by hand",
                c.text,
                goals_suffix(&c.goals),
                c.to
            )
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    let flagged: Vec<&Carried> = ctx.carried.iter().filter(|c| c.flagged).collect();
    if !flagged.is_empty() {
        out.push_str(&format!(
            "> [!warning] Carried {FLAG_AT} times or more: keep, re-scope or drop?\n"
        ));
        for c in flagged {
            out.push_str(&format!("> - {} ({} times)\n", c.text, c.carried));
        }
        out.push('\n');
    }
}

fn weekly(ctx: &Context<'_>, h: &str, out: &mut String) {
    out.push_str(&format!("{h} This week's actions\n\n"));
    if !no_goals(ctx, out) {
        for week in ctx.covers {
            let heading = week.title();
            let link = ctx.links.link(
                &ctx.goals_name,
                Some(&heading),
                Some(&format!("{} › {heading}", ctx.goals_name)),
            );
            out.push_str(&format!("From {link}:\n\n"));
            let items: Vec<&Item> = ctx.goals.actions_of(*week).collect();
            if items.is_empty() {
                out.push_str("- No actions planned.\n");
            }
            for item in items {
                out.push_str(&item_line(ctx, item, "Unfinished"));
                out.push('\n');
            }
            out.push('\n');
        }
    }
    carried_section(ctx, h, out, "actions");
    let month = ctx.period.months(ctx.fiscal);
    if let (Some(month), true) = (month.first(), ctx.has_goals) {
        out.push_str(&format!(
            "{h} This month's milestones ({})\n\n",
            month.title()
        ));
        let items: Vec<&Item> = ctx.goals.milestones_of(*month).collect();
        if items.is_empty() {
            out.push_str("- No milestones planned.\n");
        }
        for item in items {
            out.push_str(&item_line(ctx, item, "Open"));
            out.push('\n');
        }
        out.push('\n');
    }
    open_tasks(ctx, h, out);
    threads(ctx, h, out);
}

fn open_tasks(ctx: &Context<'_>, h: &str, out: &mut String) {
    let Some(index) = ctx.index_text else {
        return;
    };
    let Some(section) = find_kind(index, "open_tasks") else {
        return;
    };
    // Open checklist items, and plain bullets: a hand-written to-do list is
    // open until ticked or removed. In the order the note lists them.
    let mut open: Vec<(usize, String)> = tasks_in(index, section.body_span)
        .into_iter()
        .filter(|t| t.is_open() && !is_placeholder_line(&format!("- [ ] {}", t.text)))
        .map(|t| (t.line, t.text))
        .collect();
    let lines: Vec<&str> = index.lines().collect();
    for entry in readers::filled(index, section.body_span) {
        if entry.form != readers::Form::Bullet {
            continue;
        }
        let Some(raw) = entry.line.checked_sub(1).and_then(|i| lines.get(i)) else {
            continue;
        };
        let t = raw.trim_start();
        let marker = t.strip_prefix(['-', '*', '+']).or_else(|| {
            let digits = t.trim_start_matches(|c: char| c.is_ascii_digit());
            (digits.len() < t.len())
                .then(|| digits.strip_prefix(['.', ')']))
                .flatten()
        });
        let item = marker.unwrap_or(t).trim();
        if !item.is_empty() && !is_placeholder_line(raw) {
            open.push((entry.line, item.to_string()));
        }
    }
    crate::order::sort_by_key(&mut open, |(line, _)| *line);
    let open: Vec<String> = open.into_iter().map(|(_, t)| t).collect();
    out.push_str(&format!(
        "{h} Open tasks\n\nFrom {}:\n\n",
        ctx.links
            .link(&ctx.index_name, Some(&section.title), Some(&section.title))
    ));
    if open.is_empty() {
        out.push_str("- None open.\n");
    }
    for t in open {
        out.push_str(&format!("- {t}\n"));
    }
    out.push('\n');
}

fn threads(ctx: &Context<'_>, h: &str, out: &mut String) {
    if ctx.threads.is_empty() {
        return;
    }
    out.push_str(&format!("{h} Open threads from coaching sessions\n\n"));
    for t in ctx.threads {
        let name = t.note.rsplit('/').next().unwrap_or(&t.note);
        let name = name.strip_suffix(".md").unwrap_or(name);
        let again = if t.carried > 0 {
            format!(" · carried {}×", t.carried)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "- {} — {}{again}\n",
            t.text,
            ctx.links.link(name, None, None)
        ));
    }
    out.push('\n');
}

fn milestone_tally(ctx: &Context<'_>, month: Period) -> (usize, usize) {
    let items: Vec<&Item> = ctx
        .goals
        .milestones_of(month)
        .filter(|i| i.state.counts() || i.state == ItemState::Forwarded)
        .collect();
    let done = items.iter().filter(|i| i.state == ItemState::Done).count();
    (done, items.len())
}

fn monthly(ctx: &Context<'_>, h: &str, out: &mut String) {
    out.push_str(&format!("{h} Milestone check\n\n"));
    if !no_goals(ctx, out) {
        for month in ctx.covers {
            let heading = month.title();
            let link = ctx.links.link(
                &ctx.goals_name,
                Some(&heading),
                Some(&format!("{} › {heading}", ctx.goals_name)),
            );
            let (done, total) = milestone_tally(ctx, *month);
            out.push_str(&format!("From {link} — {done} of {total} done:\n\n"));
            let items: Vec<&Item> = ctx.goals.milestones_of(*month).collect();
            if items.is_empty() {
                out.push_str("- No milestones planned.\n");
            }
            for item in items {
                out.push_str(&item_line(ctx, item, "Slipping"));
                out.push('\n');
            }
            out.push('\n');
        }
    }
    if !ctx.carried.is_empty() {
        carried_section(ctx, h, out, "milestones: the adjustment");
    } else if ctx.has_goals {
        out.push_str(&format!(
            "{h} Adjustment\n\nNothing slipped: no milestone moves to next month.\n\n"
        ));
    }
    out.push_str(&format!("{h} Weekly reviews\n\n"));
    let mut weekly: Vec<&ExistingReview> = ctx
        .reviews
        .iter()
        .filter(|r| {
            r.period.kind() == PeriodKind::Week
                && r.covers
                    .iter()
                    .chain([&r.period])
                    .any(|w| ctx.covers.iter().any(|m| w.within(*m, ctx.fiscal)))
        })
        .collect();
    crate::order::sort_by_key(&mut weekly, |r| r.period);
    weekly.dedup_by_key(|r| r.path.clone());
    if weekly.is_empty() {
        out.push_str("- No weekly reviews this month.\n");
    }
    for r in weekly {
        out.push_str(&format!(
            "- {} — {}\n",
            r.period,
            ctx.links.link(r.name(), None, None)
        ));
    }
    out.push('\n');
}

fn quarterly(ctx: &Context<'_>, h: &str, out: &mut String) {
    out.push_str(&format!("{h} This quarter's intention\n\n"));
    if !no_goals(ctx, out) {
        for quarter in ctx.covers {
            let Period::Quarter { quarter: q, .. } = quarter else {
                continue;
            };
            match ctx.goals.quarter(*q) {
                Some(row) if !row.intention.is_empty() => {
                    out.push_str(&format!("**{quarter}: \"{}\"**", row.intention));
                    if !row.focus.is_empty() {
                        out.push_str(&format!(" — focus: {}", row.focus));
                    }
                    out.push_str("\n\n");
                }
                _ => out.push_str(&format!(
                    "**{quarter}:** no intention was written in the goals note.\n\n"
                )),
            }
            out.push_str(&format!("{h}# Milestones, month by month\n\n"));
            for month in quarter.months(ctx.fiscal) {
                let (done, total) = milestone_tally(ctx, month);
                if total == 0 {
                    out.push_str(&format!(
                        "- **{}** — no milestones planned\n",
                        month.title()
                    ));
                    continue;
                }
                out.push_str(&format!(
                    "- **{}** — {done} of {total} done\n",
                    month.title()
                ));
                for item in ctx.goals.milestones_of(month) {
                    out.push_str("  ");
                    out.push_str(&item_line(ctx, item, "Open"));
                    out.push('\n');
                }
            }
            out.push('\n');
        }
        goal_table(ctx, h, out);
    }
    if let Some(next) = &ctx.next_quarter {
        out.push_str(&format!("{h} Next quarter ({})\n\n", next.period));
        out.push_str(&format!(
            "- **Intention:** {}\n- **Focus:** {}\n\n{}\n\n",
            next.intention.as_deref().unwrap_or("*not set yet*"),
            next.focus.as_deref().unwrap_or("*not set yet*"),
            next.written
        ));
    }
}

fn goal_table(ctx: &Context<'_>, h: &str, out: &mut String) {
    if ctx.goals.goals.is_empty() {
        return;
    }
    out.push_str(&format!(
        "{h} Annual goals\n\n| Goal | Outcome | Status |\n|---|---|---|\n"
    ));
    for g in &ctx.goals.goals {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            g.id,
            g.outcome.replace('|', "\\|"),
            g.status.label().replace('|', "\\|")
        ));
    }
    out.push('\n');
}
