//! Session logs: "Document the meta — session logs make the process repeatable."
//!
//! Every coaching session (or one held elsewhere, with an AI assistant) gets
//! its own log note, linked from the Career Index's Session Logs table; its
//! open threads carry into the next session.

pub mod phases;
pub mod render;
pub mod threads;

use crate::edit::lines::one_line;
use crate::templates::links::LinkFormat;

/// The cells of the Career Index's Session Logs row: `| [[log]] | focus | outputs |`.
pub fn session_logs_row(
    name: &str,
    focus: &str,
    outputs: &[String],
    links: LinkFormat,
) -> Vec<String> {
    let output = if outputs.is_empty() {
        "—".to_string()
    } else {
        outputs.join(", ")
    };
    vec![links.link_in_table(name, None), one_line(focus), output]
}
