//! `career`: Career Coach in the terminal.
//!
//! Every command follows one convention: `career [--vault DIR] [--today
//! YYYY-MM-DD] [--json] <command>`. Results go to stdout (JSON with `--json`);
//! errors go to stderr as `error[code]: message` (or a JSON object) with exit
//! code 1, and usage mistakes exit with 2. The CLI reads the clock only to
//! supply `today` when `--today` is absent; the core never does.

mod commands;
mod mcp;
mod output;
mod settings;
mod vault;

use std::path::PathBuf;
use std::process::ExitCode;

use career_core::templates::plan::NoteKind;
use career_core::{CoreError, Day, ErrorCode, Settings};
use clap::{Parser, Subcommand};

use crate::output::Output;

/// Plan your career in plain markdown notes, with the Career Coach method.
#[derive(Parser)]
#[command(name = "career", version, propagate_version = true)]
struct Cli {
    /// The vault folder (defaults to the current directory).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    vault: PathBuf,
    /// The date to act on, YYYY-MM-DD (defaults to the local date).
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// Print results and errors as JSON.
    #[arg(long, global = true)]
    json: bool,
    /// The vault's config folder, for vaults that override Obsidian's (vault-relative).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "CAREER_CONFIG_DIR",
        default_value = ".obsidian"
    )]
    config_dir: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the profile, the Career Index and the methodology note (what is missing).
    Init,
    /// Coach one question at a time; each answer is confirmed before it is written.
    #[command(after_help = commands::grammar::HELP)]
    Coach {
        /// Coach only these sections (repeat); otherwise empty sections first.
        /// `--section profile` asks the profile questions (Phase 1) instead.
        #[arg(long = "section", value_name = "NAME")]
        sections: Vec<String>,
        /// Open the entry on this line of the Career Index for editing (what a
        /// blind spot's "Do:" line gives); starts a new session.
        #[arg(long, value_name = "LINE")]
        entry: Option<usize>,
        /// Start a new session instead of resuming a paused one.
        #[arg(long)]
        new: bool,
    },
    /// The Career Index: `career index upgrade` adds the sections it lacks.
    #[command(subcommand)]
    Index(UpgradeCommand),
    /// The profile file (CLAUDE.md): `career profile upgrade` adds User Preferences.
    #[command(subcommand)]
    Profile(UpgradeCommand),
    /// The methodology note: `career methodology upgrade` creates or completes it.
    #[command(subcommand)]
    Methodology(UpgradeCommand),
    /// Print where each Career Coach note lives, from the plugin settings in the vault.
    Paths,
    /// Write a session log for a session held elsewhere (e.g. with an AI assistant).
    #[command(subcommand)]
    SessionLog(SessionLogCommand),
    /// List open threads from every session log.
    Threads,
    /// Review the Career Index for blind spots (with --json: an array of findings).
    Blindspots {
        /// Save the analysis as "Blind Spot Analysis YYYY-MM-DD", with what changed since the last one.
        #[arg(long)]
        save: bool,
        /// First add this missing section, as a finding's "Do:" line says (e.g. risk_register; repeat).
        #[arg(long = "add", value_name = "SECTION")]
        add: Vec<String>,
    },
    /// Write a review note and carry unfinished actions or milestones forward.
    Review {
        /// weekly, monthly, quarterly or annual.
        #[arg(value_name = "KIND")]
        kind: String,
        /// The period to review (2026-W03, 2026-01, 2026-Q1, 2026); defaults to the one due.
        #[arg(long, value_name = "PERIOD")]
        period: Option<String>,
        /// Quarterly: next quarter's intention (otherwise asked on stdin).
        #[arg(long, value_name = "TEXT")]
        intention: Option<String>,
        /// Quarterly: next quarter's focus (otherwise asked on stdin).
        #[arg(long, value_name = "TEXT")]
        focus: Option<String>,
        /// Annual: next year's theme (otherwise asked on stdin).
        #[arg(long, value_name = "TEXT")]
        theme: Option<String>,
        /// Weekly/monthly: leave this unfinished item open where it is instead of carrying it (repeat).
        #[arg(long, value_name = "TEXT")]
        keep: Vec<String>,
        /// Weekly/monthly: cancel this unfinished item instead of carrying it (repeat).
        #[arg(long, value_name = "TEXT")]
        drop: Vec<String>,
    },
    /// List the reviews due today (with --json: an array).
    Due,
    /// Print the review cadence as an iCalendar (.ics) file, or write it into the vault.
    Calendar {
        /// Write to this file: vault-relative (e.g. "Career/Career reviews.ics") or absolute.
        /// An existing file is replaced only if it is an iCalendar file.
        #[arg(long, value_name = "FILE")]
        output: Option<String>,
        /// Replace an existing --output file even if it is not an iCalendar file.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// List a note's sections (with --json: sections, tables, tasks and links with byte spans).
    Outline {
        /// The note (relative paths are inside the vault).
        file: PathBuf,
    },
    /// Read or edit one section of a note.
    #[command(subcommand)]
    Section(commands::note::SectionCommand),
    /// Edit a table inside a section.
    #[command(subcommand)]
    Table(commands::note::TableCommand),
    /// Add or toggle tasks.
    #[command(subcommand)]
    Task(commands::note::TaskCommand),
    /// Set or add frontmatter properties.
    #[command(subcommand)]
    Frontmatter(commands::note::FrontmatterCommand),
    /// The goal cascade: `new`, `status`, `action`, `progress`.
    #[command(subcommand)]
    Goals(commands::goals::GoalsCommand),
    /// Serve the method to an AI assistant over the Model Context Protocol (stdio).
    ///
    /// Started by the assistant (Claude Desktop, Claude Code, Cursor…), not by
    /// hand: stdout carries only protocol messages. Every write is proposed,
    /// shown and confirmed; see README "Use with an AI assistant".
    Mcp {
        /// Log each request and its outcome to stderr (quiet otherwise).
        #[arg(long)]
        verbose: bool,
    },
    /// Draw a chart as a standalone SVG: timeline, skills, network, risks, progress or streak.
    Chart {
        /// timeline, skills, network, risks, progress or streak.
        #[arg(value_name = "KIND")]
        kind: String,
        /// Write to this file: vault-relative or absolute (an existing file is replaced only if it is an SVG).
        #[arg(long, value_name = "FILE")]
        output: Option<String>,
        /// Replace an existing --output file even if it is not an SVG.
        #[arg(long, requires = "output")]
        force: bool,
        /// Progress: only these goals (G1,G2; repeat or separate by commas).
        #[arg(long = "goals", value_name = "IDS")]
        goals: Vec<String>,
        /// Progress: the planning year; streak: the calendar year.
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// The width to lay out for, in px (300-1200; 640 by default).
        #[arg(long, value_name = "PX")]
        width: Option<i32>,
    },
}

impl Command {
    /// Whether the command reads or writes the Career Index (and so must find
    /// it first); the surgical note commands work on the note they are given.
    fn uses_the_index(&self) -> bool {
        !matches!(
            self,
            Self::Outline { .. }
                | Self::Section(_)
                | Self::Table(_)
                | Self::Task(_)
                | Self::Frontmatter(_)
                | Self::Calendar { .. }
                | Self::Mcp { .. }
        )
    }
}

/// `career session-log …`
#[derive(Subcommand)]
enum SessionLogCommand {
    /// Create a log note and add it to the Session Logs tables.
    New {
        /// What the session was about.
        #[arg(long)]
        focus: String,
        /// A note the session changed (repeat).
        #[arg(long = "output", value_name = "NOTE")]
        outputs: Vec<String>,
        /// A decision as "what|why" (repeat).
        #[arg(long = "decision", value_name = "WHAT|WHY")]
        decisions: Vec<String>,
        /// An open thread for next time (repeat).
        #[arg(long = "thread", value_name = "TEXT")]
        threads: Vec<String>,
        /// Something done in the session (repeat).
        #[arg(long = "did", value_name = "TEXT")]
        did: Vec<String>,
        /// Something that worked well (repeat).
        #[arg(long = "worked", value_name = "TEXT")]
        worked: Vec<String>,
        /// Something to improve next time (repeat).
        #[arg(long = "improve", value_name = "TEXT")]
        improve: Vec<String>,
        /// A framework the session used, e.g. "Goal Cascade" (repeat); the log lists only these.
        #[arg(long = "framework", value_name = "NAME")]
        frameworks: Vec<String>,
        /// Carry every open thread from earlier logs into this one.
        #[arg(long)]
        carry: bool,
    },
}

/// `career index|profile|methodology …`
#[derive(Subcommand)]
enum UpgradeCommand {
    /// Create the note, or add only what it lacks (every existing byte stays).
    Upgrade {
        /// Show what would be added and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// What every command receives: the vault, its settings and the day.
pub struct Context {
    /// The vault folder.
    pub vault: PathBuf,
    /// The plugin's settings for this vault (defaults when it has none).
    pub settings: Settings,
    /// The day to act on.
    pub today: Day,
}

impl Context {
    /// The context of one command: the vault's settings as they are now, the
    /// day (`--today`, else the local date) and, when `find_index`, where the
    /// Career Index is.
    pub fn load(vault: PathBuf, today: Option<&str>, find_index: bool) -> Result<Self, CoreError> {
        let today = match today {
            Some(text) => Day::parse(text)?,
            None => Day::parse(
                &chrono::Local::now()
                    .date_naive()
                    .format("%Y-%m-%d")
                    .to_string(),
            )?,
        };
        let mut settings = settings::load(&vault)?;
        if find_index {
            settings.career_index_location =
                commands::career_folder::find_index(&vault, &settings, today)?;
        }
        Ok(Self {
            vault,
            settings,
            today,
        })
    }
}

fn run(cli: Cli) -> Result<Output, CoreError> {
    settings::set_config_dir(&cli.config_dir)?;
    let find_index = cli.command.uses_the_index();
    let context = Context::load(cli.vault, cli.today.as_deref(), find_index)?;
    match cli.command {
        Command::Init => commands::notes::init(&context),
        Command::Coach {
            sections,
            new,
            entry,
        } if sections
            .iter()
            .any(|s| s.trim().eq_ignore_ascii_case("profile")) =>
        {
            if sections.len() > 1 || new || entry.is_some() {
                Err(career_core::CoreError::new(
                    career_core::ErrorCode::InvalidInput,
                    "Coach the profile on its own: career coach --section profile",
                ))
            } else {
                commands::profile_coach::run(&context)
            }
        }
        Command::Coach {
            sections,
            new,
            entry,
        } => commands::coach::run(&context, &sections, entry, new),
        Command::SessionLog(SessionLogCommand::New {
            focus,
            outputs,
            decisions,
            threads,
            did,
            worked,
            improve,
            frameworks,
            carry,
        }) => commands::log::new_log(
            &context,
            commands::log::NewLogArgs {
                focus,
                outputs,
                decisions,
                threads,
                did,
                worked,
                improve,
                frameworks,
                carry,
            },
        ),
        Command::Threads => commands::log::threads(&context),
        Command::Blindspots { save, add } => commands::blindspots::run(&context, save, &add),
        Command::Index(UpgradeCommand::Upgrade { dry_run }) => {
            commands::notes::upgrade(&context, NoteKind::CareerIndex, dry_run)
        }
        Command::Profile(UpgradeCommand::Upgrade { dry_run }) => {
            commands::notes::upgrade(&context, NoteKind::Profile, dry_run)
        }
        Command::Methodology(UpgradeCommand::Upgrade { dry_run }) => {
            commands::notes::upgrade(&context, NoteKind::Methodology, dry_run)
        }
        Command::Review {
            kind,
            period,
            intention,
            focus,
            theme,
            keep,
            drop,
        } => commands::review::run(
            &context,
            &commands::review::ReviewArgs {
                kind: career_core::PeriodKind::parse(&kind)?,
                period,
                intention,
                focus,
                theme,
                keep,
                drop,
            },
        ),
        Command::Due => commands::due::run(&context),
        Command::Calendar { output, force } => {
            commands::calendar::run(&context, output.as_deref(), force)
        }
        Command::Paths => commands::paths::run(&context),
        Command::Outline { file } => commands::note::outline(&context, &file),
        Command::Section(command) => commands::note::section(&context, command),
        Command::Table(command) => commands::note::table(&context, command),
        Command::Task(command) => commands::note::task(&context, command),
        Command::Frontmatter(command) => commands::note::frontmatter(&context, command),
        Command::Goals(command) => commands::goals::run(&context, command),
        // Served from main(), before anything is printed; never reached.
        Command::Mcp { .. } => Ok(Output::new("", serde_json::Value::Null)),
        Command::Chart {
            kind,
            output,
            force,
            goals,
            year,
            width,
        } => commands::chart::run(
            &context,
            &commands::chart::ChartArgs {
                kind,
                goals,
                year,
                width,
                output,
                force,
            },
        ),
    }
}

/// Parses the command line. `--help` and `--version` print and exit 0 as
/// clap does; any other mistake exits 2, as clap's text, or under `--json`
/// (anywhere among the arguments) as `{"error":{"code":"usage",…}}`.
fn parse() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|error| {
        use clap::error::ErrorKind;
        let wants_json = std::env::args_os().skip(1).any(|a| a == "--json");
        let informational = matches!(
            error.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
        );
        if wants_json && !informational {
            let message = error.render().to_string();
            let message = message
                .trim()
                .strip_prefix("error: ")
                .unwrap_or(message.trim());
            output::print_error(&CoreError::new(ErrorCode::Usage, message), true);
            ExitCode::from(2)
        } else {
            // clap's own text: help and version on stdout (exit 0), mistakes on stderr (exit 2).
            let _ = error.print();
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    })
}

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let json = cli.json;
    if let Command::Mcp { verbose } = cli.command {
        // stdout belongs to the protocol from here on: errors go to stderr only.
        return match settings::set_config_dir(&cli.config_dir)
            .and_then(|()| mcp::serve(cli.vault, cli.today, verbose))
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                output::print_error(&error, false);
                ExitCode::from(1)
            }
        };
    }
    match run(cli) {
        Ok(output) => {
            output.print(json);
            ExitCode::SUCCESS
        }
        Err(error) => {
            output::print_error(&error, json);
            ExitCode::from(1)
        }
    }
}
