//! Commands that read or surgically edit one note: outline, section, table,
//! task and frontmatter.
//!
//! Each edit reads the note, asks the core for the edits, and writes only if
//! something changes and the file still holds exactly the bytes that were read.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::vault::{ReadNote, Written};

use career_core::note::outline::{find, sections};
use career_core::ops::{run, Operation, RowRef};
use career_core::{CoreError, ErrorCode};
use clap::Subcommand;

use crate::output::Output;
use crate::Context;

/// `career section …`
#[derive(Subcommand)]
pub enum SectionCommand {
    /// Print a section's body exactly as it is in the file.
    Get {
        /// The note.
        file: PathBuf,
        /// Section path, e.g. "Network/Sponsors".
        path: String,
    },
    /// Replace a section's body with stdin (the blank lines around it stay).
    Set {
        /// The note.
        file: PathBuf,
        /// Section path.
        path: String,
    },
    /// Append stdin to a section, after a blank line.
    Append {
        /// The note.
        file: PathBuf,
        /// Section path.
        path: String,
        /// Put it before the section's subsections instead of after them.
        #[arg(long)]
        before_subsections: bool,
    },
    /// Insert a new section (body from stdin, if any); no change if it exists.
    Insert {
        /// The note.
        file: PathBuf,
        /// The new heading's text.
        heading: String,
        /// Insert before this section.
        #[arg(long, conflicts_with = "after")]
        before: Option<String>,
        /// Insert after this section and its subsections.
        #[arg(long)]
        after: Option<String>,
        /// Heading level (defaults to the neighbour's).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=6))]
        level: Option<u8>,
    },
}

/// `career table …`
// clap derives the subcommand names (add-row, update-row, remove-row) from these.
#[allow(clippy::enum_variant_names)]
#[derive(Subcommand)]
pub enum TableCommand {
    /// Add a row to a section's table, in the table's own style.
    AddRow {
        /// The note.
        file: PathBuf,
        /// Section path.
        path: String,
        /// A cell, left to right; repeat for each column.
        #[arg(long = "cell", required = true)]
        cells: Vec<String>,
        /// Which table in the section, from 0.
        #[arg(long, default_value_t = 0)]
        table: usize,
    },
    /// Change cells of a row, found by its first cell or its 0-based number.
    UpdateRow {
        /// The note.
        file: PathBuf,
        /// Section path.
        path: String,
        /// The row: its first cell's text, or its number from 0.
        row: String,
        /// COLUMN=VALUE, by the header's name; repeat for more cells.
        #[arg(long = "set", required = true, value_parser = parse_assignment)]
        set: Vec<(String, String)>,
        /// Which table in the section, from 0.
        #[arg(long, default_value_t = 0)]
        table: usize,
    },
    /// Remove a row, found by its first cell or its 0-based number.
    RemoveRow {
        /// The note.
        file: PathBuf,
        /// Section path.
        path: String,
        /// The row: its first cell's text, or its number from 0.
        row: String,
        /// Which table in the section, from 0.
        #[arg(long, default_value_t = 0)]
        table: usize,
    },
}

/// `career task …`
#[derive(Subcommand)]
pub enum TaskCommand {
    /// Add an open task to a section (no change if it is already there).
    Add {
        /// The note.
        file: PathBuf,
        /// Section path.
        path: String,
        /// The task's text; Tasks-plugin fields such as "📅 2026-03-01" are kept.
        text: String,
    },
    /// Toggle the task on a line (1-based), as the Tasks plugin does.
    Toggle {
        /// The note.
        file: PathBuf,
        /// The task's line number, from 1.
        line: usize,
    },
}

/// `career frontmatter …`
#[derive(Subcommand)]
pub enum FrontmatterCommand {
    /// Set a property to a single value.
    Set {
        /// The note.
        file: PathBuf,
        /// Property name.
        key: String,
        /// Value.
        value: String,
    },
    /// Add a value to a list property (nothing if it is there already).
    Add {
        /// The note.
        file: PathBuf,
        /// Property name.
        key: String,
        /// Value.
        value: String,
    },
}

fn parse_assignment(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .ok_or_else(|| format!("expected COLUMN=VALUE, got \"{text}\""))
}

fn row_ref(row: &str) -> RowRef {
    row.parse()
        .map_or_else(|_| RowRef::Key(row.to_string()), RowRef::Index)
}

fn stdin_text() -> Result<String, CoreError> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| CoreError::new(ErrorCode::Io, format!("Could not read stdin: {e}.")))?;
    Ok(text)
}

/// Reads a note named on the command line (vault-relative, or absolute inside the vault).
fn read_arg(context: &Context, file: &Path) -> Result<ReadNote, CoreError> {
    let files = context.files()?;
    files.read_existing(&files.note_arg(file)?)
}

/// Runs an operation on the note's text as it is when written (so two runs at
/// once both land), and writes the result if anything changed.
fn edit(context: &Context, file: &Path, op: &Operation, what: &str) -> Result<Output, CoreError> {
    let files = context.files()?;
    let relative = files.note_arg(file)?;
    let mut edits = Vec::new();
    let written = files.update(&relative, &mut |text| {
        let outcome = run(text, op)?;
        edits = outcome.edits;
        Ok(outcome.text)
    })?;
    let changed = written != Written::Unchanged;
    let human = if changed {
        format!("Updated {}: {what}.", file.display())
    } else {
        format!("No change to {}.", file.display())
    };
    Ok(Output::new(
        human,
        serde_json::json!({ "changed": changed, "edits": edits }),
    ))
}

/// `career outline FILE`
pub fn outline(context: &Context, file: &Path) -> Result<Output, CoreError> {
    let note = read_arg(context, file)?;
    let outline = career_core::note::outline(&note.text);
    let human = outline
        .sections
        .iter()
        .map(|s| {
            format!(
                "{}{} {}",
                "  ".repeat(usize::from(s.level.saturating_sub(1))),
                "#".repeat(usize::from(s.level)),
                s.title
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Output::new(
        human,
        serde_json::to_value(&outline).unwrap_or_default(),
    ))
}

/// `career section …`
pub fn section(context: &Context, command: SectionCommand) -> Result<Output, CoreError> {
    match command {
        SectionCommand::Get { file, path } => {
            let note = read_arg(context, &file)?;
            let all = sections(&note.text);
            let found = find(&all, &path)?;
            let body = found.body_span.of(&note.text).to_string();
            let json =
                serde_json::json!({ "path": found.path, "body": body, "span": found.body_span });
            Ok(Output {
                human: body,
                json,
                exact: true,
            })
        }
        SectionCommand::Set { file, path } => {
            let op = Operation::SectionSet {
                section: path.clone(),
                body: stdin_text()?,
            };
            edit(
                context,
                &file,
                &op,
                &format!("replaced the body of \"{path}\""),
            )
        }
        SectionCommand::Append {
            file,
            path,
            before_subsections,
        } => {
            let position = if before_subsections {
                career_core::edit::section::AppendAt::BeforeSubsections
            } else {
                career_core::edit::section::AppendAt::End
            };
            let op = Operation::SectionAppend {
                section: path.clone(),
                text: stdin_text()?,
                position,
            };
            edit(context, &file, &op, &format!("appended to \"{path}\""))
        }
        SectionCommand::Insert {
            file,
            heading,
            before,
            after,
            level,
        } => {
            let body = if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                String::new()
            } else {
                stdin_text()?
            };
            let op = Operation::SectionInsert {
                heading: heading.clone(),
                level,
                body,
                before,
                after,
            };
            edit(context, &file, &op, &format!("inserted \"{heading}\""))
        }
    }
}

/// `career table …`
// clap derives the subcommand names (add-row, update-row, remove-row) from these.
#[allow(clippy::enum_variant_names)]
pub fn table(context: &Context, command: TableCommand) -> Result<Output, CoreError> {
    match command {
        TableCommand::AddRow {
            file,
            path,
            cells,
            table,
        } => {
            let op = Operation::TableAddRow {
                section: path.clone(),
                table,
                cells,
            };
            edit(context, &file, &op, &format!("added a row to \"{path}\""))
        }
        TableCommand::UpdateRow {
            file,
            path,
            row,
            set,
            table,
        } => {
            let set: BTreeMap<String, String> = set.into_iter().collect();
            let op = Operation::TableUpdateRow {
                section: path.clone(),
                table,
                row: row_ref(&row),
                cells: Vec::new(),
                set,
            };
            edit(
                context,
                &file,
                &op,
                &format!("updated row \"{row}\" in \"{path}\""),
            )
        }
        TableCommand::RemoveRow {
            file,
            path,
            row,
            table,
        } => {
            let op = Operation::TableRemoveRow {
                section: path.clone(),
                table,
                row: row_ref(&row),
            };
            edit(
                context,
                &file,
                &op,
                &format!("removed row \"{row}\" from \"{path}\""),
            )
        }
    }
}

/// `career task …`
pub fn task(context: &Context, command: TaskCommand) -> Result<Output, CoreError> {
    match command {
        TaskCommand::Add { file, path, text } => {
            let op = Operation::TaskAdd {
                section: path.clone(),
                text,
            };
            edit(context, &file, &op, &format!("added a task to \"{path}\""))
        }
        TaskCommand::Toggle { file, line } => {
            let op = Operation::TaskToggle {
                line,
                today: Some(context.today.iso()),
            };
            edit(
                context,
                &file,
                &op,
                &format!("toggled the task on line {line}"),
            )
        }
    }
}

/// `career frontmatter …`
pub fn frontmatter(context: &Context, command: FrontmatterCommand) -> Result<Output, CoreError> {
    match command {
        FrontmatterCommand::Set { file, key, value } => {
            let op = Operation::FrontmatterSet {
                key: key.clone(),
                value,
            };
            edit(context, &file, &op, &format!("set \"{key}\""))
        }
        FrontmatterCommand::Add { file, key, value } => {
            let op = Operation::FrontmatterAdd {
                key: key.clone(),
                value,
            };
            edit(context, &file, &op, &format!("added to \"{key}\""))
        }
    }
}
