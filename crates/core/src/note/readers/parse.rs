//! Turning a span of markdown into [`Entry`]s, line by line.
//!
//! A line-level reader rather than the comrak tree: it must keep the
//! line numbers findings cite, read half-formed tables and lists the way a
//! person means them, and never fail.

use std::borrow::Cow;
use std::sync::Arc;

use super::text::{clean, joined, label_only, split_name, split_row};
use super::{line_of, Entry, Form, RawEntry};
use crate::note::lines::{lines_in, trim_fast};
use crate::note::placeholders::is_placeholder_line;
use crate::span::Span;

/// The entries of `text[span]`, top to bottom.
pub fn entries(text: &str, span: Span) -> Vec<Entry> {
    let lines: Vec<&str> = lines_in(text, span).map(|l| l.content).collect();
    let Read { entries, groups } = read(line_of(text, span.start), &lines, None);
    entries
        .into_iter()
        .map(|e| {
            let group = e.group.and_then(|g| groups.get(g)).cloned();
            e.into_entry(group)
        })
        .collect()
}

/// What [`read`] found: the entries, and the headings and labels that are
/// their groups.
#[derive(Debug, Default)]
pub(super) struct Read<'t> {
    pub(super) entries: Vec<RawEntry<'t>>,
    pub(super) groups: Vec<String>,
}

/// What [`read`] notes of a whole note, so that a span's entries can be
/// taken from it (see [`super::reading`]).
#[derive(Debug, Default)]
pub(super) struct Trace {
    /// Per line: whether the reader entered it as it enters a span's first
    /// line (outside fences, comments, tables and paragraphs).
    pub(super) fresh: Vec<bool>,
    /// Per entry: the 1-based line that set its group (0 when it has none).
    pub(super) group_lines: Vec<usize>,
}

/// The entries of `lines`, the first of which is 1-based line `first`.
pub(super) fn read<'t>(first: usize, lines: &[&'t str], mut trace: Option<&mut Trace>) -> Read<'t> {
    let mut out: Vec<RawEntry<'t>> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    let mut group: Option<usize> = None;
    let mut group_line = 0;
    // No headers, shared by every entry without a table header.
    let none: Arc<[String]> = Arc::from([]);
    let mut headers = Arc::clone(&none);
    let mut in_table = false;
    let mut in_fence = false;
    let mut in_comment = false;
    let mut paragraph_open = false;
    let mut looked_ahead: Option<(usize, bool)> = None;
    for (i, &raw) in lines.iter().enumerate() {
        if let Some(t) = trace.as_deref_mut() {
            t.fresh
                .push(!in_fence && !in_comment && !paragraph_open && !in_table);
        }
        let line = first + i;
        let trimmed = trim_fast(raw);
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            paragraph_open = false;
            continue;
        }
        if in_fence {
            continue;
        }
        if in_comment || trimmed.starts_with("<!--") || trimmed.starts_with("%%") {
            let closes = trimmed.ends_with("-->") || (trimmed.len() > 2 && trimmed.ends_with("%%"));
            in_comment = !closes;
            paragraph_open = false;
            continue;
        }
        if trimmed.is_empty() {
            paragraph_open = false;
            in_table = false;
            continue;
        }
        if trimmed.starts_with('#') {
            groups.push(clean(trimmed.trim_start_matches('#')).into_owned());
            group = Some(groups.len() - 1);
            group_line = line;
            paragraph_open = false;
            in_table = false;
            continue;
        }
        if is_rule(trimmed) {
            paragraph_open = false;
            continue;
        }
        let quoted = strip_quote(trimmed);
        if quoted.starts_with("[!") {
            continue;
        }
        if quoted.starts_with('|') {
            paragraph_open = false;
            // A row's look at the next line answers that line's own test.
            let separator = match looked_ahead.take() {
                Some((at, answer)) if at == i => answer,
                _ => is_separator(quoted),
            };
            if separator {
                continue;
            }
            let next_is_separator = lines
                .get(i + 1)
                .is_some_and(|n| is_separator(strip_quote(trim_fast(n))));
            looked_ahead = Some((i + 1, next_is_separator));
            if next_is_separator {
                headers = split_row(quoted).iter().map(|c| c.to_lowercase()).collect();
                in_table = true;
                continue;
            }
            if !in_table {
                headers = Arc::clone(&none);
                in_table = true;
            }
            if is_placeholder_line(quoted) {
                continue;
            }
            let cells = split_row(quoted);
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            out.push(RawEntry {
                line,
                end_line: line,
                form: Form::Row,
                name: cells.first().cloned().unwrap_or_default(),
                detail: joined(cells.get(1..).unwrap_or_default(), ", "),
                text: joined(&cells, " | "),
                cells,
                headers: Arc::clone(&headers),
                group,
            });
            if let Some(t) = trace.as_deref_mut() {
                t.group_lines.push(group_line);
            }
            continue;
        }
        in_table = false;
        if is_placeholder_line(raw) {
            paragraph_open = false;
            continue;
        }
        let indented = raw.starts_with("  ") || raw.starts_with('\t');
        let item = list_item(quoted);
        if let (true, Some(last)) = (indented, out.last_mut()) {
            if last.form != Form::Row {
                let (_, body) = item.unwrap_or((Form::Paragraph, quoted));
                let text = last.text.to_mut();
                text.push('\n');
                text.push_str(&clean(body));
                last.end_line = line;
                continue;
            }
        }
        match item {
            Some((form, body)) => {
                paragraph_open = false;
                if let Some(label) = label_only(body) {
                    groups.push(label);
                    group = Some(groups.len() - 1);
                    group_line = line;
                    continue;
                }
                out.push(entry(line, form, body, group, &none));
                if let Some(t) = trace.as_deref_mut() {
                    t.group_lines.push(group_line);
                }
            }
            None => {
                if let Some(label) = label_only(quoted) {
                    groups.push(label);
                    group = Some(groups.len() - 1);
                    group_line = line;
                    paragraph_open = false;
                    continue;
                }
                match out.last_mut() {
                    Some(last) if paragraph_open => {
                        let text = last.text.to_mut();
                        text.push('\n');
                        text.push_str(&clean(quoted));
                        last.end_line = line;
                    }
                    _ => {
                        out.push(entry(line, Form::Paragraph, quoted, group, &none));
                        if let Some(t) = trace.as_deref_mut() {
                            t.group_lines.push(group_line);
                        }
                        paragraph_open = true;
                    }
                }
            }
        }
    }
    Read {
        entries: out,
        groups,
    }
}

/// A bullet, task or paragraph entry.
fn entry<'t>(
    line: usize,
    form: Form,
    body: &'t str,
    group: Option<usize>,
    no_headers: &Arc<[String]>,
) -> RawEntry<'t> {
    let text = clean(body);
    let (name, detail) = split_name(body).unwrap_or_else(|| (text.clone(), Cow::Borrowed("")));
    RawEntry {
        line,
        end_line: line,
        form,
        text,
        cells: Vec::new(),
        name,
        detail,
        headers: Arc::clone(no_headers),
        group,
    }
}

/// A list marker's form and the text after it.
fn list_item(line: &str) -> Option<(Form, &str)> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("+ "))
        .or_else(|| {
            let digits = line.find(|c: char| !c.is_ascii_digit())?;
            (digits > 0)
                .then(|| line.get(digits..))
                .flatten()
                .and_then(|r| r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")))
        })?;
    let rest = rest.trim_start();
    for (mark, done) in [
        ("[ ]", false),
        ("[x]", true),
        ("[X]", true),
        ("[/]", false),
        ("[-]", true),
    ] {
        if let Some(task) = rest.strip_prefix(mark) {
            return Some((Form::Task { done }, task.trim_start()));
        }
    }
    Some((Form::Bullet, rest))
}

pub(super) fn strip_quote(line: &str) -> &str {
    let mut t = line;
    while let Some(rest) = t.strip_prefix('>') {
        t = rest.trim_start();
    }
    t
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3
        && (t.chars().all(|c| c == '-' || c == ' ')
            || t.chars().all(|c| c == '*' || c == ' ')
            || t.chars().all(|c| c == '_' || c == ' '))
}

pub(super) fn is_separator(t: &str) -> bool {
    // By bytes: all four are ASCII, and no byte of a longer character is.
    t.starts_with('|')
        && t.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' '))
        && t.as_bytes().contains(&b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, usize, Form)> {
        entries(text, Span::new(0, text.len()))
            .into_iter()
            .map(|e| (e.name, e.line, e.form))
            .collect()
    }

    #[test]
    fn tables_lists_checklists_and_paragraphs_read_alike() {
        let table = "| Name | Context |\n|---|---|\n| Pat Kim | CIO |\n| [Name] | [Context] |\n";
        let bullets = "- Pat Kim — CIO, Northwind\n- **Lee Park** (architect)\n";
        let tasks = "- [ ] Pat Kim: ask for intro\n- [x] Lee Park, done\n";
        let prose = "Pat Kim, our CIO,\nsponsors me.\n\nLee Park is a mentee.\n";
        assert_eq!(names(table), [("Pat Kim".into(), 3, Form::Row)]);
        assert_eq!(
            names(bullets),
            [
                ("Pat Kim".into(), 1, Form::Bullet),
                ("Lee Park".into(), 2, Form::Bullet)
            ]
        );
        assert_eq!(
            names(tasks),
            [
                ("Pat Kim".into(), 1, Form::Task { done: false }),
                ("Lee Park".into(), 2, Form::Task { done: true })
            ]
        );
        let p = names(prose);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p.get(1).map(|e| e.1), Some(4));
    }

    #[test]
    fn an_item_without_a_name_apart_is_named_by_its_whole_text() {
        for body in [
            "Follow up with [[People/Pat Kim]] about the roadmap",
            "[[Note\\|Alias]] `code` **bold**\u{a0}",
            "\u{2003}__snake__ ",
            "plain words",
            "…",
        ] {
            let e = entry(1, Form::Bullet, body, None, &Arc::from([]));
            // As before: the name cleaned from the trimmed body.
            assert_eq!(e.name, clean(body.trim()), "{body:?}");
            assert_eq!(e.name, e.text, "{body:?}");
            assert_eq!(e.detail, "", "{body:?}");
        }
        let e = entry(1, Form::Bullet, "[[Pat Kim]] — CIO", None, &Arc::from([]));
        assert_eq!((&*e.name, &*e.detail), ("Pat Kim", "CIO"));
    }

    #[test]
    fn labels_group_the_entries_under_them() {
        let text = "**Sponsors:**\n- Pat Kim\n\nMentees:\n- Lee Park\n";
        let got: Vec<Option<String>> = entries(text, Span::new(0, text.len()))
            .into_iter()
            .map(|e| e.group)
            .collect();
        assert_eq!(got, [Some("Sponsors".into()), Some("Mentees".into())]);
    }

    #[test]
    fn links_and_parentheses_read_as_the_text_they_show() {
        let text = "| Name | Context |\n|---|---|\n| [[People/Pat Kim\\|Pat Kim]] | [[Northwind]] CIO |\n- **[[Lee Park]]** (mentee)\n- **Jane Doe** (VP Eng, Northwind) — sponsor\n- Bo Li (CTO, Acme)\n";
        let got: Vec<(String, String)> = entries(text, Span::new(0, text.len()))
            .into_iter()
            .map(|e| (e.name, e.detail))
            .collect();
        assert_eq!(
            got,
            [
                ("Pat Kim".into(), "Northwind CIO".into()),
                ("Lee Park".into(), "mentee".into()),
                ("Jane Doe".into(), "VP Eng, Northwind — sponsor".into()),
                ("Bo Li".into(), "CTO, Acme".into())
            ]
        );
    }
}
