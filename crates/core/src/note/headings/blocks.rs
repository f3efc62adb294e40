//! What block a line starts, as CommonMark (and comrak) reads it: the line
//! classifiers of the heading scan in [`super`] (the outline's fast scan,
//! `note::fast_outline`, uses them too). Each looks at one line's text
//! after its indentation and answers only what the scan needs; none reads
//! another line.

/// What ends an HTML block: a marker such as `-->` on some line, or a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HtmlEnd {
    Marker(&'static str),
    BlankLine,
}

/// A line split into its indentation (in columns, tabs to multiples of 4) and the rest.
pub(crate) struct Indented<'a> {
    pub(crate) cols: usize,
    pub(crate) rest: &'a str,
    pub(crate) has_tab: bool,
}

#[inline(always)]
pub(crate) fn indentation(content: &str) -> Indented<'_> {
    let mut cols = 0;
    let mut bytes = 0;
    let mut has_tab = false;
    for b in content.bytes() {
        match b {
            b' ' => cols += 1,
            b'\t' => {
                cols += 4 - cols % 4;
                has_tab = true;
            }
            _ => break,
        }
        bytes += 1;
    }
    Indented {
        cols,
        rest: content.get(bytes..).unwrap_or(""),
        has_tab,
    }
}

/// Whether a line whose text (after its indentation) starts with `first` can
/// be anything but paragraph text: an ATX heading, a setext underline, a
/// fence, an HTML block, a thematic break, a block quote or a list item.
/// Every classifier below answers "no" for any other first byte, so the scan
/// skips them all for most lines of prose and every table row.
pub(crate) fn may_open_block(first: u8) -> bool {
    matches!(
        first,
        b'#' | b'=' | b'-' | b'`' | b'~' | b'<' | b'*' | b'_' | b'>' | b'+' | b'0'..=b'9'
    )
}

pub(crate) fn list_marker_then_tab(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 { digits + 1 } else { 1 };
    let is_marker = if digits > 0 {
        matches!(rest.as_bytes().get(digits), Some(b'.' | b')'))
    } else {
        matches!(rest.as_bytes().first(), Some(b'-' | b'+' | b'*'))
    };
    is_marker && rest.as_bytes().get(marker) == Some(&b'\t')
}

/// The content after a `>` marker (and one optional space): `None` when the line
/// is no quote line, `Some(None)` when it is one the scan does not model (a tab
/// after `>`, which comrak splits into columns).
pub(crate) fn quote_content<'a>(ind: &Indented<'a>) -> Option<Option<Indented<'a>>> {
    after_quote(ind).map(|after| after.map(indentation))
}

/// [`quote_content`] before its indentation is measured.
pub(crate) fn after_quote<'a>(ind: &Indented<'a>) -> Option<Option<&'a str>> {
    if ind.cols > 3 {
        return None;
    }
    let after = ind.rest.strip_prefix('>')?;
    let after = after.strip_prefix(' ').unwrap_or(after);
    Some((!after.starts_with('\t')).then_some(after))
}

pub(crate) fn atx_level(rest: &str) -> Option<u8> {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    match rest.as_bytes().get(hashes) {
        None | Some(b' ' | b'\t') => u8::try_from(hashes).ok(),
        _ => None,
    }
}

pub(crate) fn setext_level(rest: &str) -> Option<u8> {
    let trimmed = rest.trim_end_matches([' ', '\t']);
    let first = trimmed.bytes().next()?;
    if !(first == b'=' || first == b'-') || !trimmed.bytes().all(|b| b == first) {
        return None;
    }
    Some(if first == b'=' { 1 } else { 2 })
}

pub(crate) fn is_thematic_break(rest: &str) -> bool {
    let Some(first) = rest.bytes().next() else {
        return false;
    };
    if !matches!(first, b'*' | b'-' | b'_') {
        return false;
    }
    let mut count = 0;
    for b in rest.bytes() {
        match b {
            b' ' | b'\t' => {}
            b if b == first => count += 1,
            _ => return false,
        }
    }
    count >= 3
}

pub(crate) fn opens_fence(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    if len < 3 {
        return None;
    }
    if ch == b'`' && rest.get(len..).is_some_and(|info| info.contains('`')) {
        return None;
    }
    Some((ch, len))
}

pub(crate) fn closes_fence(rest: &str, ch: u8, len: usize) -> bool {
    let run = rest.bytes().take_while(|&b| b == ch).count();
    run >= len
        && rest
            .get(run..)
            .is_some_and(|tail| tail.bytes().all(|b| b == b' ' || b == b'\t'))
}

/// A list item marker at the start of `rest`.
pub(crate) struct ListItem<'a> {
    /// Marker plus the spaces after it.
    pub(crate) width: usize,
    /// The item's first-line content.
    pub(crate) content: &'a str,
    /// `Some(())` when the item starts empty (comrak's handling of those is subtle).
    pub(crate) content_empty: Option<()>,
    /// Whether it may interrupt a paragraph (bullets, or an ordered list starting at 1).
    pub(crate) may_interrupt: bool,
}

impl ListItem<'_> {
    /// Whether the fast scans leave this item to comrak: it starts empty, with
    /// indented code, or with a tab after the marker's space (whose width,
    /// and so the item's content column, depends on the column it stands at).
    pub(crate) fn left_to_comrak(&self) -> bool {
        self.content_empty.is_some() || self.content.starts_with([' ', '\t'])
    }
}

pub(crate) fn list_item(rest: &str) -> Option<ListItem<'_>> {
    let bytes = rest.as_bytes();
    let (marker_len, may_interrupt) = match bytes.first()? {
        b'-' | b'+' | b'*' => (1, true),
        b'0'..=b'9' => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            (digits + 1, rest.get(..digits) == Some("1"))
        }
        _ => return None,
    };
    let after = rest.get(marker_len..)?;
    if after.trim_end_matches([' ', '\t']).is_empty() {
        return Some(ListItem {
            width: marker_len + 1,
            content: "",
            content_empty: Some(()),
            may_interrupt,
        });
    }
    if after.starts_with('\t') {
        return None;
    }
    let spaces = after.bytes().take_while(|&b| b == b' ').count();
    if spaces == 0 {
        return None;
    }
    // Five or more spaces: the item starts with an indented code block, and its
    // content column is one past the marker.
    let width = if spaces > 4 { 1 } else { spaces };
    Some(ListItem {
        width: marker_len + width,
        content: after.get(width..)?,
        content_empty: None,
        may_interrupt,
    })
}

pub(crate) fn is_delimiter_row(rest: &str) -> bool {
    let trimmed = rest.trim_end_matches([' ', '\t']);
    // The character test first: it stops at the first letter of an ordinary line.
    trimmed
        .bytes()
        .all(|b| matches!(b, b'|' | b':' | b'-' | b' ' | b'\t'))
        && trimmed.contains('-')
        && (trimmed.contains('|') || trimmed.contains(':'))
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// HTML block start: `Some(Some(end))` for kinds 1–6, `Some(None)` for a possible kind 7.
pub(crate) fn html_start(rest: &str) -> Option<Option<HtmlEnd>> {
    let after = rest.strip_prefix('<')?;
    let lower = after
        .get(..after.len().min(12))
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    for (tag, end) in [
        ("script", "</script>"),
        ("pre", "</pre>"),
        ("style", "</style>"),
        ("textarea", "</textarea>"),
    ] {
        if lower.starts_with(tag)
            && matches!(
                after.as_bytes().get(tag.len()),
                None | Some(b' ' | b'\t' | b'>')
            )
        {
            return Some(Some(HtmlEnd::Marker(end)));
        }
    }
    if after.starts_with("!--") {
        return Some(Some(HtmlEnd::Marker("-->")));
    }
    if after.starts_with('?') {
        return Some(Some(HtmlEnd::Marker("?>")));
    }
    if after.starts_with("![CDATA[") {
        return Some(Some(HtmlEnd::Marker("]]>")));
    }
    if after.starts_with('!') && after.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic) {
        return Some(Some(HtmlEnd::Marker(">")));
    }
    let name_start = after.strip_prefix('/').unwrap_or(after);
    let name_len = name_start
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let name = name_start
        .get(..name_len)
        .unwrap_or("")
        .to_ascii_lowercase();
    let boundary = matches!(
        name_start.as_bytes().get(name_len),
        None | Some(b' ' | b'\t' | b'>')
    ) || name_start
        .get(name_len..)
        .is_some_and(|t| t.starts_with("/>"));
    if BLOCK_TAGS.contains(&name.as_str()) && boundary {
        return Some(Some(HtmlEnd::BlankLine));
    }
    if name_len > 0
        && name_start
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
    {
        return Some(None);
    }
    None
}

/// For a line [`html_start`] is unsure of (a tag that is no block tag):
/// whether it opens an HTML block of CommonMark's kind 7, a complete open or
/// closing tag followed only by spaces and tabs. Follows the grammar of
/// comrak's `html_block_start_7` scanner (tag name, attributes, quoted and
/// unquoted values); `None` for bytes it leaves to comrak (NUL, `\v`, `\f`).
pub(crate) fn opens_kind_7(rest: &str) -> Option<bool> {
    let bytes = rest.as_bytes();
    if bytes.iter().any(|&b| matches!(b, 0 | 0x0b | 0x0c)) {
        return None;
    }
    let at = |i: usize| bytes.get(i).copied();
    let is_space = |b: Option<u8>| matches!(b, Some(b' ' | b'\t' | b'\r'));
    let closing = at(1) == Some(b'/');
    let mut i = if closing { 2 } else { 1 };
    if !at(i).is_some_and(|b| b.is_ascii_alphabetic()) {
        return Some(false);
    }
    while at(i).is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-') {
        i += 1;
    }
    loop {
        let spaces_from = i;
        while is_space(at(i)) {
            i += 1;
        }
        match at(i) {
            Some(b'>') => break,
            Some(b'/') if !closing && at(i + 1) == Some(b'>') => {
                i += 1;
                break;
            }
            Some(b)
                if !closing
                    && i > spaces_from
                    && (b.is_ascii_alphabetic() || b == b'_' || b == b':') =>
            {
                while at(i).is_some_and(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-')
                }) {
                    i += 1;
                }
                let mut j = i;
                while is_space(at(j)) {
                    j += 1;
                }
                if at(j) != Some(b'=') {
                    continue;
                }
                j += 1;
                while is_space(at(j)) {
                    j += 1;
                }
                i = match at(j) {
                    Some(quote @ (b'"' | b'\'')) => {
                        let close = bytes.get(j + 1..)?.iter().position(|&b| b == quote);
                        match close {
                            Some(n) => j + 1 + n + 1,
                            None => return Some(false),
                        }
                    }
                    _ => {
                        let start = j;
                        while at(j).is_some_and(|b| {
                            !matches!(
                                b,
                                b'"' | b'\'' | b'=' | b'<' | b'>' | b'`' | b' ' | b'\t' | b'\r'
                            )
                        }) {
                            j += 1;
                        }
                        if j == start {
                            return Some(false);
                        }
                        j
                    }
                };
            }
            _ => return Some(false),
        }
    }
    Some(
        bytes
            .get(i + 1..)?
            .iter()
            .all(|&b| matches!(b, b' ' | b'\t' | b'\r')),
    )
}

pub(crate) fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack.to_ascii_lowercase().contains(needle)
}
