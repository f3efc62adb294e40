//! comrak, used only to locate things, and the one place its positions become spans.
//!
//! comrak reports positions as 1-based lines and 1-based, end-inclusive
//! columns counted in UTF-8 bytes. [`parse`] runs comrak over a slice of a
//! note and returns an owned, flat list of [`Node`]s whose spans are byte
//! offsets into the whole note. Nothing here (or anywhere) renders markdown
//! with comrak: its writer escapes `#tags` and renumbers lists.

use comrak::nodes::{AstNode, LineColumn, NodeValue, Sourcepos};
use comrak::{Arena, Options};

use crate::note::lines::{line_starts, BOM};
use crate::span::Span;

/// The kinds of node the note model cares about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// YAML frontmatter between `---` lines.
    FrontMatter,
    /// An ATX or setext heading.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Whether it is underlined (`===` / `---`).
        setext: bool,
    },
    /// A paragraph.
    Paragraph,
    /// A block quote, callouts included.
    BlockQuote,
    /// A bullet or ordered list.
    List,
    /// A list item; `task` is the status symbol and its span for `- [ ]` items.
    Item {
        /// `Some((symbol, span))` for task items; `' '` when unchecked.
        task: Option<(char, Span)>,
    },
    /// A fenced or indented code block.
    CodeBlock {
        /// Whether it is fenced (as opposed to indented).
        fenced: bool,
    },
    /// A raw HTML block.
    HtmlBlock,
    /// A thematic break.
    ThematicBreak,
    /// A GFM table.
    Table,
    /// A table row; `header` for the first.
    TableRow {
        /// Whether this is the header row.
        header: bool,
    },
    /// A table cell.
    TableCell,
    /// An inline code span.
    Code,
    /// Inline raw HTML.
    HtmlInline,
    /// Any other node (text, emphasis, links…).
    Other,
}

/// A located node: its kind, span, depth below the parsed root and parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// What the node is.
    pub kind: Kind,
    /// Its bytes in the whole note.
    pub span: Span,
    /// 1 for children of the document, 2 for their children…
    pub depth: usize,
    /// Index of the parent in the list, `None` for top-level nodes.
    pub parent: Option<usize>,
}

/// The comrak options every parse uses: GFM tables and task lists, and
/// frontmatter, which Obsidian reads from a leading `---` block.
pub fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.tasklist = true;
    options.extension.front_matter_delimiter = Some("---".to_string());
    options
}

/// Converts comrak positions within a slice to spans in the whole note.
struct Positions<'t> {
    slice: &'t str,
    base: usize,
    starts: Vec<usize>,
}

impl Positions<'_> {
    fn offset(&self, at: LineColumn) -> usize {
        let line_start = at
            .line
            .checked_sub(1)
            .and_then(|l| self.starts.get(l))
            .copied();
        let Some(line_start) = line_start else {
            return self.slice.len();
        };
        (line_start + at.column.saturating_sub(1)).min(self.slice.len())
    }

    fn span(&self, pos: Sourcepos) -> Span {
        let start = self.offset(pos.start);
        // The end column names the last byte of the node; one past it ends the span.
        // A node with an end before its start (comrak's empty nodes) is empty.
        let mut end = if pos.end.line == 0 {
            start
        } else {
            (self.offset(pos.end) + 1).min(self.slice.len())
        };
        while end < self.slice.len() && !self.slice.is_char_boundary(end) {
            end += 1;
        }
        let mut start = start.min(end);
        while start > 0 && !self.slice.is_char_boundary(start) {
            start -= 1;
        }
        Span::new(start, end).shift(self.base)
    }
}

/// Parses `text[span]` with comrak and lists its nodes in document order.
///
/// Parsing a slice gives the same blocks as parsing the whole note when the
/// slice starts at a line that begins a top-level block (a heading's body
/// does): no block stays open across a top-level heading. Frontmatter is only
/// read at the very start of the note (after a BOM), as in a whole parse: a
/// slice that happens to open with `---` lines holds thematic breaks, not
/// frontmatter. One known difference: link reference definitions outside the
/// slice are not seen.
pub fn parse(text: &str, span: Span) -> Vec<Node> {
    let slice = text.get(span.start..span.end.min(text.len())).unwrap_or("");
    let at_note_start = span.start == 0 || (span.start == BOM.len() && text.starts_with(BOM));
    let mut options = options();
    if !at_note_start {
        options.extension.front_matter_delimiter = None;
    }
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, slice, &options);
    let positions = Positions {
        slice,
        base: span.start,
        starts: line_starts(slice),
    };
    // Most notes have one node for every 8 to 16 bytes.
    let mut nodes = Vec::with_capacity(slice.len() / 8);
    collect(root, &positions, &mut nodes);
    nodes
}

/// Walks the tree in document order without recursion: notes can nest lists
/// a thousand deep, and the WASM stack is small. Children are pushed last
/// first, straight from the sibling links, so the walk allocates only its stack.
fn collect<'a>(root: &'a AstNode<'a>, positions: &Positions<'_>, out: &mut Vec<Node>) {
    let mut stack: Vec<(&'a AstNode<'a>, usize, Option<usize>)> = Vec::new();
    let mut child = root.last_child();
    while let Some(c) = child {
        stack.push((c, 1, None));
        child = c.previous_sibling();
    }
    while let Some((node, depth, parent)) = stack.pop() {
        let (kind, pos) = {
            let ast = node.data();
            (kind_of(&ast.value, positions), ast.sourcepos)
        };
        let index = out.len();
        out.push(Node {
            kind,
            span: positions.span(pos),
            depth,
            parent,
        });
        let mut child = node.last_child();
        while let Some(c) = child {
            stack.push((c, depth + 1, Some(index)));
            child = c.previous_sibling();
        }
    }
}

fn kind_of(value: &NodeValue, positions: &Positions<'_>) -> Kind {
    match value {
        NodeValue::FrontMatter(_) => Kind::FrontMatter,
        NodeValue::Heading(h) => Kind::Heading {
            level: h.level,
            setext: h.setext,
        },
        NodeValue::Paragraph => Kind::Paragraph,
        NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) | NodeValue::Alert(_) => {
            Kind::BlockQuote
        }
        NodeValue::List(_) => Kind::List,
        NodeValue::Item(_) => Kind::Item { task: None },
        NodeValue::TaskItem(task) => Kind::Item {
            task: Some((
                task.symbol.unwrap_or(' '),
                positions.span(task.symbol_sourcepos),
            )),
        },
        NodeValue::CodeBlock(code) => Kind::CodeBlock {
            fenced: code.fenced,
        },
        NodeValue::HtmlBlock(_) => Kind::HtmlBlock,
        NodeValue::ThematicBreak => Kind::ThematicBreak,
        NodeValue::Table(_) => Kind::Table,
        NodeValue::TableRow(header) => Kind::TableRow { header: *header },
        NodeValue::TableCell => Kind::TableCell,
        NodeValue::Code(_) => Kind::Code,
        NodeValue::HtmlInline(_) => Kind::HtmlInline,
        _ => Kind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, kind: fn(&Kind) -> bool) -> Vec<String> {
        parse(text, Span::new(0, text.len()))
            .into_iter()
            .filter(|n| kind(&n.kind))
            .map(|n| n.span.of(text).to_string())
            .collect()
    }

    #[test]
    fn spans_cover_exactly_the_node_bytes_with_lf_crlf_and_multibyte_text() {
        for nl in ["\n", "\r\n"] {
            let text = [
                "---",
                "a: 1",
                "---",
                "# Ünïcode 🎯",
                "",
                "| A | B |",
                "|---|---|",
                "| `x|y` | é |",
                "",
                "- [x] done `code`",
                "- [ ] todo",
                "",
            ]
            .join(nl);
            assert_eq!(
                texts(&text, |k| matches!(k, Kind::Heading { .. })),
                ["# Ünïcode 🎯"],
                "heading ({nl:?})"
            );
            assert_eq!(
                texts(&text, |k| matches!(k, Kind::TableRow { .. })),
                ["| A | B |", "| `x|y` | é |"]
            );
            assert_eq!(texts(&text, |k| matches!(k, Kind::Code)), ["`code`"]);
            let tasks: Vec<_> = parse(&text, Span::new(0, text.len()))
                .into_iter()
                .filter_map(|n| match n.kind {
                    Kind::Item { task: Some((c, s)) } => Some((c, s.of(&text).to_string())),
                    _ => None,
                })
                .collect();
            assert_eq!(tasks, [('x', "x".to_string()), (' ', " ".to_string())]);
        }
    }

    #[test]
    fn a_slice_reports_spans_in_the_whole_note() {
        let text = "intro\n\n## Part\n\n| a |\n|---|\n| 1 |\n";
        let start = text.find("| a").unwrap();
        let rows = parse(text, Span::new(start, text.len()));
        let table = rows.iter().find(|n| n.kind == Kind::Table).unwrap();
        assert_eq!(table.span.of(text), "| a |\n|---|\n| 1 |");
    }
}
