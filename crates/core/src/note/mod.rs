//! The lossless note model: a note's text and the spans of what is in it.

pub mod aliases;
mod fast_outline;
pub mod frontmatter;
pub mod headings;
pub mod lines;
pub mod links;
pub mod outline;
pub mod packed;
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
/// Sections come from the fast heading scan; tables, tasks and links from the
/// outline's fast scan (`note/fast_outline/`) when it is sure of the note, else
/// from one comrak parse ([`outline_by_comrak`]). Either way the result equals
/// calling `sections`, `tables_in`, `tasks_in` and `links` on the whole note.
pub fn outline(text: &str) -> NoteOutline {
    outline_by_scan(text).unwrap_or_else(|| outline_by_comrak(text))
}

/// [`outline`](outline()) by the fast scan alone; `None` where the scan leaves the note to comrak.
pub fn outline_by_scan(text: &str) -> Option<NoteOutline> {
    let found = fast_outline::scan(text)?;
    Some(NoteOutline {
        sections: outline::sections(text),
        tables: found
            .tables
            .into_iter()
            .filter_map(|(header, rows)| tables::build_table(text, header, rows.into_iter()))
            .collect(),
        tasks: tasks::tasks_from_items(text, &found.items),
        links: links::links_outside(text, found.excluded),
    })
}

/// The reference [`outline`](outline()): one comrak parse serves tables, tasks and links
/// (sections come from the fast heading scan).
pub fn outline_by_comrak(text: &str) -> NoteOutline {
    let nodes = sourcepos::parse(text, Span::new(0, text.len()));
    NoteOutline {
        sections: outline::sections(text),
        tables: tables::tables_from_nodes(text, &nodes),
        tasks: tasks::tasks_from_nodes(text, &nodes),
        links: links::links_from_nodes(text, &nodes),
    }
}
