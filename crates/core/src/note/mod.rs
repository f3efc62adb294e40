//! The lossless note model: a note's text and the spans of what is in it.

pub mod aliases;
pub mod frontmatter;
pub mod headings;
pub mod lines;
pub mod links;
pub mod outline;
pub mod placeholders;
pub mod readers;
pub mod sourcepos;
pub mod tables;
pub mod tasks;

use serde::Serialize;

use crate::span::Span;

/// Everything located in a note, as `career outline --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteOutline {
    /// Sections in document order.
    pub sections: Vec<outline::Section>,
    /// Tables, top to bottom.
    pub tables: Vec<tables::Table>,
    /// Task list items.
    pub tasks: Vec<tasks::Task>,
    /// Wikilinks, embeds and markdown links to notes.
    pub links: Vec<links::Link>,
}

/// Locates every section, table, task and link of a note.
///
/// One comrak parse serves tables, tasks and links (sections come from the
/// fast heading scan): the result equals calling `sections`, `tables_in`,
/// `tasks_in` and `links` on the whole note, at a third of the cost.
pub fn outline(text: &str) -> NoteOutline {
    let nodes = sourcepos::parse(text, Span::new(0, text.len()));
    NoteOutline {
        sections: outline::sections(text),
        tables: tables::tables_from_nodes(text, &nodes),
        tasks: tasks::tasks_from_nodes(text, &nodes),
        links: links::links_from_nodes(text, &nodes),
    }
}
