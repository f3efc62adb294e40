//! An entry's words with the markup dropped: cells, names, details, labels.
//!
//! Each returns the note's own text (borrowed) whenever dropping the markup
//! leaves it as written, trimmed, and a copy only where it changes it.

use std::borrow::Cow;

use crate::note::aliases::kind_of;
use crate::note::lines::{find_byte, find_bytes, find_str, trim_byte, trim_fast};

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
/// ` — `, ` – `, ` - `, `: `, ` (`, `, `. `None` when there is neither: the
/// name is then the whole body, `clean(body)` (which trimming first leaves
/// as it is), and the rest empty.
pub(super) fn split_name(body: &str) -> Option<(Cow<'_, str>, Cow<'_, str>)> {
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
            return Some((clean(name), detail));
        }
    }
    let (at, sep) = first_separator(t)?;
    let name = t.get(..at).unwrap_or(t);
    let rest = t.get(at + sep.len()..).unwrap_or("");
    let detail = if sep == " (" {
        aside(rest)
    } else {
        clean(rest)
    };
    Some((clean(name), detail))
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
        return Cow::Borrowed(trim_fast(s));
    }
    // Copied only when a step changes it, once at most: each later step
    // changes the copy in place, as it always did, left to right.
    let mut t: Option<String> = (marks & 1 != 0 && find_str(s, "[[").is_some()).then(|| unlink(s));
    for (bit, mark, with) in [(2, "**", ""), (4, "__", ""), (8, "`", ""), (16, "\\|", "|")] {
        if marks & bit == 0 || find_str(t.as_deref().unwrap_or(s), mark).is_none() {
            continue;
        }
        match t.as_mut() {
            Some(o) => replace_in_place(o, mark, with),
            None => t = Some(replace(s, mark, with)),
        }
    }
    match t {
        None => Cow::Borrowed(trimmed(s)),
        Some(mut o) => {
            let kept = trimmed(&o);
            // Where `kept` starts in `o` (an empty `kept` may lie elsewhere).
            let start = (kept.as_ptr() as usize).checked_sub(o.as_ptr() as usize);
            match start {
                Some(start) if !kept.is_empty() && start + kept.len() <= o.len() => {
                    o.truncate(start + kept.len());
                    o.drain(..start);
                }
                _ => o.clear(),
            }
            Cow::Owned(o)
        }
    }
}

/// The text without surrounding spaces, stars and underscores.
fn trimmed(t: &str) -> &str {
    trim_fast(trim_byte(trim_byte(trim_fast(t), b'*'), b'_'))
}

/// [`replace`] in place, for a `with` no longer than `mark`: the text only
/// shrinks, so each match is found before anything is written over it.
fn replace_in_place(text: &mut String, mark: &str, with: &str) {
    let mark = mark.as_bytes();
    let with = with.as_bytes();
    let mut bytes = std::mem::take(text).into_bytes();
    let (mut read, mut write) = (0, 0);
    while let Some(at) = bytes.get(read..).and_then(|rest| find_bytes(rest, mark)) {
        bytes.copy_within(read..read + at, write);
        write += at;
        if let Some(slot) = bytes.get_mut(write..write + with.len()) {
            slot.copy_from_slice(with);
        }
        write += with.len();
        read += at + mark.len();
    }
    let len = bytes.len();
    bytes.copy_within(read..len, write);
    bytes.truncate(write + len - read);
    // ASCII marks taken out or swapped for ASCII leave UTF-8 as it was.
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
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
        // The alias after the last `|`, escaped (`\|`, in a table) or not:
        // unescaping drops only backslashes before pipes, none after the last.
        out.push_str(inner.rsplit('|').next().unwrap_or(inner));
        rest = after.get(close + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The cells of a table row, `\|` kept inside a cell.
pub(super) fn split_row(row: &str) -> Vec<Cow<'_, str>> {
    let inner = trim_fast(row).trim_start_matches('|');
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `clean` as it was, one copy per step: the reference for the
    /// in-place steps.
    fn clean_by_copies(s: &str) -> String {
        let mut t = if s.contains("[[") {
            unlink(s)
        } else {
            s.to_string()
        };
        for (mark, with) in [("**", ""), ("__", ""), ("`", ""), ("\\|", "|")] {
            t = t.replace(mark, with);
        }
        trimmed(&t).to_string()
    }

    #[test]
    fn clean_drops_markup_as_one_copy_per_step_would() {
        for s in [
            "plain words",
            "  **Facet 0:** a life with `deep work` ",
            "[[People/Pat Kim\\|Pat Kim]]",
            "[[Note|Alias]] and [[Other]]",
            "[[unclosed",
            "a \\| b \\\\| c",
            "_**_",
            "*`*",
            "**",
            "__",
            "``",
            "***bold italic***",
            "__init__",
            "`**`x",
            " **é** — ``ü`` ",
            "\u{a0}**x**\u{a0}",
            "TBD",
            "\\|",
            "[[a]]**[[b]]**",
        ] {
            assert_eq!(clean(s), clean_by_copies(s), "{s:?}");
        }
    }

    /// `unlink` as it was, unescaping a link's pipes in a copy first.
    fn unlink_by_copies(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(open) = rest.find("[[") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let Some(close) = after.find("]]") else {
                out.push_str(after);
                return out;
            };
            let inner = after[..close].replace("\\|", "|");
            out.push_str(inner.rsplit('|').next().unwrap_or(&inner));
            rest = &after[close + 2..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn unlink_shows_the_alias_as_unescaping_first_would() {
        for s in [
            "[[Projects/Platform 0\\|platform v0]] with `p99`",
            "[[Note|Alias]] and [[Other]]",
            "[[a\\|b|c]]",
            "[[a|b\\|c]]",
            "[[a\\\\|b]]",
            "[[a\\]]",
            "[[\\|]]",
            "[[|]]",
            "[[José\\|Núñez]] x",
            "[[unclosed\\|x",
            "no link",
        ] {
            assert_eq!(unlink(s), unlink_by_copies(s), "{s:?}");
        }
    }

    #[test]
    fn clean_borrows_what_it_does_not_change() {
        assert!(matches!(clean("  Pat Kim "), Cow::Borrowed("Pat Kim")));
        assert!(matches!(clean("snake_case"), Cow::Borrowed("snake_case")));
        assert!(matches!(clean("**Pat**"), Cow::Owned(_)));
    }

    #[test]
    fn replace_in_place_replaces_as_str_replace_does() {
        for (text, mark, with) in [
            ("a**b**c", "**", ""),
            ("***", "**", ""),
            ("x\\|y\\|", "\\|", "|"),
            ("``é``", "`", ""),
            ("none", "**", ""),
            ("**", "**", ""),
        ] {
            let mut t = text.to_string();
            replace_in_place(&mut t, mark, with);
            assert_eq!(t, text.replace(mark, with), "{text:?}");
        }
    }
}
