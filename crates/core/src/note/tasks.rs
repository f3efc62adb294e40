//! Task list items (`- [ ] text`), as spans into the note.
//!
//! comrak finds the list items, so a `- [ ]` inside a code block or an HTML
//! block is not a task. comrak only recognises the statuses ` `, `x` and
//! `X`; Obsidian (and the Tasks plugin) accept any single character (`/`,
//! `-`, `>`…), so items comrak did not mark are checked here for a
//! `[c]` right after their marker.
//!
//! Invariants:
//! - A task's spans all lie on its first line (the marker line).
//! - `status_span` holds exactly `status`.

use serde::Serialize;

use crate::note::sourcepos::{parse, Kind, Node};
use crate::note::tables::line_at;
use crate::span::Span;

/// One task list item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    /// 1-based line number of the marker line in the whole note.
    pub line: usize,
    /// The whole marker line's content without its ending (container prefix
    /// and indentation included).
    pub span: Span,
    /// The status character: `' '` when open.
    pub status: char,
    /// The bytes of the status character.
    pub status_span: Span,
    /// The text after `] ` up to the end of the line's content.
    pub text_span: Span,
    /// The text under `text_span`.
    pub text: String,
    /// Nesting: 0 for an item of a top-level list, 1 for its children…
    pub depth: usize,
}

impl Task {
    /// Whether the task is open (status `' '`).
    pub fn is_open(&self) -> bool {
        self.status == ' '
    }
}

/// Lists the tasks inside `region` of `text`, in document order.
pub fn tasks_in(text: &str, region: Span) -> Vec<Task> {
    tasks_from_nodes(text, &parse(text, region))
}

/// The tasks among `nodes`, a parse of `text` (or of a region of it): lets
/// [`outline`](crate::note::outline()) share one parse between tables, tasks and links.
pub fn tasks_from_nodes(text: &str, nodes: &[Node]) -> Vec<Task> {
    // Item ancestors of each node, computed in one pass: parents come first.
    let mut items_above: Vec<usize> = Vec::with_capacity(nodes.len());
    let mut items = Vec::new();
    for node in nodes {
        let depth = node
            .parent
            .and_then(|p| {
                Some(
                    items_above.get(p)?
                        + usize::from(matches!(nodes.get(p)?.kind, Kind::Item { .. })),
                )
            })
            .unwrap_or(0);
        items_above.push(depth);
        if let Kind::Item { task } = node.kind {
            items.push(Item {
                start: node.span.start,
                depth,
                task,
            });
        }
    }
    tasks_from_items(text, &items)
}

/// A list item as the parse (comrak's, or the outline's fast scan) found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item {
    /// Where its marker starts.
    pub(crate) start: usize,
    /// List items above it.
    pub(crate) depth: usize,
    /// comrak's task status and its span, for `[ ]`, `[x]` and `[X]`.
    pub(crate) task: Option<(char, Span)>,
}

/// The tasks among `items`, in document order.
pub(crate) fn tasks_from_items(text: &str, items: &[Item]) -> Vec<Task> {
    let mut tasks = Vec::new();
    let mut counted_to = 0;
    let mut line_number = 1;
    for item in items {
        let Some((status, status_span)) = item.task.or_else(|| relaxed_status(text, item.start))
        else {
            continue;
        };
        let line = line_at(text, status_span.start);
        let content = line.content_span();
        let mut text_start = status_span.end;
        if text.as_bytes().get(text_start) == Some(&b']') {
            text_start += 1;
            if matches!(text.as_bytes().get(text_start), Some(b' ' | b'\t')) {
                text_start += 1;
            }
        }
        let text_span = Span::new(text_start.min(content.end), content.end);
        if line.start >= counted_to {
            line_number += Span::new(counted_to, line.start)
                .of(text)
                .bytes()
                .filter(|&b| b == b'\n')
                .count();
            counted_to = line.start;
        }
        tasks.push(Task {
            line: line_number,
            span: content,
            status,
            status_span,
            text_span,
            text: text_span.of(text).to_string(),
            depth: item.depth,
        });
    }
    tasks
}

/// The status of an item comrak did not take for a task: `[c]` after the
/// marker and 1 to 4 spaces, followed by a space, a tab or the line's end.
pub(crate) fn relaxed_status(text: &str, marker: usize) -> Option<(char, Span)> {
    let rest = text.get(marker..)?;
    let bytes = rest.as_bytes();
    let after_marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits)? {
                b'.' | b')' => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    let spaces = bytes
        .iter()
        .skip(after_marker)
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    if !(1..=4).contains(&spaces) {
        return None;
    }
    let open = after_marker + spaces;
    if bytes.get(open) != Some(&b'[') {
        return None;
    }
    let status = rest.get(open + 1..)?.chars().next()?;
    let close = open + 1 + status.len_utf8();
    if status == '\n' || status == '\r' || bytes.get(close) != Some(&b']') {
        return None;
    }
    match bytes.get(close + 1) {
        None | Some(b' ' | b'\t' | b'\r' | b'\n') => {
            let start = marker + open + 1;
            Some((status, Span::new(start, start + status.len_utf8())))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Vec<Task> {
        tasks_in(text, Span::new(0, text.len()))
    }

    fn assert_consistent(text: &str, task: &Task) {
        assert_eq!(
            task.status_span.of(text).chars().next(),
            Some(task.status),
            "should point status_span at the status"
        );
        assert!(
            task.span.contains(task.status_span) && task.span.contains(task.text_span),
            "should keep spans on the line"
        );
        assert_eq!(
            task.text_span.of(text),
            task.text,
            "should point text_span at the text"
        );
        let line_start = text.get(..task.span.start).unwrap().matches('\n').count() + 1;
        assert_eq!(task.line, line_start, "should number lines from 1");
    }

    #[test]
    fn should_list_tasks_with_status_text_line_and_depth_for_lf_and_crlf() {
        for nl in ["\n", "\r\n"] {
            let text = [
                "# Tasks",
                "",
                "- [ ] open",
                "  - [x] done child",
                "    - [X] grandchild",
                "- plain",
                "* [ ] star 📅 2026-01-20",
                "",
            ]
            .join(nl);
            let tasks = whole(&text);
            let got: Vec<(usize, char, &str, usize)> = tasks
                .iter()
                .map(|t| (t.line, t.status, t.text.as_str(), t.depth))
                .collect();
            assert_eq!(
                got,
                [
                    (3, ' ', "open", 0),
                    (4, 'x', "done child", 1),
                    (5, 'X', "grandchild", 2),
                    (7, ' ', "star 📅 2026-01-20", 0)
                ],
                "should read every task ({nl:?})"
            );
            assert_eq!(
                tasks[1].span.of(&text),
                "  - [x] done child",
                "should span the whole line without its ending"
            );
            for t in &tasks {
                assert_consistent(&text, t);
            }
        }
    }

    #[test]
    fn should_accept_any_status_character_like_obsidian() {
        let text = "- [/] doing\n- [-] cancelled\n- [>] deferred\n1. [?] question\n- [✓] unicode\n- [x]\n- [] not\n- [ab] not\n- [x]not\n";
        let got: Vec<(char, String)> = whole(text)
            .into_iter()
            .map(|t| (t.status, t.text))
            .collect();
        let want: Vec<(char, String)> = [
            ('/', "doing"),
            ('-', "cancelled"),
            ('>', "deferred"),
            ('?', "question"),
            ('✓', "unicode"),
            ('x', ""),
        ]
        .iter()
        .map(|(c, s)| (*c, s.to_string()))
        .collect();
        assert_eq!(
            got, want,
            "should accept custom statuses and refuse malformed boxes"
        );
        for t in whole(text) {
            assert_consistent(text, &t);
        }
    }

    #[test]
    fn should_skip_code_blocks_and_respect_the_region() {
        let text = "\u{feff}---\ntags: [a]\n---\n```\n- [ ] in code\n```\n\n<div>\n- [ ] html\n</div>\n\n## Two\n> - [ ] quoted 日本\n- [ ] last";
        let tasks = whole(text);
        assert_eq!(
            tasks.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
            ["quoted 日本", "last"],
            "should skip code and html"
        );
        assert_eq!(tasks[0].depth, 0, "should count a quoted list as top level");
        assert_eq!(
            tasks[1].line, 14,
            "should count lines after a BOM and frontmatter"
        );
        let start = text.find("- [ ] last").unwrap();
        let region = tasks_in(text, Span::new(start, text.len()));
        assert_eq!(region.len(), 1, "should only list tasks in the region");
        assert_eq!(region[0].line, 14, "should number lines in the whole note");
        for t in &tasks {
            assert_consistent(text, t);
        }
    }

    #[test]
    fn should_not_panic_on_deep_nesting_or_odd_bytes() {
        let deep: String = (0..1_000)
            .map(|i| format!("{}- [ ] t{i}\n", "  ".repeat(i)))
            .collect();
        let tasks = whole(&deep);
        assert!(!tasks.is_empty(), "should find tasks in a deep list");
        for t in &tasks {
            assert_consistent(&deep, t);
        }
        for text in [
            "",
            "-",
            "- [",
            "- [\u{0}] x",
            "- [\n]",
            "1)  [x] y",
            "- [🎯] emoji",
        ] {
            for t in whole(text) {
                assert_consistent(text, &t);
            }
        }
    }
}
