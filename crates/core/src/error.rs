//! The one error type the core returns.
//!
//! Every failure carries a stable, snake_case [`ErrorCode`] that the plugin,
//! the CLI and scripts can match on, plus a sentence written for the person
//! using the tool. Codes never change meaning once released; new failures get
//! new codes.

use std::fmt;

/// A stable machine-readable error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A date was not a valid `YYYY-MM-DD` calendar date.
    InvalidDate,
    /// A setting (folder, note name, pattern) cannot produce a valid note path.
    InvalidSettings,
    /// The input given to an operation was malformed (missing field, wrong type).
    InvalidInput,
    /// A note that would be created already exists.
    NoteExists,
    /// A note that an operation needs does not exist.
    NoteMissing,
    /// No section matched the requested path.
    SectionNotFound,
    /// More than one section matched the requested path.
    AmbiguousSection,
    /// No table was found where one was expected.
    TableNotFound,
    /// A row or cell index was outside the table.
    RowNotFound,
    /// No task list item on the requested line.
    TaskNotFound,
    /// The frontmatter block could not be edited safely.
    FrontmatterInvalid,
    /// The text under an edit is no longer what was read: the note changed.
    Conflict,
    /// Two edits of one operation overlap; nothing was applied.
    OverlappingEdits,
    /// An edit's span does not fall on the text's character boundaries.
    SpanOutOfBounds,
    /// The change would be swallowed by an unclosed code block (or similar), so
    /// what it adds would not be seen as a heading, task or row.
    WouldBeHidden,
    /// The change would turn headings after it into code or text.
    WouldHideHeadings,
    /// The note uses carriage returns alone as line breaks, which edits refuse.
    UnsupportedLineEndings,
    /// A goal id (`G4`) that the goals note does not have.
    GoalNotFound,
    /// Reading or writing a file failed (CLI only).
    Io,
    /// A path (from a setting or the command line) would leave the vault.
    PathOutsideVault,
    /// The note or its folder is read-only; nothing was written.
    ReadOnly,
    /// The note is larger than Career Coach reads (64 MiB).
    NoteTooLarge,
    /// The path names something that is not a regular file (a FIFO, device, socket or folder).
    NotAFile,
    /// The command line was not understood (CLI only).
    Usage,
    /// The Career Index is not where the settings say, and several notes could be it.
    AmbiguousIndex,
    /// A proposed change was confirmed after its note changed: nothing was
    /// written, and the change is shown again on the note as it is now.
    StaleProposal,
    /// A confirmation named no pending proposal (already confirmed, or made
    /// by another run of the server).
    UnknownProposal,
}

impl ErrorCode {
    /// The code as it appears in JSON and on stderr.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidDate => "invalid_date",
            Self::InvalidSettings => "invalid_settings",
            Self::InvalidInput => "invalid_input",
            Self::NoteExists => "note_exists",
            Self::NoteMissing => "note_missing",
            Self::SectionNotFound => "section_not_found",
            Self::AmbiguousSection => "ambiguous_section",
            Self::TableNotFound => "table_not_found",
            Self::RowNotFound => "row_not_found",
            Self::TaskNotFound => "task_not_found",
            Self::FrontmatterInvalid => "frontmatter_invalid",
            Self::Conflict => "conflict",
            Self::OverlappingEdits => "overlapping_edits",
            Self::SpanOutOfBounds => "span_out_of_bounds",
            Self::WouldBeHidden => "would_be_hidden",
            Self::WouldHideHeadings => "would_hide_headings",
            Self::UnsupportedLineEndings => "unsupported_line_endings",
            Self::GoalNotFound => "goal_not_found",
            Self::Io => "io",
            Self::PathOutsideVault => "path_outside_vault",
            Self::ReadOnly => "read_only",
            Self::NoteTooLarge => "note_too_large",
            Self::NotAFile => "not_a_file",
            Self::Usage => "usage",
            Self::AmbiguousIndex => "ambiguous_index",
            Self::StaleProposal => "stale_proposal",
            Self::UnknownProposal => "unknown_proposal",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with a stable code and a human-readable message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CoreError {
    /// What kind of failure this is; stable across releases.
    pub code: ErrorCode,
    /// A full sentence for the user, naming the thing that was wrong.
    pub message: String,
}

impl CoreError {
    /// Builds an error from a code and a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for CoreError {}

/// The core's result type.
pub type CoreResult<T> = Result<T, CoreError>;
