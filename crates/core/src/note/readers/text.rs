//! An entry's words with the markup dropped: cells, names, details, labels.
//!
//! Each returns the note's own text (borrowed) whenever dropping the markup
//! leaves it as written, trimmed, and a copy only where it changes it.

use std::borrow::Cow;

use crate::note::aliases::kind_of;
use crate::note::lines::{find_byte, find_str, trim_byte};

/// `**Sponsors**`, `**Sponsors:**`, `Sponsors:` alone on a line: a label.
pub(super) fn label_only(body: &str) -> Option<String> {
    let t = body.trim();
    let bare = trim_byte(trim_byte(t, b'*'), b'_').trim();
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
    is_label.then(|| clean(label).into_owned())
}

/// The leading name and the rest: a bold lead, or the text before the first
/// ` — `, ` – `, ` - `, `: `, ` (`, `, `.
pub(super) fn split_name(body: &str) -> (Cow<'_, str>, Cow<'_, str>) {
    let t = body.trim();
    if let Some(rest) = t.strip_prefix("**") {
        if let Some(end) = find_str(rest, "**") {
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
    match first_separator(t) {
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
        None => (clean(t), Cow::Borrowed("")),
    }
}

/// Where the first of ` — `, ` – `, ` - `, `: `, ` (` and `, ` in `t` is,
/// and which it is (no two start at the same byte).
fn first_separator(t: &str) -> Option<(usize, &'static str)> {
    const SEPARATORS: [&str; 6] = [" — ", " – ", " - ", ": ", " (", ", "];
    t.bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b' ' | b':' | b','))
        .find_map(|(at, _)| {
            let rest = t.get(at..)?;
            SEPARATORS
                .into_iter()
                .find(|sep| rest.starts_with(sep))
                .map(|sep| (at, sep))
        })
}

/// The detail after an opening parenthesis: `VP Eng, Northwind) — sponsor`
/// reads as `VP Eng, Northwind — sponsor`.
fn aside(inner: &str) -> Cow<'_, str> {
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
        Cow::Owned(format!("{within} — {}", clean(after)))
    }
}

/// Markup dropped: emphasis, inline code ticks, wikilink brackets
/// (`[[Note|Alias]]` reads as `Alias`, `[[Note]]` as `Note`), escaped pipes.
pub(super) fn clean(s: &str) -> Cow<'_, str> {
    // Which of `[`, `*`, `_`, `` ` `` and `\` the text holds. Without any,
    // nothing below changes the text but the trim.
    let marks = s.bytes().fold(0u8, |seen, b| {
        seen | match b {
            b'[' => 1,
            b'*' => 2,
            b'_' => 4,
            b'`' => 8,
            b'\\' => 16,
            _ => 0,
        }
    });
    if marks == 0 {
        return Cow::Borrowed(s.trim());
    }
    // Copied only when a step changes it, each step as it always was.
    let mut t = if marks & 1 != 0 && find_str(s, "[[").is_some() {
        Cow::Owned(unlink(s))
    } else {
        Cow::Borrowed(s)
    };
    for (bit, mark, with) in [(2, "**", ""), (4, "__", ""), (8, "`", ""), (16, "\\|", "|")] {
        if marks & bit != 0 && find_str(&t, mark).is_some() {
            t = Cow::Owned(replace(&t, mark, with));
        }
    }
    match t {
        Cow::Borrowed(b) => Cow::Borrowed(trimmed(b)),
        Cow::Owned(o) => {
            let kept = trimmed(&o);
            if kept.len() == o.len() {
                Cow::Owned(o)
            } else {
                Cow::Owned(kept.to_string())
            }
        }
    }
}

/// The text without surrounding spaces, stars and underscores.
fn trimmed(t: &str) -> &str {
    trim_byte(trim_byte(t.trim(), b'*'), b'_').trim()
}

/// `text.replace(mark, with)`, finding `mark` as [`find_str`] does.
fn replace(text: &str, mark: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_str(rest, mark) {
        out.push_str(rest.get(..at).unwrap_or(""));
        out.push_str(with);
        rest = rest.get(at + mark.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Wikilinks as the text they show.
fn unlink(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = find_str(rest, "[[") {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 2..).unwrap_or("");
        let Some(close) = find_str(after, "]]") else {
            out.push_str(after);
            return out;
        };
        let inner = after.get(..close).unwrap_or("");
        let inner = if find_str(inner, "\\|").is_some() {
            Cow::Owned(inner.replace("\\|", "|"))
        } else {
            Cow::Borrowed(inner)
        };
        out.push_str(inner.rsplit('|').next().unwrap_or(&inner));
        rest = after.get(close + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The cells of a table row, `\|` kept inside a cell.
pub(super) fn split_row(row: &str) -> Vec<Cow<'_, str>> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let bytes = inner.as_bytes();
    let mut cells = Vec::with_capacity(4);
    let mut from = 0;
    let mut look = 0;
    // `|` and `\` are ASCII, so bytes find them as characters would: a `|`
    // ends a cell unless the byte before it is a `\`.
    while let Some(found) = bytes.get(look..).and_then(|b| find_byte(b, b'|')) {
        let at = look + found;
        look = at + 1;
        if at > 0 && bytes.get(at - 1) == Some(&b'\\') {
            continue;
        }
        cells.push(clean(inner.get(from..at).unwrap_or("")));
        from = at + 1;
    }
    cells.push(clean(inner.get(from..).unwrap_or("")));
    cells
}

/// The cells that hold something, joined by `sep`: the cell itself when
/// only one does.
pub(super) fn joined<'t>(cells: &[Cow<'t, str>], sep: &str) -> Cow<'t, str> {
    let mut filled = cells.iter().filter(|c| !c.is_empty());
    let Some(first) = filled.next() else {
        return Cow::Borrowed("");
    };
    let Some(second) = filled.next() else {
        return first.clone();
    };
    let rest = cells.iter().filter(|c| !c.is_empty()).skip(2);
    let len = first.len() + sep.len() + second.len();
    let mut out =
        String::with_capacity(len + rest.clone().map(|c| c.len() + sep.len()).sum::<usize>());
    out.push_str(first);
    out.push_str(sep);
    out.push_str(second);
    for cell in rest {
        out.push_str(sep);
        out.push_str(cell);
    }
    Cow::Owned(out)
}
