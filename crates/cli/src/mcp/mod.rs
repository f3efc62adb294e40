//! `career mcp`: the method served to an AI assistant over the Model Context
//! Protocol (stdio), with the official Rust SDK (`rmcp`).
//!
//! The assistant does the understanding; Career Coach guarantees the structure
//! and the safety. Nothing here is a third copy of the method: reads go
//! through the CLI's commands and the core, every change is planned by
//! [`plans`] into a core [`career_core::proposal::Proposal`], and only
//! `confirm_change` writes, through the vault's one guarded write
//! ([`crate::vault::Vault::commit`], exact mode): a note that changed since
//! its preview is not written, and the change is planned again and shown.
//!
//! - [`tools`]: the tools (read, propose, confirm, note a decision or thread);
//! - [`prompts`]: one prompt per phase of the method;
//! - [`resources`]: the career notes by URI (`career://note/…`);
//! - [`params`] and [`outputs`]: the tools' arguments and results, with schemas.
//!
//! Process rules: stdout carries only protocol messages; stderr is quiet
//! unless `--verbose`. Requests run one at a time on one thread, and a write
//! never yields halfway, so closing stdin (or cancelling) mid-call leaves a
//! note either as it was or fully written. The session (what was confirmed,
//! for its log) lives as long as the process.

mod outputs;
mod params;
mod plans;
mod prompts;
mod resources;
mod tools;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use career_core::assistant::Record;
use career_core::{CoreError, ErrorCode};
use rmcp::handler::server::router::prompt::PromptRouter;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::model::{
    CompleteRequestParams, CompleteResult, CompletionInfo, Implementation,
    ListResourceTemplatesResult, ListResourcesResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, Reference, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{prompt_handler, tool_handler, ErrorData, RoleServer, ServerHandler, ServiceExt};

use crate::Context;

/// A change proposed and not yet confirmed.
struct Pending {
    intent: plans::Intent,
    plan: plans::Plan,
}

/// How many unconfirmed proposals are kept; older ones are forgotten (their
/// confirmation is `unknown_proposal`, and the change can be proposed again).
const KEPT: usize = 32;

/// Unconfirmed proposals, oldest first.
#[derive(Default)]
struct Proposals(Vec<(String, Pending)>);

impl Proposals {
    fn insert(&mut self, token: String, pending: Pending) {
        self.0.retain(|(t, _)| *t != token);
        self.0.push((token, pending));
        if self.0.len() > KEPT {
            self.0.remove(0);
        }
    }

    fn remove(&mut self, token: &str) -> Option<Pending> {
        let at = self.0.iter().position(|(t, _)| t == token)?;
        Some(self.0.remove(at).1)
    }
}

/// The session: pending proposals by token, and what was confirmed.
#[derive(Default)]
struct State {
    pending: Proposals,
    record: Record,
}

/// The server.
#[derive(Clone)]
pub struct CareerServer {
    vault: PathBuf,
    today: Option<String>,
    verbose: bool,
    state: Arc<Mutex<State>>,
    tool_router: ToolRouter<Self>,
    prompt_router: PromptRouter<Self>,
}

/// What the assistant is told about the server when it connects.
const INSTRUCTIONS: &str = "Career Coach: plan a career in the person's own markdown notes (an Obsidian vault), with the Career Coaching method: a profile (Phase 1), a Career Index with twelve sections (Phase 2), one-question-at-a-time coaching (Phase 3), a blind spot analysis (Phase 4), a goal cascade (Phase 5) and weekly to annual reviews (Phase 6), each session ending with a session log.\n\
Read with the read_…/list_…/find_… tools. Change nothing without the person: every propose_… tool returns a read-back and the exact diff, and only confirm_change writes, once the person has agreed. Each phase's method is a prompt; the notes are resources (career://note/…).\n\
Start with read_index (and list_threads: open threads from the last session).";

impl CareerServer {
    fn new(vault: PathBuf, today: Option<String>, verbose: bool) -> Self {
        Self {
            vault,
            today,
            verbose,
            state: Arc::new(Mutex::new(State::default())),
            tool_router: Self::tool_router(),
            prompt_router: Self::prompt_router(),
        }
    }

    /// The vault's settings and the day, as they are now (they may change while the server runs).
    fn context(&self) -> Result<Context, CoreError> {
        Context::load(self.vault.clone(), self.today.as_deref(), true)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave a half-written note
        // (writes are atomic), so a poisoned lock's state is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A line on stderr, only with `--verbose`.
    fn log(&self, what: &str) {
        if self.verbose {
            eprintln!("career mcp: {what}");
        }
    }
}

#[tool_handler(router = self.tool_router)]
#[prompt_handler(router = self.prompt_router)]
impl ServerHandler for CareerServer {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_prompts()
                .enable_resources()
                .enable_completions()
                .build(),
        )
        .with_server_info(
            Implementation::new("career-coach", career_core::VERSION).with_title("Career Coach"),
        )
        .with_instructions(INSTRUCTIONS)
    }

    /// Suggests values for the prompts' arguments: `coach_section`'s section
    /// ids, `goal_cascade`'s years.
    async fn complete(
        &self,
        request: CompleteRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, ErrorData> {
        let Reference::Prompt(prompt) = &request.r#ref else {
            return Ok(CompleteResult::default());
        };
        let candidates: Vec<String> = match (prompt.name.as_str(), request.argument.name.as_str()) {
            ("coach_section", "section") => career_core::assistant::coach::section_ids()
                .into_iter()
                .map(String::from)
                .collect(),
            ("goal_cascade", "year") => {
                let context = self.context().map_err(protocol_error)?;
                let fiscal = context.settings.fiscal().map_err(protocol_error)?;
                let offered = career_core::goals::year::default_year(context.today, fiscal);
                let mut years = vec![offered.year.to_string()];
                if offered.current != offered.year {
                    years.push(offered.current.to_string());
                }
                years
            }
            _ => Vec::new(),
        };
        let typed = request.argument.value.to_lowercase();
        let values: Vec<String> = candidates
            .into_iter()
            .filter(|v| v.to_lowercase().starts_with(&typed))
            .take(CompletionInfo::MAX_VALUES)
            .collect();
        Ok(CompleteResult::new(
            CompletionInfo::new(values).unwrap_or_default(),
        ))
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        let context = self.context().map_err(protocol_error)?;
        Ok(ListResourcesResult::with_all_items(
            resources::list(&context).map_err(protocol_error)?,
        ))
    }

    async fn list_resource_templates(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, ErrorData> {
        Ok(ListResourceTemplatesResult::with_all_items(
            resources::templates(),
        ))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        self.log(&format!("read {}", request.uri));
        let context = self.context().map_err(protocol_error)?;
        resources::read(&context, &request.uri)
    }
}

/// A core error as a JSON-RPC error (for requests that are not tool calls),
/// with our code in its data.
fn protocol_error(error: CoreError) -> ErrorData {
    let data = Some(serde_json::json!({ "code": error.code, "message": error.message }));
    match error.code {
        ErrorCode::InvalidInput | ErrorCode::PathOutsideVault | ErrorCode::Usage => {
            ErrorData::invalid_params(error.message, data)
        }
        ErrorCode::NoteMissing => ErrorData::resource_not_found(error.message, data),
        _ => ErrorData::internal_error(error.message, data),
    }
}

/// Serves the vault on stdin/stdout until the client closes stdin.
pub fn serve(vault: PathBuf, today: Option<String>, verbose: bool) -> Result<(), CoreError> {
    // Refuse a missing vault or a bad --today before speaking the protocol.
    crate::vault::Vault::open(&vault)?;
    if let Some(day) = &today {
        career_core::Day::parse(day)?;
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CoreError::new(ErrorCode::Io, format!("Could not start the server ({e}).")))?;
    let server = CareerServer::new(vault.clone(), today, verbose);
    server.log(&format!("serving {} on stdio", vault.display()));
    runtime.block_on(async move {
        let running = server
            .clone()
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| {
                CoreError::new(ErrorCode::Io, format!("The client did not connect ({e})."))
            })?;
        let reason = running.waiting().await;
        server.log(&format!("stopped: {reason:?}"));
        Ok(())
    })
}
