//! The frontmatter block and its top-level keys, read line by line.
//!
//! Obsidian reads properties from a block that starts the note (after an
//! optional BOM) with a line `---` and ends at the next line `---` (trailing
//! spaces and tabs tolerated, `\n` or `\r\n`). Edits must merge into that
//! block, never add a second one, and must leave every other byte alone, so
//! this module does not use a YAML library (which would re-serialise the
//! whole block): it finds each top-level key, the bytes of its entry and of
//! its value, and reads the simple values Career Coach needs — scalars and
//! lists. Anything else (nested mappings, block scalars, anchors,
//! multi-line values) is reported as [`Value::Other`] and left alone.
//!
//! A top-level key line starts at column 0 with `key:` (the key may be
//! quoted). Its entry continues on the following lines that are indented,
//! that are list items `- ` at column 0 (YAML allows a block list at the
//! key's own indentation), or that are blank.
//!
//! Invariants:
//! - Every span lies inside [`Frontmatter::inner`].
//! - A key's `span` covers whole lines, its final line ending included, and
//!   excludes trailing blank lines.

use serde::Serialize;

use crate::note::lines::{lines_in, Line, BOM};
use crate::span::Span;

/// A property's value, as far as a line-wise reader can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A single value, unquoted; `""` for a key with nothing after it.
    Scalar(String),
    /// A block (`- a`) or flow (`[a, b]`) list of single values, unquoted.
    List(Vec<String>),
    /// Anything else: nested mappings, block scalars, multi-line values…
    Other,
}

/// One top-level key of the frontmatter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Key {
    /// The key, unquoted.
    pub name: String,
    /// The whole entry: the key line and its continuation lines, final line
    /// ending included.
    pub span: Span,
    /// The value written after `key:` on the key line, trimmed and without a
    /// trailing `# comment`; empty (right after the colon and its spaces)
    /// when the value is a block list or missing.
    pub value_span: Span,
    /// The value.
    pub value: Value,
    /// For a block list, each item line's content (indentation included).
    pub items: Vec<Span>,
}

/// The frontmatter block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Frontmatter {
    /// From the opening `---` to the end of the closing `---` line, its line
    /// ending included (the BOM, if any, is before the span).
    pub span: Span,
    /// The bytes between the delimiter lines.
    pub inner: Span,
    /// The top-level keys, in order.
    pub keys: Vec<Key>,
}

impl Frontmatter {
    /// The first key named `name`.
    pub fn get(&self, name: &str) -> Option<&Key> {
        self.keys.iter().find(|k| k.name == name)
    }
}

/// Where the note's content starts: after the BOM if there is one.
pub fn content_start(text: &str) -> usize {
    if text.starts_with(BOM) {
        BOM.len()
    } else {
        0
    }
}

/// Whether the note starts (after an optional BOM) with a `---` line, whether
/// or not the block is ever closed.
pub fn starts_with_delimiter(text: &str) -> bool {
    lines_in(text, Span::new(content_start(text), text.len()))
        .next()
        .is_some_and(|l| is_delimiter(l.content))
}

/// Reads the frontmatter block, or `None` when the note does not start with
/// one (or never closes it).
pub fn frontmatter(text: &str) -> Option<Frontmatter> {
    let start = content_start(text);
    let mut lines = lines_in(text, Span::new(start, text.len()));
    let open = lines.next()?;
    if !is_delimiter(open.content) || !open.has_ending() {
        return None;
    }
    let close = lines.find(|l| is_delimiter(l.content))?;
    let inner = Span::new(open.end, close.start);
    Some(Frontmatter {
        span: Span::new(start, close.end),
        inner,
        keys: keys(text, inner),
    })
}

fn is_delimiter(content: &str) -> bool {
    content.trim_end_matches([' ', '\t']) == "---"
}

/// A key being read: its first line, name and continuation lines.
struct Entry<'a> {
    name: String,
    first: Line<'a>,
    value_span: Span,
    more: Vec<Line<'a>>,
}

fn keys(text: &str, inner: Span) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut current: Option<Entry<'_>> = None;
    for line in lines_in(text, inner) {
        let c = line.content;
        let continues = line.is_blank() || c.starts_with([' ', '\t']) || is_item(c);
        if continues {
            if let Some(entry) = current.as_mut() {
                entry.more.push(line);
            }
            continue;
        }
        if let Some(entry) = current.take() {
            keys.push(finish(text, entry));
        }
        if c.starts_with('#') {
            continue;
        }
        if let Some((name, after_colon)) = key_line(c) {
            let value_span = value_span(c, after_colon).shift(line.start);
            current = Some(Entry {
                name,
                first: line,
                value_span,
                more: Vec::new(),
            });
        }
    }
    if let Some(entry) = current.take() {
        keys.push(finish(text, entry));
    }
    keys
}

/// Whether a line (after its indentation) is a block list item `- x` or `-`.
fn is_item(content: &str) -> bool {
    content
        .strip_prefix('-')
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

fn is_comment(content: &str) -> bool {
    content.trim_start().starts_with('#')
}

fn finish(text: &str, entry: Entry<'_>) -> Key {
    let Entry {
        name,
        first,
        value_span,
        mut more,
    } = entry;
    while more.last().is_some_and(|l| l.is_blank()) {
        more.pop();
    }
    let end = more.last().map_or(first.end, |l| l.end);
    let content: Vec<&Line<'_>> = more
        .iter()
        .filter(|l| !l.is_blank() && !is_comment(l.content))
        .collect();
    let raw = value_span.of(text);
    let mut items = Vec::new();
    let value = if raw.is_empty() {
        if content.is_empty() {
            Value::Scalar(String::new())
        } else {
            block_list(&content, &mut items).unwrap_or_else(|| {
                items.clear();
                Value::Other
            })
        }
    } else if content.is_empty() {
        inline_value(raw)
    } else {
        Value::Other
    };
    Key {
        name,
        span: Span::new(first.start, end),
        value_span,
        value,
        items,
    }
}

/// Reads a block list: every content line is an item at one indentation.
fn block_list(lines: &[&Line<'_>], items: &mut Vec<Span>) -> Option<Value> {
    let indent_of =
        |l: &Line<'_>| l.content.len() - l.content.trim_start_matches([' ', '\t']).len();
    let indent = indent_of(lines.first()?);
    let mut values = Vec::new();
    for line in lines {
        let rest = line.content.get(indent_of(line)..)?;
        if indent_of(line) != indent || !is_item(rest) {
            return None;
        }
        items.push(line.content_span());
        let item = rest.get(1..)?;
        let item = item
            .get(..value_end(item.trim_start()) + (item.len() - item.trim_start().len()))?
            .trim();
        if item.is_empty() {
            continue;
        }
        if item.starts_with(['"', '\'']) {
            values.push(unquote(item)?);
        } else if plain_item(item) {
            values.push(item.to_string());
        } else {
            return None;
        }
    }
    Some(Value::List(values))
}

/// Whether an unquoted list item is a plain single value (not a mapping,
/// nested list, block scalar or alias).
fn plain_item(item: &str) -> bool {
    !item.starts_with(['[', '{', '|', '>', '&', '*', '!', '%', '@', '`'])
        && !item.contains(": ")
        && !item.ends_with(':')
}

/// Reads the value written on the key line.
fn inline_value(raw: &str) -> Value {
    match raw.as_bytes().first() {
        Some(b'[') => flow_list(raw).map_or(Value::Other, Value::List),
        Some(b'"' | b'\'') => unquote(raw).map_or(Value::Other, Value::Scalar),
        Some(b'{' | b'|' | b'>' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`') => Value::Other,
        _ => Value::Scalar(raw.to_string()),
    }
}

/// Reads a flow list `[a, "b", c]` of single values.
fn flow_list(raw: &str) -> Option<Vec<String>> {
    let inner = raw.strip_prefix('[')?.strip_suffix(']')?;
    let mut values = Vec::new();
    for item in split_flow(inner)? {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        if item.starts_with(['"', '\'']) {
            values.push(unquote(item)?);
        } else if plain_item(item) && !item.contains([']', '}']) {
            values.push(item.to_string());
        } else {
            return None;
        }
    }
    Some(values)
}

/// Splits a flow list's inside on commas outside quotes.
fn split_flow(inner: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut quote: Option<u8> = None;
    let mut at_item_start = true;
    let bytes = inner.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => {
                if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None if b == b',' => {
                parts.push(inner.get(start..i)?);
                start = i + 1;
                at_item_start = true;
            }
            None if at_item_start && (b == b'"' || b == b'\'') => {
                quote = Some(b);
                at_item_start = false;
            }
            None if at_item_start && (b == b'[' || b == b'{') => return None,
            None if b == b' ' || b == b'\t' => {}
            None => at_item_start = false,
        }
        i += 1;
    }
    if quote.is_some() {
        return None;
    }
    parts.push(inner.get(start..)?);
    Some(parts)
}

/// Parses a key line: the unquoted key and the byte offset after its colon.
fn key_line(content: &str) -> Option<(String, usize)> {
    let (name, after_name) = match content.as_bytes().first()? {
        b'"' | b'\'' => {
            let end = quoted_end(content)?;
            (unquote(content.get(..end)?)?, end)
        }
        b'[' | b'{' | b'?' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' | b','
        | b']' | b'}' => return None,
        _ => {
            let colon = content
                .match_indices(':')
                .map(|(i, _)| i)
                .find(|&i| matches!(content.as_bytes().get(i + 1), None | Some(b' ' | b'\t')))?;
            let name = content.get(..colon)?.trim_end();
            if name.is_empty() {
                return None;
            }
            (name.to_string(), colon)
        }
    };
    let rest = content.get(after_name..)?;
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let colon = after_name + spaces;
    if content.as_bytes().get(colon) != Some(&b':') {
        return None;
    }
    if !matches!(content.as_bytes().get(colon + 1), None | Some(b' ' | b'\t')) {
        return None;
    }
    Some((name, colon + 1))
}

/// The value's span within the key line (relative to the line's start).
fn value_span(content: &str, after_colon: usize) -> Span {
    let rest = content.get(after_colon..).unwrap_or("");
    let start = after_colon + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    let value = content.get(start..).unwrap_or("");
    Span::new(start, start + value_end(value))
}

/// The length of a value written on one line, without a trailing comment or
/// trailing whitespace.
fn value_end(value: &str) -> usize {
    if value.starts_with(['"', '\'']) {
        if let Some(end) = quoted_end(value) {
            return end;
        }
        return value.trim_end().len();
    }
    let bytes = value.as_bytes();
    let flow = value.starts_with(['[', '{']);
    let mut quote: Option<u8> = None;
    let mut previous = b' ';
    let mut i = 0;
    let mut end = value.len();
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'#' && (previous == b' ' || previous == b'\t') => {
                end = i;
                break;
            }
            None if flow
                && (b == b'"' || b == b'\'')
                && matches!(previous, b'[' | b',' | b' ' | b'\t' | b'{' | b':') =>
            {
                quote = Some(b);
            }
            None => {}
        }
        previous = b;
        i += 1;
    }
    value.get(..end).unwrap_or(value).trim_end().len()
}

/// The length of a leading quoted scalar, closing quote included.
fn quoted_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = *bytes.first()?;
    let mut i = 1;
    while let Some(&b) = bytes.get(i) {
        if quote == b'"' && b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote {
            if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

/// Unquotes a whole single- or double-quoted scalar (`None` if `text` is
/// not exactly one quoted scalar).
pub fn unquote(text: &str) -> Option<String> {
    if quoted_end(text)? != text.len() {
        return None;
    }
    let quote = text.chars().next()?;
    let inner = text.get(1..text.len() - 1)?;
    if quote == '\'' {
        return Some(inner.replace("''", "'"));
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = chars.next()?;
        let hex = |chars: &mut std::str::Chars<'_>, n: usize| -> Option<char> {
            let digits: String = chars.by_ref().take(n).collect();
            if digits.len() != n {
                return None;
            }
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        out.push(match escaped {
            'n' => '\n',
            't' | '\t' => '\t',
            'r' => '\r',
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'e' => '\u{1b}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            ' ' => ' ',
            'N' => '\u{85}',
            '_' => '\u{a0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            'x' => hex(&mut chars, 2)?,
            'u' => hex(&mut chars, 4)?,
            'U' => hex(&mut chars, 8)?,
            other => other,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Value {
        Value::List(items.iter().map(|s| s.to_string()).collect())
    }

    fn scalar(s: &str) -> Value {
        Value::Scalar(s.to_string())
    }

    fn assert_spans(text: &str, fm: &Frontmatter) {
        assert!(
            fm.span.contains(fm.inner),
            "should keep inner inside the block"
        );
        for key in &fm.keys {
            assert!(
                fm.inner.contains(key.span),
                "should keep {} inside the block",
                key.name
            );
            assert!(
                key.span.contains(key.value_span),
                "should keep the value inside its entry"
            );
            assert!(
                key.span.of(text).ends_with('\n'),
                "should end the entry with its line ending"
            );
        }
    }

    #[test]
    fn should_read_scalars_and_lists_with_lf_and_crlf() {
        for nl in ["\n", "\r\n"] {
            let text = [
                "---",
                "type: career-index",
                "created: 2026-01-17",
                "tags:",
                "  - career",
                "  - \"goals 2026\"",
                "aliases: [Index, 'My ''CV''']",
                "goal: \"[[2026 Goals]]\" # linked",
                "---",
                "# Title",
                "",
            ]
            .join(nl);
            let fm = frontmatter(&text).expect("frontmatter");
            let got: Vec<(&str, &Value)> = fm
                .keys
                .iter()
                .map(|k| (k.name.as_str(), &k.value))
                .collect();
            assert_eq!(
                got,
                [
                    ("type", &scalar("career-index")),
                    ("created", &scalar("2026-01-17")),
                    ("tags", &list(&["career", "goals 2026"])),
                    ("aliases", &list(&["Index", "My 'CV'"])),
                    ("goal", &scalar("[[2026 Goals]]")),
                ],
                "should read every key ({nl:?})"
            );
            let goal = fm.get("goal").unwrap();
            assert_eq!(
                goal.value_span.of(&text),
                "\"[[2026 Goals]]\"",
                "should exclude the comment from the value"
            );
            let tags = fm.get("tags").unwrap();
            assert_eq!(
                tags.span.of(&text),
                ["tags:", "  - career", "  - \"goals 2026\"", ""].join(nl)
            );
            assert!(
                tags.value_span.is_empty(),
                "should give a block list an empty value span"
            );
            assert_eq!(tags.items.len(), 2, "should list the item lines");
            assert_eq!(
                fm.span.of(&text),
                text.get(..text.find("# Title").unwrap()).unwrap(),
                "should span to the closing line's end"
            );
            assert_spans(&text, &fm);
        }
    }

    #[test]
    fn should_find_frontmatter_after_a_bom_with_trailing_spaces_and_no_final_newline() {
        let text = "\u{feff}--- \ntitle: 日本語 🎯\n---\t";
        let fm = frontmatter(text).expect("frontmatter");
        assert_eq!(
            fm.span,
            Span::new(3, text.len()),
            "should start after the BOM"
        );
        assert_eq!(fm.keys[0].value, scalar("日本語 🎯"));
        assert_eq!(fm.inner.of(text), "title: 日本語 🎯\n");
    }

    #[test]
    fn should_refuse_notes_without_a_leading_closed_block() {
        for text in [
            "",
            "# T\n---\na: 1\n---\n",
            "---\na: 1\n",
            "---",
            " ---\na: 1\n---\n",
            "----\na: 1\n---\n",
        ] {
            assert!(
                frontmatter(text).is_none(),
                "should find no frontmatter in {text:?}"
            );
        }
        assert!(
            starts_with_delimiter("---\na: 1\n"),
            "should see an unclosed block start"
        );
        let empty = frontmatter("---\n---\nbody").expect("empty block");
        assert!(
            empty.keys.is_empty() && empty.inner.is_empty(),
            "should accept an empty block"
        );
    }

    #[test]
    fn should_read_block_lists_at_the_keys_indentation_and_keep_blank_lines_out_of_the_span() {
        let text = "---\ntags:\n- a\n-   b  # note\n\n\"my key\": 'x'\nempty:\n\n---\n";
        let fm = frontmatter(text).unwrap();
        assert_eq!(
            fm.get("tags").unwrap().value,
            list(&["a", "b"]),
            "should read items at column 0"
        );
        assert_eq!(
            fm.get("tags").unwrap().span.of(text),
            "tags:\n- a\n-   b  # note\n",
            "should leave trailing blank lines out"
        );
        assert_eq!(
            fm.get("my key").unwrap().value,
            scalar("x"),
            "should unquote keys"
        );
        assert_eq!(
            fm.get("empty").unwrap().value,
            scalar(""),
            "should read a key with nothing as empty"
        );
        assert_spans(text, &fm);
    }

    #[test]
    fn should_report_complex_values_as_other() {
        let text = "---\nnested:\n  a: 1\nblock: |\n  text\nmulti: one\n  two\nmaps:\n  - name: x\nanchor: &a v\nflow: {a: 1}\nlistlist: [[a], b]\nunclosed: \"abc\nwiki: [[Note]]\n---\n";
        let fm = frontmatter(text).unwrap();
        for key in [
            "nested", "block", "multi", "maps", "anchor", "flow", "listlist", "unclosed",
        ] {
            assert_eq!(
                fm.get(key).unwrap().value,
                Value::Other,
                "should call {key} other"
            );
        }
        assert_eq!(
            fm.get("wiki").unwrap().value,
            Value::Other,
            "should not read an unquoted wikilink as a list of lists"
        );
        assert_spans(text, &fm);
    }

    #[test]
    fn should_skip_comments_and_junk_lines() {
        let text = "---\n# comment\na: 1\nnot a key\nb: two: three\nurl: https://x.y/z#frag\n---\n";
        let fm = frontmatter(text).unwrap();
        let names: Vec<&str> = fm.keys.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "url"]);
        assert_eq!(
            fm.get("url").unwrap().value,
            scalar("https://x.y/z#frag"),
            "should keep # without a space before it"
        );
        assert_eq!(fm.get("b").unwrap().value, scalar("two: three"));
    }

    #[test]
    fn should_unquote_double_quoted_escapes() {
        assert_eq!(
            unquote(r#""a\"b\\c\n\u00e9\x41""#).as_deref(),
            Some("a\"b\\c\néA")
        );
        assert_eq!(unquote("'it''s'").as_deref(), Some("it's"));
        assert_eq!(unquote("\"open"), None);
        assert_eq!(unquote("\"a\" b"), None);
        assert_eq!(unquote("\"\\u12\""), None);
    }

    #[test]
    fn should_not_panic_on_odd_input() {
        let long = format!("---\nk: {}\n---\n", "[\"".repeat(50_000));
        for text in [
            "---\n:\n---\n",
            "---\n\"\n---\n",
            "---\n'':\n---\n",
            "---\n\u{0}: \u{0}\n---",
            "---\r\n-\r\n---\r\n",
            long.as_str(),
        ] {
            if let Some(fm) = frontmatter(text) {
                assert_spans(text, &fm);
            }
        }
    }
}
