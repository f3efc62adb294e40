//! One prompt per phase of the method. Each gives the assistant that step's
//! method (built by the core from the question bank and the methodology's
//! tables, with the notes as they are now) and the rules: one question at a
//! time, confirm before writing, a session log at the end.

use career_core::assistant::prompts;
use career_core::templates::profile_coach::{self, QUESTIONS};
use career_core::{CoreError, PeriodKind};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{GetPromptResult, PromptMessage, Role};
use rmcp::{prompt, prompt_router, ErrorData};
use schemars::JsonSchema;
use serde::Deserialize;

use super::{protocol_error, CareerServer};
use crate::commands;

/// Which section to coach.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CoachArgs {
    /// The Career Index section to coach, by id or name (vision, current_role, timeline, network, wins, belief…).
    pub section: String,
}

/// Which year to plan.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CascadeArgs {
    /// The planning year (default: this one; in its last quarter, the next).
    #[serde(default)]
    pub year: Option<String>,
}

fn result(description: &str, text: String) -> GetPromptResult {
    GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)])
        .with_description(description)
}

impl CareerServer {
    fn review_prompt(&self, kind: PeriodKind) -> Result<GetPromptResult, ErrorData> {
        Ok(result(
            &format!(
                "The {} review, with the method's questions.",
                kind.adjective()
            ),
            prompts::review(kind),
        ))
    }

    fn index_text(&self) -> Result<(String, Option<String>), CoreError> {
        let context = self.context()?;
        let path = context.settings.note_paths(context.today)?.career_index;
        let text = context.files()?.read(&path)?.map(|n| n.text);
        Ok((path, text))
    }
}

#[prompt_router(vis = "pub(super)")]
impl CareerServer {
    /// Phase 1: the profile interview, one question at a time, each answer written into User Preferences once confirmed.
    #[prompt(name = "profile_interview")]
    async fn profile_interview(&self) -> Result<GetPromptResult, ErrorData> {
        let context = self.context().map_err(protocol_error)?;
        let path = context
            .settings
            .note_paths(context.today)
            .map_err(protocol_error)?
            .profile;
        let text = context
            .files()
            .and_then(|f| f.read(&path))
            .map_err(protocol_error)?
            .map(|n| n.text)
            .unwrap_or_default();
        let current: Vec<_> = QUESTIONS
            .iter()
            .map(|q| (*q, profile_coach::current(&text, q.id).ok().flatten()))
            .collect();
        Ok(result(
            "Phase 1: the profile interview.",
            prompts::profile_interview(&current),
        ))
    }

    /// Phase 2: set up the Career Index and its twelve sections (or complete an existing one).
    #[prompt(name = "index_structure")]
    async fn index_structure(&self) -> Result<GetPromptResult, ErrorData> {
        let (path, text) = self.index_text().map_err(protocol_error)?;
        Ok(result(
            "Phase 2: the Career Index's structure.",
            prompts::index_structure(&path, text.is_some()),
        ))
    }

    /// Phase 3: coach one Career Index section: the method's question, its follow-ups and definitions (sponsor, mentor, advisor).
    #[prompt(name = "coach_section")]
    async fn coach_section(
        &self,
        Parameters(args): Parameters<CoachArgs>,
    ) -> Result<GetPromptResult, ErrorData> {
        let (_, text) = self.index_text().map_err(protocol_error)?;
        let q =
            career_core::assistant::coach::question(text.as_deref().unwrap_or(""), &args.section)
                .map_err(protocol_error)?;
        Ok(result(
            &format!("Phase 3: coach {}.", q.title),
            prompts::coach_section(&q),
        ))
    }

    /// Phase 4: the blind spot review, with the method's critique questions and Career Coach's findings as evidence.
    #[prompt(name = "blind_spot_review")]
    async fn blind_spot_review(&self) -> Result<GetPromptResult, ErrorData> {
        let context = self.context().map_err(protocol_error)?;
        let (_, text) = self.index_text().map_err(protocol_error)?;
        let findings = match text {
            Some(text) => {
                commands::blindspots::findings_for(&context, &text).map_err(protocol_error)?
            }
            None => Vec::new(),
        };
        Ok(result(
            "Phase 4: the blind spot analysis.",
            prompts::blind_spot_review(&findings),
        ))
    }

    /// Phase 5: the goal cascade, from the vision to annual goals, quarterly intentions, monthly milestones and weekly actions.
    #[prompt(name = "goal_cascade")]
    async fn goal_cascade(
        &self,
        Parameters(args): Parameters<CascadeArgs>,
    ) -> Result<GetPromptResult, ErrorData> {
        let context = self.context().map_err(protocol_error)?;
        let fiscal = context.settings.fiscal().map_err(protocol_error)?;
        let year = match args
            .year
            .as_deref()
            .map(str::trim)
            .filter(|y| !y.is_empty())
        {
            Some(y) => y.parse::<i32>().map_err(|_| {
                protocol_error(CoreError::new(
                    career_core::ErrorCode::InvalidInput,
                    format!("\"{y}\" is not a year."),
                ))
            })?,
            None => career_core::goals::year::default_year(context.today, fiscal).year,
        };
        let start = commands::goals::new_goals(&context, year).map_err(protocol_error)?;
        let name = context.settings.goals_name(year).map_err(protocol_error)?;
        let exists = commands::goals::goals_note(&context, year).is_ok();
        Ok(result(
            &format!("Phase 5: the goal cascade for {year}."),
            prompts::goal_cascade(year, &start.cascade, &name, exists),
        ))
    }

    /// Phase 6: the weekly review: the four weekly questions, this week's actions, unfinished ones carried forward.
    #[prompt(name = "weekly_review")]
    async fn weekly_review(&self) -> Result<GetPromptResult, ErrorData> {
        self.review_prompt(PeriodKind::Week)
    }

    /// Phase 6: the monthly review: the month's milestones checked, slipping ones moved.
    #[prompt(name = "monthly_review")]
    async fn monthly_review(&self) -> Result<GetPromptResult, ErrorData> {
        self.review_prompt(PeriodKind::Month)
    }

    /// Phase 6: the quarterly review: the quarter's intention reviewed, the next one planned.
    #[prompt(name = "quarterly_review")]
    async fn quarterly_review(&self) -> Result<GetPromptResult, ErrorData> {
        self.review_prompt(PeriodKind::Quarter)
    }

    /// Phase 6: the annual review: the whole Career Index, each goal's outcome, next year's theme.
    #[prompt(name = "annual_review")]
    async fn annual_review(&self) -> Result<GetPromptResult, ErrorData> {
        self.review_prompt(PeriodKind::Year)
    }
}
