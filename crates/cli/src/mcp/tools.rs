//! The tools. Reads change nothing; every `propose_…` tool plans a change and
//! writes nothing; `confirm_change` is the one that writes, and only what the
//! person saw. Each description says when to use the tool, in the method's
//! terms, and each tool's annotations say what it does to the vault.

use career_core::blindspots::{FindingAction, Severity};
use career_core::coach::session::Decision;
use career_core::proposal::{stale, ChangeAction};
use career_core::templates::profile_coach::{self, QUESTIONS};
use career_core::{CoreError, ErrorCode, Period, PeriodKind};
use rmcp::{tool, tool_router};

use super::outputs::{
    BlindSpotsOut, ConfirmOut, DefinitionOut, DueOut, FieldOut, FindingOut, IndexOut, NoteOut,
    NotedOut, OutlineOut, ProfileAnswerOut, ProfileOut, ProgressOut, ProposalOut, QuestionOut,
    Reply, SectionOut, SectionStateOut, ThreadOut, ThreadsOut, WrittenOut,
};
use super::params::{
    CloseArgs, ConfirmArgs, DecisionArgs, FollowUpArgs, GoalStatusArgs, GoalsNoteArgs, NoArgs,
    NoteArgs, OpenThreadArgs, Parameters, ProfileAnswerArgs, PropertyEditArgs, QuestionArgs,
    ReadSectionArgs, ReviewArgs, SectionAnswerArgs, SectionEditArgs, SetupArgs, TableEditArgs,
    TaskEditArgs, ThreadArgs, WeeklyActionArgs, YearArgs,
};
use super::plans::{name_of, note_path, plan, Effect, Intent};
use super::{CareerServer, Pending};
use crate::commands;
use crate::vault::{Commit, Written};

/// `?` for tools: a core error becomes a refusal with its code.
macro_rules! attempt {
    ($e:expr) => {
        match $e {
            Ok(value) => value,
            Err(error) => return Reply::from(error),
        }
    };
}

impl CareerServer {
    /// Plans an intent and keeps it until it is confirmed.
    fn propose(&self, intent: Intent) -> Reply<ProposalOut> {
        let context = attempt!(self.context());
        let mut state = self.state();
        let planned = plan(&context, &intent, &state.record, &commands::coach::now());
        let planned = match planned {
            Ok(p) => p,
            Err(e) => {
                self.log(&format!("propose refused: error[{}]", e.code));
                return e.into();
            }
        };
        let text = planned.out.text();
        let out = planned.out.clone();
        self.log(&format!("proposed {} ({})", out.summary, out.token));
        if !planned.proposal.is_empty() {
            state.pending.insert(
                planned.proposal.token.clone(),
                Pending {
                    intent,
                    plan: planned,
                },
            );
        }
        Reply::done(text, out)
    }

    fn read_note_text(&self, note: Option<&str>) -> Result<(String, String), CoreError> {
        let context = self.context()?;
        let path = note_path(&context, note)?;
        let text = context.files()?.read_existing(&path)?.text;
        Ok((path, text))
    }
}

#[tool_router(vis = "pub(super)")]
impl CareerServer {
    // ----- Reading -----------------------------------------------------------

    #[tool(
        description = "Read the Career Index: the person's strategic career note (Vision, Annual Theme, Current Role, Timeline, Growth, Innovation Thesis, Network, External Visibility, Wins, Business Impact, Risk Register, Open Tasks). Use it first in any session, and before a blind spot review. Returns its path, the whole text, and each coaching section's state (filled, empty or missing) so you know what to coach next.",
        output_schema = rmcp::handler::server::common::schema_for_output::<IndexOut>(),
        annotations(
            title = "Read the Career Index",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn read_index(&self, Parameters(_): Parameters<NoArgs>) -> Reply<IndexOut> {
        let context = attempt!(self.context());
        let path = attempt!(context.settings.note_paths(context.today)).career_index;
        let text = attempt!(attempt!(context.files()).read(&path)).map(|n| n.text);
        let sections = career_core::assistant::coach::section_ids()
            .into_iter()
            .map(|id| {
                let (title, state) = match &text {
                    None => (id.to_string(), "missing"),
                    Some(text) => match career_core::assistant::coach::question(text, id) {
                        Ok(q) => {
                            let found = id == "headline"
                                || career_core::coach::writers::find_kind(text, id).is_some();
                            let state = if !found {
                                "missing"
                            } else if q.current.is_empty() {
                                "empty"
                            } else {
                                "filled"
                            };
                            (q.title, state)
                        }
                        Err(_) => (id.to_string(), "missing"),
                    },
                };
                SectionStateOut {
                    id: id.to_string(),
                    title,
                    state: state.to_string(),
                }
            })
            .collect::<Vec<_>>();
        let summary = match &text {
            None => format!("{path} does not exist yet: offer propose_setup to create it."),
            Some(text) => {
                let empty: Vec<&str> = sections
                    .iter()
                    .filter(|s| s.state != "filled")
                    .map(|s| s.title.as_str())
                    .collect();
                format!(
                    "{path}\nNot filled yet: {}\n\n{text}",
                    if empty.is_empty() {
                        "none".to_string()
                    } else {
                        empty.join(", ")
                    }
                )
            }
        };
        Reply::done(
            summary,
            IndexOut {
                exists: text.is_some(),
                path,
                sections,
                text: text.unwrap_or_default(),
            },
        )
    }

    #[tool(
        description = "Read one section of a note exactly as written (the Career Index unless `note` names another), by its heading path such as \"Network/Sponsors\". Use it to quote what the person already wrote before asking about it.",
        output_schema = rmcp::handler::server::common::schema_for_output::<SectionOut>(),
        annotations(
            title = "Read a section",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn read_section(&self, Parameters(args): Parameters<ReadSectionArgs>) -> Reply<SectionOut> {
        let (path, text) = attempt!(self.read_note_text(args.note.as_deref()));
        let all = career_core::note::outline::sections(&text);
        let found = attempt!(career_core::note::outline::find(&all, &args.section));
        let body = found.body_span.of(&text).to_string();
        Reply::done(
            body.clone(),
            SectionOut {
                note: path,
                section: found.path.clone(),
                body,
            },
        )
    }

    #[tool(
        description = "The outline of a note (the Career Index unless `note` names another): its sections with their paths, tables, tasks with their line numbers, and links. Use it to find the section path or task line a surgical edit needs.",
        output_schema = rmcp::handler::server::common::schema_for_output::<OutlineOut>(),
        annotations(
            title = "Read a note's outline",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn read_outline(&self, Parameters(args): Parameters<NoteArgs>) -> Reply<OutlineOut> {
        let (path, text) = attempt!(self.read_note_text(args.note.as_deref()));
        let outline = career_core::note::outline(&text);
        let human = outline
            .sections
            .iter()
            .map(|s| format!("{} {}", "#".repeat(usize::from(s.level)), s.path))
            .collect::<Vec<_>>()
            .join("\n");
        Reply::done(
            human,
            OutlineOut {
                note: path,
                outline: serde_json::to_value(&outline).unwrap_or_default(),
            },
        )
    }

    #[tool(
        description = "Read a whole note of the vault by its path (the Career Index unless `note` names another): the goals note, a review, a session log, the methodology note. Markdown notes only.",
        output_schema = rmcp::handler::server::common::schema_for_output::<NoteOut>(),
        annotations(
            title = "Read a note",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn read_note(&self, Parameters(args): Parameters<NoteArgs>) -> Reply<NoteOut> {
        let (path, text) = attempt!(self.read_note_text(args.note.as_deref()));
        Reply::done(text.clone(), NoteOut { path, text })
    }

    #[tool(
        description = "Read the profile (Phase 1): the User Preferences your help is tailored to (name, location, timezone; role, industry, expertise; tone, depth, format; how to help; things to avoid), each question with what the profile says now. Read it at the start of a session and follow what it says; use it before the profile interview.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProfileOut>(),
        annotations(
            title = "Read the profile",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn read_profile(&self, Parameters(_): Parameters<NoArgs>) -> Reply<ProfileOut> {
        let context = attempt!(self.context());
        let path = attempt!(context.settings.note_paths(context.today)).profile;
        let text = attempt!(attempt!(context.files()).read(&path)).map(|n| n.text);
        let ready = text
            .as_deref()
            .is_some_and(|t| profile_coach::current(t, "name").is_ok());
        let answers: Vec<ProfileAnswerOut> = QUESTIONS
            .iter()
            .map(|q| ProfileAnswerOut {
                id: q.id.to_string(),
                part: q.part.to_string(),
                question: q.question.to_string(),
                hint: q.hint.to_string(),
                current: text
                    .as_deref()
                    .and_then(|t| profile_coach::current(t, q.id).ok().flatten()),
            })
            .collect();
        let human = if ready {
            answers
                .iter()
                .map(|a| {
                    format!(
                        "{} ({}): {}",
                        a.id,
                        a.part,
                        a.current.as_deref().unwrap_or("(not answered)")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            format!("{path} has no User Preferences yet: offer propose_setup.")
        };
        Reply::done(
            human,
            ProfileOut {
                path,
                ready,
                answers,
            },
        )
    }

    #[tool(
        description = "The question the method asks for one Career Index section (Phase 3), with its hint, the answer's fields, the deepening follow-ups, the definitions to give (sponsor, mentor, advisor), and what the section holds now. Use it before you ask the person about a section, then put their answer to propose_section_answer.",
        output_schema = rmcp::handler::server::common::schema_for_output::<QuestionOut>(),
        annotations(
            title = "Get a section's coaching question",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn get_coaching_question(
        &self,
        Parameters(args): Parameters<QuestionArgs>,
    ) -> Reply<QuestionOut> {
        let context = attempt!(self.context());
        let path = attempt!(context.settings.note_paths(context.today)).career_index;
        let text = attempt!(attempt!(context.files()).read(&path))
            .map(|n| n.text)
            .unwrap_or_default();
        let q = attempt!(career_core::assistant::coach::question(
            &text,
            &args.section.0
        ));
        let definitions: Vec<DefinitionOut> = if q.definitions.is_empty() && q.section == "network"
        {
            career_core::coach::questions::NETWORK_TERMS.to_vec()
        } else {
            q.definitions.clone()
        }
        .into_iter()
        .map(|d| DefinitionOut {
            term: d.term.to_string(),
            meaning: d.meaning.to_string(),
        })
        .collect();
        let human = career_core::assistant::prompts::coach_section(&q);
        Reply::done(
            human,
            QuestionOut {
                section: q.section,
                title: q.title,
                mode: serde_json::to_value(q.mode)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                question: q.question,
                hint: q.hint,
                shape: serde_json::to_value(q.shape)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                fields: q
                    .fields
                    .into_iter()
                    .map(|f| FieldOut {
                        id: f.id,
                        label: f.label,
                    })
                    .collect(),
                follow_ups: q.follow_ups,
                definitions,
                current: q.current,
            },
        )
    }

    #[tool(
        description = "Open threads from earlier session logs: what past sessions left to pick up. Use it at the start of a session, ask the person about each, and resolve, carry or drop it with propose_thread_update.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ThreadsOut>(),
        annotations(
            title = "List open threads",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn list_threads(&self, Parameters(_): Parameters<NoArgs>) -> Reply<ThreadsOut> {
        let context = attempt!(self.context());
        let open = attempt!(commands::log::open_threads(&context));
        let human = if open.is_empty() {
            "No open threads.".to_string()
        } else {
            open.iter()
                .map(|t| format!("- {} ({} line {})", t.text, t.note, t.line))
                .collect::<Vec<_>>()
                .join("\n")
        };
        Reply::done(
            human,
            ThreadsOut {
                threads: open
                    .into_iter()
                    .map(|t| ThreadOut {
                        note: t.note,
                        line: t.line,
                        text: t.text,
                        carried: t.carried,
                    })
                    .collect(),
            },
        )
    }

    #[tool(
        description = "Which reviews are due today (Phase 6: weekly, monthly, quarterly, annual), each with the periods it covers: missed periods are caught up in one review. Use it when the person asks what to review, or at the start of a maintenance session.",
        output_schema = rmcp::handler::server::common::schema_for_output::<DueOut>(),
        annotations(
            title = "List due reviews",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn list_due_reviews(&self, Parameters(_): Parameters<NoArgs>) -> Reply<DueOut> {
        let context = attempt!(self.context());
        let output = attempt!(commands::due::run(&context));
        let due = match output.json {
            serde_json::Value::Array(items) => items,
            _ => Vec::new(),
        };
        Reply::done(output.human, DueOut { due })
    }

    #[tool(
        description = "Progress on the year's goals (Phase 5): completion per annual goal, quarter and month, from the goals note's checkboxes and statuses. Use it in reviews and whenever the person asks how they are doing.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProgressOut>(),
        annotations(
            title = "Read goal progress",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn read_goal_progress(&self, Parameters(args): Parameters<YearArgs>) -> Reply<ProgressOut> {
        let context = attempt!(self.context());
        let fiscal = attempt!(context.settings.fiscal());
        let year = args.year.unwrap_or_else(|| {
            commands::goals::year_of(Period::containing(PeriodKind::Year, context.today, fiscal))
        });
        let note = attempt!(commands::goals::goals_note(&context, year));
        let p = career_core::goals::progress::progress(
            &career_core::goals::read(&note.text),
            fiscal,
            context.today,
        );
        Reply::done(
            career_core::goals::progress::render_text(&p),
            ProgressOut {
                note: note.relative,
                progress: serde_json::to_value(&p).unwrap_or_default(),
            },
        )
    }

    #[tool(
        description = "The blind spot analysis (Phase 4): Career Coach's rules read the whole Career Index as a coach would and report each gap (no point of view, internal-only visibility, unquantified wins, too many priorities, no contingency, sponsors all internal…) with the lines that are its evidence and the question that surfaces it. Use it after the sections are filled; ask the questions one at a time and coach the sections they name. propose_blind_spot_analysis saves it as a note.",
        output_schema = rmcp::handler::server::common::schema_for_output::<BlindSpotsOut>(),
        annotations(
            title = "Find blind spots",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn find_blind_spots(&self, Parameters(_): Parameters<NoArgs>) -> Reply<BlindSpotsOut> {
        let context = attempt!(self.context());
        let path = attempt!(context.settings.note_paths(context.today)).career_index;
        let index = attempt!(attempt!(context.files()).read_existing(&path));
        let findings = attempt!(commands::blindspots::findings_for(&context, &index.text));
        let human = if findings.is_empty() {
            "No blind spots found.".to_string()
        } else {
            findings
                .iter()
                .map(|f| {
                    let entry = match &f.action {
                        FindingAction::Coach {
                            entry: Some(line), ..
                        } => format!(" (the entry on line {line})"),
                        _ => String::new(),
                    };
                    format!(
                        "- {} — {}{entry}: {}\n  Ask: {}",
                        f.id, f.section, f.evidence, f.question
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        Reply::done(
            human,
            BlindSpotsOut {
                findings: findings
                    .into_iter()
                    .map(|f| FindingOut {
                        severity: match f.severity {
                            Severity::High => "high",
                            Severity::Medium => "medium",
                            Severity::Low => "low",
                        }
                        .to_string(),
                        entry: match &f.action {
                            FindingAction::Coach { entry, .. } => *entry,
                            FindingAction::AddSection { .. } => None,
                        },
                        coach: match f.action {
                            FindingAction::Coach { section, .. } => Some(section),
                            FindingAction::AddSection { .. } => None,
                        },
                        id: f.id,
                        section: f.section,
                        evidence: f.evidence,
                        lines: f.lines,
                        question: f.question,
                    })
                    .collect(),
            },
        )
    }

    // ----- Proposing (nothing is written) -------------------------------------

    #[tool(
        description = "Phase 2: propose creating the career notes that are missing (the profile, the Career Index with its twelve sections, the methodology note), or adding the sections an existing one lacks (insertions only; nothing there is rewritten). Use it on a new vault or when read_index shows missing sections. Writes nothing: show the preview, then confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose setting up the notes",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_setup(&self, Parameters(args): Parameters<SetupArgs>) -> Reply<ProposalOut> {
        self.propose(Intent::Setup(args))
    }

    #[tool(
        description = "Phase 1: propose writing one answer of the profile interview into User Preferences (only that field or list changes). Ask the question first (read_profile lists them), one at a time. Returns what was understood and the diff; writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a profile answer",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_profile_answer(
        &self,
        Parameters(args): Parameters<ProfileAnswerArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::Profile(args))
    }

    #[tool(
        description = "Phase 3: propose writing the person's answer to a section's coaching question into the Career Index. Career Coach reads the answer into the section's fields or table rows (nothing typed is dropped: what fits no field is kept as a line), and returns the read-back (\"here is what I understood\"), the exact diff, any fields the answer lacks (ask for them, then propose again with `fields`) and the deepening questions to ask once it is written. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a coaching answer",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_section_answer(
        &self,
        Parameters(args): Parameters<SectionAnswerArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::Section(args))
    }

    #[tool(
        description = "Phase 3: propose adding the person's answer to a section's deepening question (\"What would make that future feel like a failure…?\") to that section, as a labelled line. Use it after the section's answer is confirmed. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a deepening answer",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_follow_up_answer(
        &self,
        Parameters(args): Parameters<FollowUpArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::FollowUp(args))
    }

    #[tool(
        description = "Phase 4: propose saving the blind spot analysis as a note (\"Blind Spot Analysis YYYY-MM-DD\" in the career folder, with what changed since the last one), so the session log and the next session can refer to it. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose saving the blind spot analysis",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_blind_spot_analysis(&self, Parameters(_): Parameters<NoArgs>) -> Reply<ProposalOut> {
        self.propose(Intent::BlindSpots)
    }

    #[tool(
        description = "Phase 5: propose creating the year's goals note from the goal cascade the person gave you: the theme, 2-3 annual goals (outcome + success metric), quarterly intentions and focus, monthly milestones tied to goals. It also links the note from the Career Index's theme section. Ask for each part one at a time first. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose the goals note",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_goals_note(
        &self,
        Parameters(args): Parameters<GoalsNoteArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::GoalsNote(args))
    }

    #[tool(
        description = "Phase 5/6: propose changing an annual goal's status (Not started, In progress, At risk, Complete) in the goals note; only that cell changes. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a goal status",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_goal_status(
        &self,
        Parameters(args): Parameters<GoalStatusArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::GoalStatus(args))
    }

    #[tool(
        description = "Phase 5/6: propose adding a weekly action (\"what to do this week\") to the goals note, as a checkbox under the ISO week's heading, tagged with the goal it serves. Use it when the person answers \"What's the ONE thing this week that moves me toward my goals?\". Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a weekly action",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_weekly_action(
        &self,
        Parameters(args): Parameters<WeeklyActionArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::WeeklyAction(args))
    }

    #[tool(
        description = "Phase 6: propose writing a weekly, monthly, quarterly or annual review note (the period due, with a catch-up of missed ones), carrying unfinished actions or milestones forward in the goals note. The preview lists each unfinished item: ask the person to carry, keep or drop each, then propose again with `keep`/`drop`. Quarterly takes next quarter's intention and focus, annual next year's theme. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a review",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_review(&self, Parameters(args): Parameters<ReviewArgs>) -> Reply<ProposalOut> {
        self.propose(Intent::Review(args))
    }

    #[tool(
        description = "Propose resolving, carrying or dropping an open thread from an earlier session log (see list_threads): resolved is ticked, dropped is cancelled, carried is marked forwarded there and goes into this session's log. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a thread update",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_thread_update(
        &self,
        Parameters(args): Parameters<ThreadArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::Thread(args))
    }

    #[tool(
        description = "A surgical edit of one section of a note (the Career Index unless `note` names another): replace its body, append to it, or insert a new section. Only that section's bytes change. For coaching answers prefer propose_section_answer, which reads the answer into the section's structure. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a section edit",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_section_edit(
        &self,
        Parameters(args): Parameters<SectionEditArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::SectionEdit(args))
    }

    #[tool(
        description = "A surgical edit of a table row in a section (add, update cells by column name, or remove a row by its first cell), in the table's own style. Use it for a single fact in a table (a sponsor's context, a risk's mitigation, a skill's level). Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a table row edit",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_table_edit(
        &self,
        Parameters(args): Parameters<TableEditArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::TableEdit(args))
    }

    #[tool(
        description = "A surgical task edit: add an open task to a section (Open Tasks, Active Development), or tick/untick the task on a line as the Tasks plugin does. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a task edit",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_task_edit(&self, Parameters(args): Parameters<TaskEditArgs>) -> Reply<ProposalOut> {
        self.propose(Intent::TaskEdit(args))
    }

    #[tool(
        description = "A surgical frontmatter edit: set a property, or add a value to a list property. Writes nothing until confirm_change.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Propose a property edit",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn propose_property_edit(
        &self,
        Parameters(args): Parameters<PropertyEditArgs>,
    ) -> Reply<ProposalOut> {
        self.propose(Intent::PropertyEdit(args))
    }

    #[tool(
        description = "Close the session: propose its session log (the method's last step), written from what this session actually confirmed (phases worked, sections coached with what was captured, notes created and changed) and the decisions and open threads noted, plus what worked and what to improve (ask the person). The log also gets a row in the Session Logs tables. Same format as `career coach`. Writes nothing until confirm_change; confirming it ends the session.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ProposalOut>(),
        annotations(
            title = "Close the session (propose its log)",
            read_only_hint = true,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    fn close_session(&self, Parameters(args): Parameters<CloseArgs>) -> Reply<ProposalOut> {
        self.propose(Intent::Log(args))
    }

    // ----- Confirming: the only tool that writes --------------------------------

    #[tool(
        description = "Write a proposed change, once the person has seen its read-back and diff and agreed. Only this tool writes, and only if every note is still exactly as when the change was proposed; if one changed meanwhile (edited in Obsidian, synced), nothing is written and you get error stale_proposal with the change planned again on the notes as they are now and a new token: show it and ask again. A token is used once.",
        output_schema = rmcp::handler::server::common::schema_for_output::<ConfirmOut>(),
        annotations(
            title = "Confirm a change",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = false,
            open_world_hint = false
        )
    )]
    fn confirm_change(&self, Parameters(args): Parameters<ConfirmArgs>) -> Reply<ConfirmOut> {
        let context = attempt!(self.context());
        let files = attempt!(context.files());
        let mut state = self.state();
        let Some(pending) = state.pending.remove(args.token.trim()) else {
            return CoreError::new(
                ErrorCode::UnknownProposal,
                format!("No proposal has the token \"{}\": it was confirmed already, or made before the server restarted. Propose the change again.", args.token),
            )
            .into();
        };
        // Every note as it is now: a change since the preview is not written.
        let mut now = Vec::new();
        for change in &pending.plan.proposal.changes {
            let text = attempt!(files.read(&change.path)).map(|n| n.text);
            now.push((change.path.clone(), text));
        }
        let changed = pending.plan.proposal.stale(|path| {
            now.iter()
                .find(|(p, _)| p == path)
                .and_then(|(_, t)| t.as_deref())
        });
        let result = if changed.is_empty() {
            files.commit(&pending.plan.proposal, Commit::Exact)
        } else {
            Err(stale(&changed.join(", ")))
        };
        let written = match result {
            Ok(written) => written,
            Err(e) if e.code == ErrorCode::StaleProposal => {
                self.log(&format!("stale: {}", args.token));
                let at = commands::coach::now();
                return match plan(&context, &pending.intent, &state.record, &at) {
                    Ok(again) => {
                        let detail = format!("The change now:\n\n{}", again.out.text());
                        let meta = serde_json::json!({ "proposal": again.out });
                        if !again.proposal.is_empty() {
                            state.pending.insert(
                                again.proposal.token.clone(),
                                Pending {
                                    intent: pending.intent,
                                    plan: again,
                                },
                            );
                        }
                        Reply::Refused {
                            error: e,
                            detail,
                            meta: Some(meta),
                        }
                    }
                    Err(again) => Reply::Refused {
                        error: e,
                        detail: format!(
                            "It cannot be planned on the note as it is now: error[{}]: {}",
                            again.code, again.message
                        ),
                        meta: None,
                    },
                };
            }
            Err(e) => {
                self.log(&format!("confirm failed: error[{}]", e.code));
                return e.into();
            }
        };
        let proposal = &pending.plan.proposal;
        let index_path = context
            .settings
            .note_paths(context.today)
            .map(|p| (p.career_index, p.career_index_name))
            .unwrap_or_default();
        let profile_path = context
            .settings
            .note_paths(context.today)
            .map(|p| p.profile)
            .unwrap_or_default();
        let record = &mut state.record;
        let today = context.today.iso();
        let recorded_output = !matches!(
            pending.plan.effect,
            Effect::Log | Effect::Thread(_) | Effect::Profile { .. }
        );
        for (i, change) in proposal.changes.iter().enumerate() {
            if change.action == ChangeAction::Create {
                if let Ok(text) = proposal.text_for(i, None) {
                    record.add_created(&today, &change.path, &text);
                }
            }
            if recorded_output {
                if change.path == index_path.0 {
                    record.add_output("Career Index", &index_path.1);
                } else if change.path == profile_path {
                    // The profile is linked by its file name, as its Phase 1 entry links it.
                    let file = change.path.rsplit('/').next().unwrap_or(&change.path);
                    record.add_output("Profile", file);
                } else {
                    let name = name_of(&change.path);
                    record.add_output(&name, &name);
                }
            }
        }
        let mut next = pending.plan.out.next.clone();
        match pending.plan.effect.clone() {
            Effect::Section(session) => record.add_section(&session),
            Effect::FollowUp { section, answer } => record.add_follow_up(&section, answer),
            Effect::Profile { reading, note } => record.add_profile(reading, &note),
            Effect::Structure(lines) => {
                for line in lines {
                    record.add_structure(line, &index_path.1);
                }
            }
            Effect::Did(line) => record.add_did(line),
            Effect::Created => {}
            Effect::Thread(carried) => record.carried.extend(carried),
            Effect::Log => {
                state.record = career_core::assistant::Record::default();
                next = vec!["The session is closed and logged.".into()];
            }
        }
        let written: Vec<WrittenOut> = proposal
            .changes
            .iter()
            .zip(written)
            .map(|(c, w)| WrittenOut {
                path: c.path.clone(),
                outcome: match w {
                    Written::Created => "created",
                    Written::Replaced => "changed",
                    Written::Unchanged => "unchanged",
                }
                .to_string(),
            })
            .collect();
        self.log(&format!("confirmed {}", proposal.summary));
        let mut human = vec![format!("Written: {}", proposal.summary)];
        human.extend(
            written
                .iter()
                .map(|w| format!("- {} ({})", w.path, w.outcome)),
        );
        if !next.is_empty() {
            human.push(String::new());
            human.push("Next:".into());
            human.extend(next.iter().map(|n| format!("- {n}")));
        }
        Reply::done(
            human.join("\n"),
            ConfirmOut {
                summary: proposal.summary.clone(),
                written,
                next,
            },
        )
    }

    // ----- Noting, for the session log (nothing is written to the vault) -------

    #[tool(
        description = "Note a decision the person made in this session, with why (\"2026 theme: Visible outside the company\" because \"internal credibility is established\"). It goes into the session log's Key Decisions when the session closes; nothing is written now.",
        output_schema = rmcp::handler::server::common::schema_for_output::<NotedOut>(),
        annotations(
            title = "Note a decision",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = false
        )
    )]
    fn note_decision(&self, Parameters(args): Parameters<DecisionArgs>) -> Reply<NotedOut> {
        if args.what.trim().is_empty() {
            return CoreError::new(
                ErrorCode::InvalidInput,
                "A decision needs `what` was decided.",
            )
            .into();
        }
        let mut state = self.state();
        state.record.decisions.push(Decision {
            what: args.what.trim().to_string(),
            why: args.why.trim().to_string(),
        });
        let out = NotedOut {
            decisions: state.record.decisions.len(),
            threads: state.record.threads.len(),
        };
        Reply::done("Noted for the session log.", out)
    }

    #[tool(
        description = "Note an open thread for the next session (\"Draft the Innovation Thesis\"). It goes into the session log's Open Threads when the session closes, and the next session starts from it; nothing is written now.",
        output_schema = rmcp::handler::server::common::schema_for_output::<NotedOut>(),
        annotations(
            title = "Note an open thread",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = false
        )
    )]
    fn note_open_thread(&self, Parameters(args): Parameters<OpenThreadArgs>) -> Reply<NotedOut> {
        if args.text.trim().is_empty() {
            return CoreError::new(ErrorCode::InvalidInput, "An open thread needs its `text`.")
                .into();
        }
        let mut state = self.state();
        state.record.threads.push(args.text.trim().to_string());
        let out = NotedOut {
            decisions: state.record.decisions.len(),
            threads: state.record.threads.len(),
        };
        Reply::done("Noted for the session log.", out)
    }
}
