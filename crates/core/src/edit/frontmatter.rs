//! Frontmatter edits that merge into the note's one YAML block.
//!
//! Obsidian's rule for merging properties (and QuickAdd's, PR #1638): lists
//! such as `tags` and `aliases` are unioned in stable order, and there is
//! never a second YAML block. A missing key is added as a new line before the
//! closing `---`; a note without frontmatter gets a block at its start (after
//! the BOM). Existing values are replaced in place, byte for byte, so key
//! order, comments, quoting and spacing elsewhere stay as the user wrote them.
//!
//! Values are written as plain YAML when that reads back as the same string,
//! and double-quoted otherwise (wikilinks, `: `, ` #`, leading indicators,
//! `true`/`null`, numbers…). A number or boolean replacing a plain number or
//! boolean stays plain, so a numeric property keeps its type.
//!
//! Invariants:
//! - Every edit lies inside the existing block, or is one insertion at the
//!   note's start when there is no block.
//! - Keys with a value this module cannot read safely (nested mappings, block
//!   scalars, multi-line values) are never changed: `frontmatter_invalid`.

use crate::edit::lines::insert_lines;
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::frontmatter::{
    content_start, frontmatter, starts_with_delimiter, Frontmatter, Key, Value,
};
use crate::note::lines::LineEnding;
use crate::note::tables::line_at;

/// Sets `key` to the single value `value`.
///
/// An existing single value is replaced (no edit when it is already equal);
/// a list or complex value is refused with `frontmatter_invalid`. A missing
/// key is added before the closing `---`, and a note without frontmatter gets
/// a new block.
pub fn set_scalar(text: &str, key: &str, value: &str) -> CoreResult<Vec<TextEdit>> {
    let Some(fm) = block(text)? else {
        return Ok(vec![new_block(
            text,
            &[format!("{}: {}", yaml_key(key), yaml_scalar(value))],
        )]);
    };
    let Some(entry) = find_key(&fm, key)? else {
        return Ok(vec![insert_lines(
            text,
            fm.inner.end,
            &[format!("{}: {}", yaml_key(key), yaml_scalar(value))],
        )]);
    };
    match &entry.value {
        Value::Scalar(old) if old == value => Ok(Vec::new()),
        Value::Scalar(_) => {
            let raw = entry.value_span.of(text);
            let new = if same_plain_type(raw, value) { value.to_string() } else { yaml_scalar(value) };
            Ok(vec![replace_value(text, entry, new)])
        }
        Value::List(_) | Value::Other => Err(CoreError::new(
            ErrorCode::FrontmatterInvalid,
            format!("The property \"{key}\" holds a list or a nested value, not a single value, so it was left as it is."),
        )),
    }
}

/// Adds `value` to the list property `key` unless it is already there.
///
/// A block list gets a new `- value` item line in the style of its last
/// item; a flow list `[a, b]` gets `, value` before its `]`; a single value
/// `a` becomes the flow list `[a, value]`; a key with no value gets a block
/// list under it. A missing key is added as `key:` with one `  - value`
/// item, and a note without frontmatter gets a new block.
pub fn add_to_list(text: &str, key: &str, value: &str) -> CoreResult<Vec<TextEdit>> {
    if value.trim().is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!("There is no value to add to the list property \"{key}\"."),
        ));
    }
    let new_entry = || {
        [
            format!("{}:", yaml_key(key)),
            format!("  - {}", yaml_scalar(value)),
        ]
    };
    let Some(fm) = block(text)? else {
        return Ok(vec![new_block(text, &new_entry())]);
    };
    let Some(entry) = find_key(&fm, key)? else {
        return Ok(vec![insert_lines(text, fm.inner.end, &new_entry())]);
    };
    let raw = entry.value_span.of(text);
    match &entry.value {
        Value::List(items) if items.iter().any(|i| i == value) => Ok(Vec::new()),
        Value::List(_) if raw.starts_with('[') => Ok(vec![add_to_flow(text, entry, value)]),
        Value::List(_) => {
            let Some(last) = entry.items.last() else {
                return Err(invalid_list(key));
            };
            let item = last.of(text);
            let indent = leading_blanks(item);
            let gap = leading_blanks(item.get(indent.len() + 1..).unwrap_or(""));
            let gap = if gap.is_empty() { " " } else { gap };
            let line = format!("{indent}-{gap}{}", yaml_scalar(value));
            Ok(vec![insert_lines(
                text,
                line_at(text, last.start).end,
                &[line],
            )])
        }
        Value::Scalar(old) if old == value => Ok(Vec::new()),
        Value::Scalar(_) if raw.is_empty() => {
            let first_line_end = line_at(text, entry.span.start).end;
            Ok(vec![insert_lines(
                text,
                first_line_end,
                &[format!("  - {}", yaml_scalar(value))],
            )])
        }
        Value::Scalar(old) if is_null(raw) || old.is_empty() => Ok(vec![TextEdit::replace(
            text,
            entry.value_span,
            format!("[{}]", flow_scalar(value)),
        )]),
        Value::Scalar(old) => {
            let existing = if raw.starts_with(['"', '\'']) {
                raw.to_string()
            } else {
                flow_scalar(old)
            };
            Ok(vec![TextEdit::replace(
                text,
                entry.value_span,
                format!("[{existing}, {}]", flow_scalar(value)),
            )])
        }
        Value::Other => Err(invalid_list(key)),
    }
}

/// `value` as a YAML scalar in block context: plain when that reads back as
/// the same string, double-quoted otherwise.
pub fn yaml_scalar(value: &str) -> String {
    if is_safe_plain(value, false) {
        value.to_string()
    } else {
        double_quoted(value)
    }
}

/// `key` as a YAML mapping key: plain when safe, double-quoted otherwise.
pub fn yaml_key(key: &str) -> String {
    if is_safe_plain(key, true) && !key.contains(':') {
        key.to_string()
    } else {
        double_quoted(key)
    }
}

/// `value` as a scalar inside a flow list `[...]`.
fn flow_scalar(value: &str) -> String {
    if is_safe_plain(value, true) {
        value.to_string()
    } else {
        double_quoted(value)
    }
}

/// The spaces and tabs a line starts with.
fn leading_blanks(line: &str) -> &str {
    let len = line.len() - line.trim_start_matches([' ', '\t']).len();
    line.get(..len).unwrap_or("")
}

fn invalid_list(key: &str) -> CoreError {
    CoreError::new(
        ErrorCode::FrontmatterInvalid,
        format!(
            "The property \"{key}\" holds a nested value, not a list, so it was left as it is."
        ),
    )
}

/// The frontmatter, `None` when there is none, or an error when the note
/// opens a block with `---` and never closes it.
fn block(text: &str) -> CoreResult<Option<Frontmatter>> {
    match frontmatter(text) {
        Some(fm) => Ok(Some(fm)),
        None if starts_with_delimiter(text) => Err(CoreError::new(
            ErrorCode::FrontmatterInvalid,
            "The note starts a frontmatter block with --- but never closes it; add the closing --- line first.",
        )),
        None => Ok(None),
    }
}

/// The one key named `key`; a duplicated key is refused, as Obsidian does.
fn find_key<'f>(fm: &'f Frontmatter, key: &str) -> CoreResult<Option<&'f Key>> {
    let mut found = fm.keys.iter().filter(|k| k.name == key);
    let first = found.next();
    if first.is_some() && found.next().is_some() {
        return Err(CoreError::new(
            ErrorCode::FrontmatterInvalid,
            format!("The frontmatter has the property \"{key}\" more than once; remove the duplicate first."),
        ));
    }
    Ok(first)
}

/// A whole new block at the note's start (after the BOM).
fn new_block(text: &str, lines: &[String]) -> TextEdit {
    let ending = LineEnding::detect(text).as_str();
    let mut block = format!("---{ending}");
    for line in lines {
        block.push_str(line);
        block.push_str(ending);
    }
    block.push_str("---");
    block.push_str(ending);
    TextEdit::insert(content_start(text), block)
}

/// Replaces a key's value, adding a space after a bare `key:`.
fn replace_value(text: &str, entry: &Key, new: String) -> TextEdit {
    let after_colon = entry.value_span.start > 0
        && text.as_bytes().get(entry.value_span.start - 1) == Some(&b':');
    let new = if entry.value_span.is_empty() && after_colon {
        format!(" {new}")
    } else {
        new
    };
    TextEdit::replace(text, entry.value_span, new)
}

/// Adds to a flow list `[a, b]` before its `]`.
fn add_to_flow(text: &str, entry: &Key, value: &str) -> TextEdit {
    let raw = entry.value_span.of(text);
    let inside = raw
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or("");
    if inside.trim().is_empty() {
        return TextEdit::replace(text, entry.value_span, format!("[{}]", flow_scalar(value)));
    }
    let before_close = raw.len() - 1;
    let at = raw
        .get(..before_close)
        .map_or(before_close, |r| r.trim_end().len());
    let at = entry.value_span.start + at;
    let separator = if text.get(..at).is_some_and(|t| t.ends_with(',')) {
        " "
    } else {
        ", "
    };
    TextEdit::insert(at, format!("{separator}{}", flow_scalar(value)))
}

fn is_null(raw: &str) -> bool {
    matches!(raw, "~" | "null" | "Null" | "NULL")
}

fn is_bool(value: &str) -> bool {
    matches!(
        value.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    )
}

/// Whether an unquoted old value and the new value are both numbers or both
/// booleans, so the new value can stay plain and keep the property's type.
fn same_plain_type(raw: &str, value: &str) -> bool {
    let old_plain = !raw.starts_with(['"', '\'']);
    old_plain && ((is_number(raw) && is_number(value)) || (is_bool(raw) && is_bool(value)))
}

/// Whether YAML would read `value` as a number.
fn is_number(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let lower = unsigned.to_ascii_lowercase();
    if matches!(lower.as_str(), ".inf" | ".nan") {
        return true;
    }
    let Some(first) = unsigned.chars().next() else {
        return false;
    };
    if !(first.is_ascii_digit() || first == '.') {
        return false;
    }
    let hex = lower
        .strip_prefix("0x")
        .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit() || c == '_'));
    let oct = lower
        .strip_prefix("0o")
        .is_some_and(|o| !o.is_empty() && o.chars().all(|c| c.is_digit(8) || c == '_'));
    let digits = unsigned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '_' || c == '.');
    let sexagesimal = unsigned.contains(':')
        && unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.');
    hex || oct
        || unsigned.parse::<f64>().is_ok()
        || (digits && unsigned.chars().any(|c| c.is_ascii_digit()))
        || sexagesimal
}

/// Whether `value` can be written as a plain scalar and read back unchanged
/// as a string.
fn is_safe_plain(value: &str, flow: bool) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let indicators = [
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`', '~',
    ];
    !indicators.contains(&first)
        && value.trim() == value
        && !value.chars().any(char::is_control)
        && !value.contains(": ")
        && !value.ends_with(':')
        && !value.contains(" #")
        && !(flow && value.contains([',', '[', ']', '{', '}']))
        && !is_bool(value)
        && !is_null(value)
        && !is_number(value)
}

/// `value` as a double-quoted YAML scalar.
fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                let code = u32::from(c);
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02X}"));
                } else {
                    out.push_str(&format!("\\u{code:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Applied};

    fn run(text: &str, edits: &[TextEdit]) -> String {
        match apply(text, edits).unwrap() {
            Applied::Changed(t) => t,
            Applied::Unchanged => text.to_string(),
        }
    }

    fn set(text: &str, key: &str, value: &str) -> String {
        run(text, &set_scalar(text, key, value).unwrap())
    }

    fn add(text: &str, key: &str, value: &str) -> String {
        run(text, &add_to_list(text, key, value).unwrap())
    }

    fn read(text: &str, key: &str) -> Value {
        frontmatter(text).unwrap().get(key).unwrap().value.clone()
    }

    #[test]
    fn should_replace_an_existing_scalar_in_place_with_lf_and_crlf() {
        assert_eq!(
            set(
                "---\ntype: draft # kind\nb: 1\n---\nbody",
                "type",
                "career-index"
            ),
            "---\ntype: career-index # kind\nb: 1\n---\nbody"
        );
        assert_eq!(
            set("---\r\na: x\r\nstatus: 'old'\r\n---\r\n", "status", "new"),
            "---\r\na: x\r\nstatus: new\r\n---\r\n"
        );
        assert!(
            set_scalar("---\na: \"same\"\n---\n", "a", "same")
                .unwrap()
                .is_empty(),
            "should make no edit for an equal value"
        );
    }

    #[test]
    fn should_fill_a_bare_key() {
        assert_eq!(
            set("---\nperiod:\n---\n", "period", "2026-W03"),
            "---\nperiod: 2026-W03\n---\n"
        );
        assert_eq!(
            set("---\nperiod: \n---\n", "period", "2026-W03"),
            "---\nperiod: 2026-W03\n---\n"
        );
    }

    #[test]
    fn should_add_a_missing_key_before_the_closing_line() {
        assert_eq!(
            set("---\na: 1\n---\n# T\n", "goal", "[[2026 Goals]]"),
            "---\na: 1\ngoal: \"[[2026 Goals]]\"\n---\n# T\n"
        );
        assert_eq!(
            set("\u{feff}---\r\n---", "k", "v"),
            "\u{feff}---\r\nk: v\r\n---"
        );
    }

    #[test]
    fn should_create_a_block_when_there_is_none() {
        assert_eq!(
            set("# Title\n", "type", "goals"),
            "---\ntype: goals\n---\n# Title\n"
        );
        assert_eq!(
            set("\u{feff}# T\r\nx", "type", "goals"),
            "\u{feff}---\r\ntype: goals\r\n---\r\n# T\r\nx"
        );
        assert_eq!(set("", "type", "goals"), "---\ntype: goals\n---\n");
        assert_eq!(
            add("body", "tags", "career"),
            "---\ntags:\n  - career\n---\nbody"
        );
    }

    #[test]
    fn should_refuse_lists_other_values_duplicates_and_unclosed_blocks() {
        for (text, key) in [
            ("---\ntags: [a]\n---\n", "tags"),
            ("---\nn:\n  a: 1\n---\n", "n"),
            ("---\na: 1\na: 2\n---\n", "a"),
            ("---\na: 1\n", "a"),
        ] {
            assert_eq!(
                set_scalar(text, key, "x").unwrap_err().code,
                ErrorCode::FrontmatterInvalid,
                "should refuse {text:?}"
            );
        }
        assert_eq!(
            add_to_list("---\nempty:\n---\n", "empty", " ")
                .unwrap_err()
                .code,
            ErrorCode::InvalidInput,
            "should refuse to add a blank value"
        );
        assert_eq!(
            add_to_list("---\nn:\n  a: 1\n---\n", "n", "x")
                .unwrap_err()
                .code,
            ErrorCode::FrontmatterInvalid
        );
    }

    #[test]
    fn should_quote_values_yaml_would_misread() {
        for value in [
            "[[Note]]",
            "a: b",
            "x #y",
            "",
            " pad",
            "true",
            "No",
            "null",
            "~",
            "2026",
            "3.5",
            "-x",
            "@me",
            "`c`",
            "*a",
            "line\nbreak",
            "tab\there",
        ] {
            let text = set("---\n---\n", "k", value);
            assert!(text.contains("k: \""), "should quote {value:?}: {text}");
            assert_eq!(
                read(&text, "k"),
                Value::Scalar(value.to_string()),
                "should read {value:?} back"
            );
        }
        for value in [
            "career-index",
            "2026-01-17",
            "2026-W03",
            "日本語 🎯",
            "C#",
            "a:b",
            "https://x.y/z#a",
            "It's fine",
            "say \"hi\"\\",
        ] {
            assert_eq!(
                set("---\n---\n", "k", value),
                format!("---\nk: {value}\n---\n"),
                "should write {value:?} plain"
            );
        }
    }

    #[test]
    fn should_keep_numbers_and_booleans_plain_when_the_old_value_was() {
        assert_eq!(
            set("---\nyear: 2025\ndone: false\n---\n", "year", "2026"),
            "---\nyear: 2026\ndone: false\n---\n"
        );
        assert_eq!(
            set("---\ndone: false\n---\n", "done", "true"),
            "---\ndone: true\n---\n"
        );
        assert_eq!(
            set("---\nid: \"7\"\n---\n", "id", "8"),
            "---\nid: \"8\"\n---\n"
        );
    }

    #[test]
    fn should_append_to_a_block_list_in_its_style() {
        assert_eq!(
            add("---\ntags:\n  - career\nb: 1\n---\n", "tags", "goals"),
            "---\ntags:\n  - career\n  - goals\nb: 1\n---\n"
        );
        assert_eq!(
            add("---\r\ntags:\r\n-   a\r\n---\r\n", "tags", "日本"),
            "---\r\ntags:\r\n-   a\r\n-   日本\r\n---\r\n"
        );
        assert!(
            add_to_list("---\ntags:\n  - \"career\"\n---\n", "tags", "career")
                .unwrap()
                .is_empty(),
            "should not add a present value"
        );
    }

    #[test]
    fn should_append_to_a_flow_list() {
        assert_eq!(
            add("---\naliases: [A, \"B\"]\n---\n", "aliases", "[[C]]"),
            "---\naliases: [A, \"B\", \"[[C]]\"]\n---\n"
        );
        assert_eq!(
            add("---\naliases: []\n---\n", "aliases", "x"),
            "---\naliases: [x]\n---\n"
        );
        assert_eq!(
            add("---\naliases: [a,b ] # c\n---\n", "aliases", "c, d"),
            "---\naliases: [a,b, \"c, d\" ] # c\n---\n"
        );
        assert!(add_to_list("---\naliases: [a, b]\n---\n", "aliases", "b")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn should_turn_a_scalar_into_a_flow_list_and_fill_empty_keys() {
        assert_eq!(
            add("---\ntags: career\n---\n", "tags", "goals"),
            "---\ntags: [career, goals]\n---\n"
        );
        assert_eq!(
            add("---\ntags: 'a, b'\n---\n", "tags", "c"),
            "---\ntags: ['a, b', c]\n---\n"
        );
        assert!(add_to_list("---\ntags: career\n---\n", "tags", "career")
            .unwrap()
            .is_empty());
        assert_eq!(
            add("---\ntags:\nnext: 1\n---\n", "tags", "x"),
            "---\ntags:\n  - x\nnext: 1\n---\n"
        );
        assert_eq!(
            add("---\ntags: ~\n---\n", "tags", "x"),
            "---\ntags: [x]\n---\n"
        );
        assert_eq!(
            add("---\na: 1\n---\n", "tags", "x y"),
            "---\na: 1\ntags:\n  - x y\n---\n"
        );
    }

    #[test]
    fn should_read_back_every_written_list() {
        let mut text = String::from("---\ntags: one\n---\n");
        for value in ["two", "[[Three]]", "four: x", "日本"] {
            text = add(&text, "tags", value);
        }
        assert_eq!(
            read(&text, "tags"),
            Value::List(
                ["one", "two", "[[Three]]", "four: x", "日本"]
                    .map(String::from)
                    .to_vec()
            )
        );
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn note() -> impl Strategy<Value = String> {
            let entry = prop_oneof![
                Just("title: Plain"),
                Just("tags:\n  - a\n  - \"b c\""),
                Just("aliases: [x, 'y']"),
                Just("year: 2025"),
                Just("empty:"),
                Just("# comment"),
                Just("nested:\n  k: v"),
            ];
            (
                proptest::option::of(proptest::collection::vec(entry, 0..5)),
                any::<bool>(),
                any::<bool>(),
            )
                .prop_map(|(entries, crlf, bom)| {
                    let nl = if crlf { "\r\n" } else { "\n" };
                    let block = entries.map(|e| {
                        let mut seen = Vec::new();
                        let lines: Vec<&str> = e
                            .into_iter()
                            .filter(|l| {
                                let new = !seen.contains(l);
                                seen.push(*l);
                                new
                            })
                            .collect();
                        format!(
                            "---\n{}---\n",
                            lines.iter().map(|l| format!("{l}\n")).collect::<String>()
                        )
                    });
                    let text = format!(
                        "{}{}# Note\nbody [[x]]\n",
                        if bom { "\u{feff}" } else { "" },
                        block.unwrap_or_default()
                    );
                    text.replace('\n', nl)
                })
        }

        fn value() -> impl Strategy<Value = String> {
            "[a-z 日🎯:#\"'\\\\\\[\\]{},&*!|>%@`~\t\n\\-0-9.]{0,10}"
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)))]

            #[test]
            fn should_read_back_any_scalar_it_sets(text in note(), key in prop_oneof![Just("title"), Just("year"), Just("empty"), Just("new key")], value in value()) {
                let out = run(&text, &set_scalar(&text, key, &value).unwrap());
                let fm = frontmatter(&out).expect("a block");
                prop_assert_eq!(&fm.get(key).unwrap().value, &Value::Scalar(value.clone()), "should read back: {:?}", out);
                prop_assert_eq!(out.matches("---").count(), text.matches("---").count().max(2), "should never add a second block");
                prop_assert!(out.ends_with(&text[text.find("# Note").unwrap()..]), "should leave the body alone");
            }

            #[test]
            fn should_read_back_any_list_item_it_adds(text in note(), key in prop_oneof![Just("tags"), Just("aliases"), Just("title"), Just("empty"), Just("new")], value in value()) {
                prop_assume!(!value.trim().is_empty());
                let old = frontmatter(&text).and_then(|fm| fm.get(key).map(|k| k.value.clone()));
                let out = run(&text, &add_to_list(&text, key, &value).unwrap());
                let new = frontmatter(&out).expect("a block").get(key).unwrap().value.clone();
                let Value::List(items) = new else { return Err(TestCaseError::fail(format!("should be a list: {out:?}"))) };
                prop_assert!(items.contains(&value), "should hold the value: {:?}", out);
                let kept = match old {
                    Some(Value::List(old)) => old,
                    Some(Value::Scalar(old)) if !old.is_empty() => vec![old],
                    _ => Vec::new(),
                };
                prop_assert_eq!(&items[..kept.len()], &kept[..], "should keep the old items first: {:?}", out);
            }
        }
    }
}
