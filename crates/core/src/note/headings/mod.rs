//! Finding a note's top-level headings: a fast line scan, checked against comrak.
//!
//! Sections are what nearly every operation needs, and a full comrak parse of
//! every note for every operation is too slow for the plugin. So headings are
//! found by [`fast_scan`], a single pass over the lines that tracks only what
//! decides whether a line is a top-level heading: frontmatter, fences, HTML
//! blocks, indented code, block quotes, lists, tables and paragraphs (for
//! setext underlines). When it meets anything it is not sure comrak would
//! read the same way, it gives up and [`headings`] asks comrak instead.
//!
//! Invariant: whenever `fast_scan` returns `Some`, it equals [`by_comrak`].
//! The property tests and the corpus test check exactly that.

pub(crate) mod blocks;

use blocks::{
    atx_level, closes_fence, contains_ignore_case, html_start, indentation, is_delimiter_row,
    is_thematic_break, list_item, list_marker_then_tab, may_open_block, opens_fence, opens_kind_7,
    quote_content, setext_level, HtmlEnd, Indented,
};

use crate::note::lines::{find_byte, find_str, has_lone_cr, line_at, lines_in, Line, BOM};
use crate::note::sourcepos::{self, Kind};
use crate::span::Span;

/// A top-level heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Whether it is a setext heading (underlined).
    pub setext: bool,
    /// From the start of its first line to the end of its last line's content.
    pub span: Span,
    /// Where the next line starts (the body begins there).
    pub end_of_lines: usize,
}

/// The note's top-level headings, in order.
pub fn headings(text: &str) -> Vec<Heading> {
    fast_scan(text).unwrap_or_else(|| by_comrak(text))
}

/// The reference: top-level headings as comrak finds them.
pub fn by_comrak(text: &str) -> Vec<Heading> {
    let offset = if text.starts_with(BOM) { BOM.len() } else { 0 };
    sourcepos::parse(text, Span::new(offset, text.len()))
        .into_iter()
        .filter(|node| node.depth == 1)
        .filter_map(|node| match node.kind {
            Kind::Heading { level, setext } => {
                let first = line_at(text, node.span.start);
                let last = line_at(text, node.span.end.saturating_sub(1).max(node.span.start));
                Some(Heading {
                    level,
                    setext,
                    span: Span::new(first.start.max(offset), last.start + last.content.len()),
                    end_of_lines: last.end,
                })
            }
            _ => None,
        })
        .collect()
}

/// What the scanner is inside of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Top,
    Paragraph {
        start: usize,
        bracket: bool,
        /// Where the paragraph's last line starts: whether it holds a `|`
        /// matters only under a setext underline, so it is looked at then.
        last_line: usize,
    },
    Table,
    Fence {
        ch: u8,
        len: usize,
    },
    IndentedCode,
    Html {
        end: HtmlEnd,
    },
    Quote {
        lazy: bool,
        fence: Option<(u8, usize)>,
    },
    List {
        content_col: usize,
        lazy: bool,
        fence: Option<(u8, usize)>,
    },
}

/// Scans for top-level headings; `None` means "ask comrak".
pub fn fast_scan(text: &str) -> Option<Vec<Heading>> {
    // Most notes hold no `\r` at all: one search then spares the others.
    fast_scan_with(text, find_byte(text.as_bytes(), b'\r').is_some())
}

/// [`fast_scan`], told whether `text` may hold a `\r` (`has_cr` is `false`
/// only when it holds none), for a caller that has looked already.
pub fn fast_scan_with(text: &str, has_cr: bool) -> Option<Vec<Heading>> {
    // A lone carriage return is a line ending to comrak but not to our line splitter.
    if has_cr && has_lone_cr(text) {
        return None;
    }
    let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let body_start = bom + frontmatter_len(text.get(bom..).unwrap_or(""), has_cr);
    let mut out = Vec::new();
    let mut state = State::Top;
    let mut lines = lines_in(text, Span::new(body_start, text.len()));
    while let Some(line) = lines.next_line() {
        state = step(state, text, &line, &mut out)?;
    }
    Some(out)
}

/// The headings of `new`, a note made from `old` by replacing the bytes of
/// `changed` (a span of `old`) with `new_end - changed.start` bytes;
/// `old_headings` is `fast_scan(old)`. Only the stretch from the last heading
/// before the change to the first heading after it (found again at its
/// shifted place) is scanned: after a heading line the scan is always at the
/// top level, so from the same line on, the same bytes read the same way.
/// `None` where [`fast_scan`] of `new` would be `None`.
pub fn rescan(
    new: &str,
    old_headings: &[Heading],
    changed: Span,
    new_end: usize,
) -> Option<Vec<Heading>> {
    let has_cr = find_byte(new.as_bytes(), b'\r').is_some();
    rescan_with(new, old_headings, changed, new_end, has_cr)
}

/// [`rescan`], told whether `new` may hold a `\r` (`has_cr` is `false` only
/// when it holds none): an edit's caller knows that from the old text and
/// the new text it put in, without another pass over the whole note.
pub fn rescan_with(
    new: &str,
    old_headings: &[Heading],
    changed: Span,
    new_end: usize,
    has_cr: bool,
) -> Option<Vec<Heading>> {
    let before = old_headings
        .iter()
        // A heading's line is untouched when it ends, line ending and all, before the change.
        .take_while(|h| h.end_of_lines <= changed.start && h.end_of_lines > h.span.end)
        .count();
    if has_cr && has_lone_cr(new) {
        return None;
    }
    // A change anywhere can close frontmatter that was open, or move where it
    // closes (comrak prefers a later `\n---\r\n`): resume only after it.
    let bom = if new.starts_with(BOM) { BOM.len() } else { 0 };
    let body_start = bom + frontmatter_len(new.get(bom..).unwrap_or(""), has_cr);
    let resume = before
        .checked_sub(1)
        .and_then(|i| old_headings.get(i))
        .filter(|h| h.span.start >= body_start && new_end >= changed.start);
    // With no heading before the change (an edit of the frontmatter or the
    // text above the first heading), the scan starts where `fast_scan` does.
    let from = match resume {
        Some(resume) => resume.end_of_lines,
        None if before == 0 && new_end >= changed.start => body_start,
        None => return fast_scan(new),
    };
    let shift = new_end as isize - changed.end as isize;
    let mut out: Vec<Heading> = old_headings.get(..before).unwrap_or_default().to_vec();
    let mut state = State::Top;
    let mut lines = lines_in(new, Span::new(from, new.len()));
    while let Some(line) = lines.next_line() {
        let found = out.len();
        state = step(state, new, &line, &mut out)?;
        let Some(heading) = out.get(found).filter(|h| h.span.start >= new_end) else {
            continue;
        };
        let old_start = heading.span.start.checked_add_signed(-shift);
        let Some(at) = old_headings
            .iter()
            .position(|o| Some(o.span.start) == old_start)
            .filter(|&at| {
                old_headings.get(at).map(|o| shifted(o, shift)).as_ref() == Some(heading)
            })
        else {
            continue;
        };
        out.extend(
            old_headings
                .get(at + 1..)
                .unwrap_or_default()
                .iter()
                .map(|o| shifted(o, shift)),
        );
        return Some(out);
    }
    Some(out)
}

/// `heading` moved by `shift` bytes.
fn shifted(heading: &Heading, shift: isize) -> Heading {
    let by = |at: usize| at.saturating_add_signed(shift);
    Heading {
        span: Span::new(by(heading.span.start), by(heading.span.end)),
        end_of_lines: by(heading.end_of_lines),
        ..heading.clone()
    }
}

/// Bytes taken by frontmatter at the start, exactly as comrak's `split_off_front_matter`.
/// `has_cr` tells whether `s` holds a `\r` anywhere.
pub(crate) fn frontmatter_len(s: &str, has_cr: bool) -> usize {
    let Some(after_open) = s.strip_prefix("---") else {
        return 0;
    };
    let start = if after_open.starts_with('\n') {
        4
    } else if after_open.starts_with("\r\n") {
        5
    } else {
        return 0;
    };
    let rest = s.get(start..).unwrap_or("");
    let Some(n) = closing_line(rest, has_cr) else {
        return 0;
    };
    let mut end = start + n + 4;
    if end == s.len() {
        return end;
    }
    let after = s.get(end..).unwrap_or("");
    end += if after.starts_with('\n') {
        1
    } else if after.starts_with("\r\n") {
        2
    } else {
        return 0;
    };
    let after = s.get(end..).unwrap_or("");
    end + if after.starts_with('\n') {
        1
    } else if after.starts_with("\r\n") {
        2
    } else {
        0
    }
}

/// Where comrak's frontmatter ends: the first `\n---\r\n`, else the first
/// `\n---\n`, else the first `\n---`. Computed from the first `\n---`, so
/// that a note without a `\r` is not searched to its end three times.
fn closing_line(rest: &str, has_cr: bool) -> Option<usize> {
    let first = find_str(rest, "\n---")?;
    let after = rest.get(first + 4..).unwrap_or("");
    // Every `\n---\r\n` is a `\n---`, so none comes before `first`.
    if after.starts_with("\r\n") {
        return Some(first);
    }
    if has_cr && find_byte(after.as_bytes(), b'\r').is_some() {
        if let Some(crlf) = find_str(rest, "\n---\r\n") {
            return Some(crlf);
        }
    }
    if after.starts_with('\n') {
        return Some(first);
    }
    Some(find_str(rest, "\n---\n").unwrap_or(first))
}

/// Processes one line; returns the next state, or `None` to give up.
///
/// `step` and [`top_level`] are inlined into the two scans' loops: compiled
/// for wasm32, each was a call per line that passed its state and line
/// through memory; inlined, a coaching prompt on the 30 KB index took 0.9x
/// its time (interleaved A/B, both orders), for 3 KB of module.
#[inline(always)]
fn step(state: State, text: &str, line: &Line<'_>, out: &mut Vec<Heading>) -> Option<State> {
    let ind = indentation(line.content);
    let blank = ind.rest.trim_end_matches([' ', '\t']).is_empty();
    let state = match state {
        State::Fence { ch, len } => {
            return Some(if ind.cols <= 3 && closes_fence(ind.rest, ch, len) {
                State::Top
            } else {
                state
            })
        }
        State::Html { end } => {
            return Some(match end {
                HtmlEnd::BlankLine if blank => State::Top,
                HtmlEnd::Marker(marker) if contains_ignore_case(line.content, marker) => State::Top,
                _ => state,
            })
        }
        State::IndentedCode if blank || ind.cols >= 4 => return Some(state),
        State::Quote { lazy, fence } => {
            if let Some(inner) = quote_content(&ind) {
                return quoted_line(inner?, fence, lazy);
            }
            if blank {
                return Some(State::Top);
            }
            if lazy && !starts_block_when_lazy(&ind)? {
                return Some(state);
            }
            State::Top
        }
        State::List {
            content_col,
            lazy,
            fence,
        } => {
            if blank {
                return Some(State::List {
                    content_col,
                    lazy: false,
                    fence,
                });
            }
            if ind.cols >= content_col {
                return in_item(content_col, &ind, fence, lazy);
            }
            if ind.has_tab {
                return None;
            }
            if fence.is_none() && lazy && !starts_block_when_lazy(&ind)? {
                return Some(state);
            }
            State::Top
        }
        // comrak keeps a table open across lines that would start most other
        // blocks, so inside one only plain rows, blank lines and ATX headings
        // (which do end it) are modelled.
        State::Table if !blank && starts_block(&ind) != Some(false) && !is_atx(&ind) => {
            return None
        }
        _ => state,
    };
    // One call, so that it is inlined once.
    top_level(state, text, line, &ind, out)
}

/// An ATX heading line at the top level (no more than three columns in).
#[inline(always)]
fn is_atx(ind: &Indented<'_>) -> bool {
    ind.cols < 4 && !ind.has_tab && atx_level(ind.rest).is_some()
}

/// A line outside any container (or leaving one).
#[inline(always)]
fn top_level(
    state: State,
    text: &str,
    line: &Line<'_>,
    ind: &Indented<'_>,
    out: &mut Vec<Heading>,
) -> Option<State> {
    let rest = ind.rest;
    if rest.trim_end_matches([' ', '\t']).is_empty() {
        return Some(State::Top);
    }
    if ind.cols >= 4 {
        return match state {
            State::Paragraph { .. } => Some(state),
            State::Table => None,
            _ => Some(State::IndentedCode),
        };
    }
    // Only a line starting with one of these bytes can open a block; for
    // prose and table rows every classifier below would say no.
    if rest.as_bytes().first().is_some_and(|&b| may_open_block(b)) {
        let in_paragraph = matches!(state, State::Paragraph { .. });
        if let Some(level) = setext_level(rest) {
            match state {
                State::Paragraph {
                    start,
                    bracket,
                    last_line,
                } => {
                    // The line above holds a `|`: a table could start here, comrak decides.
                    let last_has_pipe = text
                        .get(last_line..line.start)
                        .is_none_or(|last| last.contains('|'));
                    if bracket || last_has_pipe {
                        return None;
                    }
                    out.push(Heading {
                        level,
                        setext: true,
                        span: Span::new(start, line.start + line.content.len()),
                        end_of_lines: line.end,
                    });
                    return Some(State::Top);
                }
                State::Table => return None,
                _ => {}
            }
        }
        if let Some(level) = atx_level(rest) {
            out.push(Heading {
                level,
                setext: false,
                span: Span::new(line.start, line.start + line.content.len()),
                end_of_lines: line.end,
            });
            return Some(State::Top);
        }
        if let Some((ch, len)) = opens_fence(rest) {
            return Some(State::Fence { ch, len });
        }
        match html_start(rest) {
            Some(Some(end)) => {
                let done = matches!(end, HtmlEnd::Marker(m) if contains_ignore_case(rest.get(1..).unwrap_or(""), m));
                return Some(if done {
                    State::Top
                } else {
                    State::Html { end }
                });
            }
            // A tag that is no block tag starts a block only when it stands alone
            // (and cannot interrupt a paragraph); followed by text, it is inline.
            Some(None) if !in_paragraph && state != State::Table => match opens_kind_7(rest) {
                Some(true) => {
                    return Some(State::Html {
                        end: HtmlEnd::BlankLine,
                    })
                }
                Some(false) => {}
                None => return None,
            },
            _ => {}
        }
        if is_thematic_break(rest) {
            return Some(State::Top);
        }
        if let Some(inner) = quote_content(ind) {
            return quoted_line(inner?, None, false);
        }
        if list_marker_then_tab(rest) {
            return None;
        }
        if let Some(item) = list_item(rest) {
            let can_start = !in_paragraph || (item.content_empty.is_none() && item.may_interrupt);
            if can_start && state != State::Table {
                // An empty item, or a tab after the marker's space (its width depends
                // on its column, and so does the item's content column), is left to comrak.
                let (content_col, content) = match item.content_empty {
                    None if !item.content.starts_with('\t') => {
                        (ind.cols + item.width, item.content)
                    }
                    _ => return None,
                };
                // The first line's content is measured from the content column itself.
                let (lazy, fence) = inner_block(&indentation(content), None, 0, Some(false))?;
                return Some(State::List {
                    content_col,
                    lazy,
                    fence,
                });
            }
            if state == State::Table {
                return None;
            }
        }
    }
    match state {
        State::Paragraph { start, bracket, .. } => {
            if is_delimiter_row(rest) {
                return Some(State::Table);
            }
            Some(State::Paragraph {
                start,
                bracket,
                last_line: line.start,
            })
        }
        State::Table => Some(State::Table),
        _ => Some(State::Paragraph {
            start: line.start,
            bracket: rest.starts_with('['),
            last_line: line.start,
        }),
    }
}

/// A line inside a list item: records whether a lazy continuation could follow.
fn in_item(
    content_col: usize,
    ind: &Indented<'_>,
    fence: Option<(u8, usize)>,
    open: bool,
) -> Option<State> {
    let (lazy, fence) = inner_block(ind, fence, content_col, Some(open))?;
    Some(State::List {
        content_col,
        lazy,
        fence,
    })
}

/// A line inside a block quote, given the content after `>`; `open`: whether
/// the quote's paragraph was open before it.
fn quoted_line(inner: Indented<'_>, fence: Option<(u8, usize)>, open: bool) -> Option<State> {
    // A tab in the content's indentation spans columns that depend on where it
    // stands after the `>`: comrak decides.
    if inner.has_tab {
        return None;
    }
    let (lazy, fence) = inner_block(&inner, fence, 0, Some(open))?;
    Some(State::Quote { lazy, fence })
}

/// Classifies a line inside a container: (is a paragraph open, open fence);
/// `None` when the scan cannot tell (comrak decides then). `open` tells
/// whether a paragraph was open before the line (`None`: not known), which
/// decides whether `===` or `--` underlines it or is text.
fn inner_block(
    ind: &Indented<'_>,
    fence: Option<(u8, usize)>,
    base: usize,
    open: Option<bool>,
) -> Option<(bool, Option<(u8, usize)>)> {
    let rel = ind.cols.saturating_sub(base);
    if let Some((ch, len)) = fence {
        return Some(if rel <= 3 && closes_fence(ind.rest, ch, len) {
            (false, None)
        } else {
            (false, Some((ch, len)))
        });
    }
    let rest = ind.rest;
    if rest.trim_end_matches([' ', '\t']).is_empty() {
        return Some((false, None));
    }
    // Indented four columns or more: the open paragraph's text, else code.
    if rel >= 4 {
        return open.map(|open| (open, None));
    }
    let first = *rest.as_bytes().first()?;
    if !may_open_block(first) {
        return Some((true, None));
    }
    if let Some(f) = opens_fence(rest) {
        return Some((false, Some(f)));
    }
    if atx_level(rest).is_some() || is_thematic_break(rest) {
        return Some((false, None));
    }
    if setext_level(rest).is_some() {
        match open {
            Some(true) => return Some((false, None)),
            Some(false) => {}
            None => return None,
        }
    }
    match first {
        // An HTML block has no lazy continuation lines.
        b'<' => html_start(rest).is_none().then_some((true, None)),
        // A quote inside the container: its paragraph continues lazily too.
        b'>' => {
            let after = rest.get(1..)?;
            let after = after.strip_prefix(' ').unwrap_or(after);
            let inner = indentation(after);
            if inner.has_tab {
                return None;
            }
            match inner_block(&inner, None, 0, None)? {
                (lazy, None) => Some((lazy, None)),
                _ => None,
            }
        }
        _ if list_marker_then_tab(rest) => None,
        _ => match list_item(rest) {
            // An empty item is a paragraph's text, or an item with none, by
            // what came before.
            Some(item) if item.left_to_comrak() => None,
            // An item that cannot interrupt a paragraph may be that
            // paragraph's text: the two readings agree on a paragraph only.
            Some(item) => match inner_block(&indentation(item.content), None, 0, Some(false))? {
                (lazy, None) if item.may_interrupt || lazy => Some((lazy, None)),
                _ => None,
            },
            None => Some((true, None)),
        },
    }
}

/// Whether a line after a container's paragraph starts a block (so it is not a
/// lazy continuation). The matched container is then the document, not the
/// paragraph, so the "may interrupt a paragraph" limits do not apply: an
/// ordered item at 2, an empty item or any HTML tag starts a block, and no
/// setext underline is possible. `None` when unsure.
pub(crate) fn starts_block(ind: &Indented<'_>) -> Option<bool> {
    if ind.cols >= 4 {
        return Some(false);
    }
    let rest = ind.rest;
    if !rest.as_bytes().first().is_some_and(|&b| may_open_block(b)) {
        return Some(false);
    }
    if atx_level(rest).is_some()
        || opens_fence(rest).is_some()
        || is_thematic_break(rest)
        || quote_content(ind).is_some()
    {
        return Some(true);
    }
    match html_start(rest) {
        Some(Some(_)) => return Some(true),
        Some(None) => return None,
        None => {}
    }
    if list_marker_then_tab(rest) {
        return None;
    }
    Some(list_item(rest).is_some())
}

/// [`starts_block`] for a possible lazy continuation inside a container, where a
/// line with a pipe might continue or start a table: comrak decides those.
pub(crate) fn starts_block_when_lazy(ind: &Indented<'_>) -> Option<bool> {
    match starts_block(ind)? {
        false if ind.cols < 4 && (ind.rest.contains('|') || is_delimiter_row(ind.rest)) => None,
        starts => Some(starts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// comrak's own search, which `closing_line` must equal.
    fn reference(rest: &str) -> Option<usize> {
        rest.find("\n---\r\n")
            .or_else(|| rest.find("\n---\n"))
            .or_else(|| rest.find("\n---"))
    }

    #[test]
    fn closing_line_finds_what_comrak_finds() {
        let parts = [
            "a",
            "\n",
            "\r\n",
            "\n---",
            "\n---\n",
            "\n---\r\n",
            "\n----",
            "\r",
            "-",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
                .collect();
            for text in &texts {
                let has_cr = text.contains('\r');
                assert_eq!(closing_line(text, has_cr), reference(text), "{text:?}");
            }
        }
    }
}

#[cfg(test)]
mod fallback_tests {
    use super::*;

    #[test]
    fn comrak_fallback_spans_headings_that_end_in_a_multibyte_character() {
        // Found by fuzzing: the last byte of "é" is inside the character.
        for text in [
            "\n# é",
            "---\n\"\": \"\"\n---\n# \u{fffd}",
            "intro\n## Café\nbody\n",
        ] {
            let fast = fast_scan(text).expect("the scan handles these");
            assert_eq!(by_comrak(text), fast, "{text:?}");
            assert!(fast.iter().all(|h| h.span.of(text).starts_with('#')));
        }
    }

    #[test]
    fn a_pipe_above_a_setext_underline_is_left_to_comrak() {
        // A `|` on the line above a setext underline could start a table, so
        // the scan leaves those to comrak; a `|` on an earlier line of the
        // paragraph does not, and the scan answers itself.
        for text in [
            "a|\n---\n",
            "intro\na|\n---\n",
            "x\n\n| a |\n---\n# after\n",
            "a|\n    b\n---\n",
        ] {
            assert!(
                fast_scan(text).is_none_or(|fast| fast == by_comrak(text)),
                "{text:?}"
            );
        }
        for text in ["a|b\nc\n---\n", "plain\n---\n"] {
            let fast = fast_scan(text).expect("no pipe on the underline's line above");
            assert_eq!(fast, by_comrak(text), "{text:?}");
            assert_eq!(fast.len(), 1, "{text:?}");
        }
    }
}

#[cfg(test)]
mod lone_cr_tests {
    use super::*;

    #[test]
    fn headings_after_lone_carriage_returns_still_start_at_their_hashes() {
        // Found by fuzzing: comrak breaks lines at a lone \r; spans must follow it.
        let text = "intro\r\r# Spec files\n\nbody\r## Next\n";
        let found = headings(text);
        assert_eq!(found.len(), 2, "{found:?}");
        for h in &found {
            assert!(h.span.of(text).starts_with('#'), "{:?}", h.span.of(text));
        }
    }
}
