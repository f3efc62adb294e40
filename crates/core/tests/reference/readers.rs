//! As it was before the whole-note reading (commit 645e324), for the
//! equivalence tests only: see `crates/core/tests/blindspots_agree.rs`.
//!
//! `note::readers`: `parse.rs` and the section functions of `mod.rs`;
//! the employer as `employer.rs` found it from those entries.
use crate::reference::placeholders::is_placeholder_line;
use career_core::note::aliases::kind_of;
use career_core::note::lines::lines_in;
use career_core::note::outline::{sections, Section};
pub use career_core::note::readers::{Entry, Form};
use career_core::Span;

/// The entries of `text[span]`, top to bottom.
pub fn entries(text: &str, span: Span) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let first = line_of(text, span.start);
    let mut group: Option<String> = None;
    let mut headers: Vec<String> = Vec::new();
    let mut in_table = false;
    let mut in_fence = false;
    let mut in_comment = false;
    let mut paragraph_open = false;
    let lines: Vec<&str> = lines_in(text, span).map(|l| l.content).collect();
    for (i, raw) in lines.iter().enumerate() {
        let line = first + i;
        let trimmed = raw.trim();
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
            group = Some(clean(trimmed.trim_start_matches('#')));
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
            if is_separator(quoted) {
                continue;
            }
            let next_is_separator = lines
                .get(i + 1)
                .is_some_and(|n| is_separator(strip_quote(n.trim())));
            let cells = split_row(quoted);
            if next_is_separator {
                headers = cells.iter().map(|c| c.to_lowercase()).collect();
                in_table = true;
                continue;
            }
            if !in_table {
                headers.clear();
                in_table = true;
            }
            if is_placeholder_line(quoted) || cells.iter().all(String::is_empty) {
                continue;
            }
            let name = cells.first().cloned().unwrap_or_default();
            let detail = cells
                .get(1..)
                .unwrap_or_default()
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            out.push(Entry {
                line,
                end_line: line,
                form: Form::Row,
                text: cells
                    .iter()
                    .filter(|c| !c.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" | "),
                name,
                detail,
                cells,
                headers: headers.clone().into(),
                group: group.clone(),
            });
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
                last.text.push('\n');
                last.text.push_str(&clean(body));
                last.end_line = line;
                continue;
            }
        }
        match item {
            Some((form, body)) => {
                paragraph_open = false;
                if let Some(label) = label_only(body) {
                    group = Some(label);
                    continue;
                }
                out.push(entry(line, form, body, group.clone()));
            }
            None => {
                if let Some(label) = label_only(quoted) {
                    group = Some(label);
                    paragraph_open = false;
                    continue;
                }
                match out.last_mut() {
                    Some(last) if paragraph_open => {
                        last.text.push('\n');
                        last.text.push_str(&clean(quoted));
                        last.end_line = line;
                    }
                    _ => {
                        out.push(entry(line, Form::Paragraph, quoted, group.clone()));
                        paragraph_open = true;
                    }
                }
            }
        }
    }
    out
}

fn entry(line: usize, form: Form, body: &str, group: Option<String>) -> Entry {
    let (name, detail) = split_name(body);
    Entry {
        line,
        end_line: line,
        form,
        text: clean(body),
        cells: vec![name.clone(), detail.clone()],
        name,
        detail,
        headers: Vec::new().into(),
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

/// `**Sponsors**`, `**Sponsors:**`, `Sponsors:` alone on a line: a label.
fn label_only(body: &str) -> Option<String> {
    let t = body.trim();
    let bare = t.trim_matches('*').trim_matches('_').trim();
    let label = bare
        .strip_suffix(':')
        .unwrap_or(bare)
        .trim_end_matches('*')
        .trim();
    let bold = t.starts_with("**") && t.ends_with("**") && !bare.contains("**");
    // A bold line alone is a label only when it names a section kind
    // ("**Sponsors**"); a bold statement ("**Visible outside X**") is content.
    let is_label = (t.ends_with(':') || t.ends_with(":**") || (bold && kind_of(label).is_some()))
        && !label.is_empty()
        && label.split_whitespace().count() <= 4;
    is_label.then(|| clean(label))
}

/// The leading name and the rest: a bold lead, or the text before the first
/// ` — `, ` – `, ` - `, `: `, ` (`, `, `.
fn split_name(body: &str) -> (String, String) {
    let t = body.trim();
    if let Some(rest) = t.strip_prefix("**") {
        if let Some(end) = rest.find("**") {
            let name = rest.get(..end).unwrap_or("");
            let after = rest.get(end + 2..).unwrap_or("");
            let name = name.trim().trim_end_matches(':');
            let after = after
                .trim_start_matches([':', ' ', '—', '–', '-', ','])
                .trim();
            let detail = match after.strip_prefix('(') {
                Some(inner) => aside(inner),
                None => clean(after),
            };
            return (clean(name), detail);
        }
    }
    let cut = [" — ", " – ", " - ", ": ", " (", ", "]
        .iter()
        .filter_map(|sep| t.find(sep).map(|at| (at, *sep)))
        .min();
    match cut {
        Some((at, sep)) => {
            let name = t.get(..at).unwrap_or(t);
            let rest = t.get(at + sep.len()..).unwrap_or("");
            let detail = if sep == " (" {
                aside(rest)
            } else {
                clean(rest)
            };
            (clean(name), detail)
        }
        None => (clean(t), String::new()),
    }
}

/// The detail after an opening parenthesis: `VP Eng, Northwind) — sponsor`
/// reads as `VP Eng, Northwind — sponsor`.
fn aside(inner: &str) -> String {
    let Some(close) = inner.find(')') else {
        return clean(inner);
    };
    let within = clean(inner.get(..close).unwrap_or(""));
    let after = inner
        .get(close + 1..)
        .unwrap_or("")
        .trim_start_matches([':', ' ', '—', '–', '-', ',', ';'])
        .trim();
    if after.is_empty() {
        within
    } else {
        format!("{within} — {}", clean(after))
    }
}

/// Markup dropped: emphasis, inline code ticks, wikilink brackets
/// (`[[Note|Alias]]` reads as `Alias`, `[[Note]]` as `Note`), escaped pipes.
fn clean(s: &str) -> String {
    // Most text has no markup: copy only what has some, in the same order.
    let mut t = if s.contains("[[") {
        std::borrow::Cow::Owned(unlink(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    for (mark, with) in [("**", ""), ("__", ""), ("`", ""), ("\\|", "|")] {
        if t.contains(mark) {
            t = std::borrow::Cow::Owned(t.replace(mark, with));
        }
    }
    t.trim()
        .trim_matches('*')
        .trim_matches('_')
        .trim()
        .to_string()
}

/// Wikilinks as the text they show.
fn unlink(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("[[") {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 2..).unwrap_or("");
        let Some(close) = after.find("]]") else {
            out.push_str(after);
            return out;
        };
        let inner = after.get(..close).unwrap_or("").replace("\\|", "|");
        out.push_str(inner.rsplit('|').next().unwrap_or(&inner));
        rest = after.get(close + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn strip_quote(line: &str) -> &str {
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

fn is_separator(t: &str) -> bool {
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The cells of a table row, `\|` kept inside a cell.
fn split_row(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '|' if !escaped => cells.push(clean(&std::mem::take(&mut cell))),
            '\\' => {
                escaped = true;
                cell.push(c);
                continue;
            }
            _ => cell.push(c),
        }
        escaped = false;
    }
    cells.push(clean(&cell));
    cells
}

/// The first section whose title names the canonical `kind` (an id of
/// [`super::aliases::SECTION_KINDS`]), at any heading level.
pub fn section(text: &str, kind: &str) -> Option<Section> {
    sections(text)
        .into_iter()
        .find(|s| kind_of(&s.title).is_some_and(|k| k.id == kind))
}

/// Every section whose title names `kind`.
pub fn sections_of(text: &str, kind: &str) -> Vec<Section> {
    sections(text)
        .into_iter()
        .filter(|s| kind_of(&s.title).is_some_and(|k| k.id == kind))
        .collect()
}

/// The entries of the first section of `kind`, subsections included.
pub fn section_entries(text: &str, kind: &str) -> Vec<Entry> {
    section(text, kind).map_or_else(Vec::new, |s| entries(text, s.body_span))
}

/// The entries of a span that say something (not [`Entry::is_nil`]).
pub fn filled(text: &str, span: Span) -> Vec<Entry> {
    entries(text, span)
        .into_iter()
        .filter(|e| !e.is_nil())
        .collect()
}

/// A group of people (`kind` is `sponsors`, `mentors`, `advisors` or
/// `mentees`), wherever the note lists them: a section of that kind; else
/// the entries of Network grouped under a label of that kind; else the
/// Network entries that name the role ("sponsor", "mentee"…).
pub fn people(text: &str, kind: &str) -> Vec<Entry> {
    if let Some(s) = section(text, kind) {
        return filled(text, s.body_span);
    }
    let Some(network) = section(text, "network") else {
        return Vec::new();
    };
    let all = filled(text, network.body_span);
    let grouped: Vec<Entry> = all
        .iter()
        .filter(|e| {
            e.group
                .as_deref()
                .and_then(kind_of)
                .is_some_and(|k| k.id == kind)
        })
        .cloned()
        .collect();
    if !grouped.is_empty() {
        return grouped;
    }
    let word = kind.trim_end_matches('s');
    all.into_iter()
        .filter(|e| e.text.to_lowercase().contains(word))
        .collect()
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |t| t.matches('\n').count() + 1)
}

/// `employer::employer` over the entries above (its logic is unchanged,
/// only given the entries it used to read itself).
pub mod employer {
    pub use career_core::note::readers::employer::{works_at, Employer};

    pub fn employer(text: &str) -> Option<Employer> {
        let timeline = super::section_entries(text, "timeline");
        career_core::note::readers::employer::employer_in(
            text,
            &career_core::note::readers::roles::roles_in(timeline),
            || super::section(text, "current_role"),
        )
    }
}
