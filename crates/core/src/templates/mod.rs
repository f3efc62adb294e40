//! Note templates, described as data and rendered to markdown.
//!
//! A template is a tree of [`Section`]s holding [`Block`]s. Keeping it as data
//! (rather than one big string) lets the upgrade path insert exactly the
//! sections and tables a note lacks, and lets tests ask about structure.
//! Nothing rendered here contains `<%`, which Templater would execute.

pub mod career_index;
pub mod links;
pub mod methodology;
pub mod plan;
pub mod profile;
pub mod profile_coach;
pub mod upgrade;

/// A note to create: where, and its full text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NewNote {
    /// Vault-relative path, forward slashes, ending in `.md`.
    pub path: String,
    /// The complete note, written in one create.
    pub text: String,
}

/// One block of body content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph, written as is.
    Paragraph(String),
    /// A block quote (`> text`).
    Quote(String),
    /// A bullet list.
    Bullets(Vec<String>),
    /// A task list (`- [ ] text`), as the Tasks plugin reads it.
    Tasks(Vec<String>),
    /// A pipe table with a header row and body rows.
    Table {
        /// Column names.
        header: Vec<String>,
        /// Body rows; each has as many cells as the header.
        rows: Vec<Vec<String>>,
    },
}

/// A heading with its body blocks and subsections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// ATX level, 1 to 6.
    pub level: u8,
    /// Heading text.
    pub heading: String,
    /// Blocks between the heading and the first subsection.
    pub blocks: Vec<Block>,
    /// Subsections, one level deeper.
    pub children: Vec<Section>,
}

impl Section {
    /// A section with blocks and no children.
    pub fn new(level: u8, heading: impl Into<String>, blocks: Vec<Block>) -> Self {
        Self {
            level,
            heading: heading.into(),
            blocks,
            children: Vec::new(),
        }
    }

    /// Adds subsections.
    pub fn with_children(mut self, children: Vec<Section>) -> Self {
        self.children = children;
        self
    }
}

/// Renders a block as lines joined by `\n`, with no trailing newline.
pub fn render_block(block: &Block) -> String {
    match block {
        Block::Paragraph(text) => text.clone(),
        Block::Quote(text) => text
            .lines()
            .map(|l| {
                if l.is_empty() {
                    ">".to_string()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Bullets(items) => items
            .iter()
            .map(|i| format!("- {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Tasks(items) => items
            .iter()
            .map(|i| format!("- [ ] {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { header, rows } => render_table(header, rows),
    }
}

fn render_table(header: &[String], rows: &[Vec<String>]) -> String {
    let row = |cells: &[String]| {
        let inner: Vec<String> = cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    " ".into()
                } else {
                    format!(" {c} ")
                }
            })
            .collect();
        format!("|{}|", inner.join("|"))
    };
    let delimiter = format!(
        "|{}|",
        header
            .iter()
            .map(|h| "-".repeat(h.chars().count() + 2))
            .collect::<Vec<_>>()
            .join("|")
    );
    let mut lines = vec![row(header), delimiter];
    lines.extend(rows.iter().map(|r| row(r)));
    lines.join("\n")
}

/// Renders a section and its subsections; blocks are separated by blank lines.
pub fn render_section(section: &Section) -> String {
    let level = usize::from(section.level.clamp(1, 6));
    let mut parts = vec![format!("{} {}", "#".repeat(level), section.heading)];
    parts.extend(section.blocks.iter().map(render_block));
    parts.extend(section.children.iter().map(render_section));
    parts.join("\n\n")
}
