//! Sections as a heading tree, and finding one by path.
//!
//! A section is a top-level heading and the body under it, up to the next
//! heading of the same or a higher level. Its path joins the titles from the
//! root, e.g. `Career/Network & Influence/Sponsors`. Lookup matches the end of
//! a path, ignoring case, whitespace and markdown, and accepts the names in
//! [`aliases`](crate::note::aliases): `Network/Sponsors` finds the Sponsors
//! table under "Network & Influence".

use std::borrow::Cow;

use serde::Serialize;

use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::{kind_of, normalize, normalized_chars};
use crate::note::headings::{headings, Heading};
use crate::note::lines::{find_byte, has_lone_cr, lines_in};
use crate::span::Span;

/// One section of a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Titles from the root, joined with `/`.
    pub path: String,
    /// The heading's own text (markdown kept, closing `#`s dropped).
    pub title: String,
    /// 1 to 6.
    pub level: u8,
    /// The heading line(s), without the final line ending.
    pub heading_span: Span,
    /// From the line after the heading to the next heading of the same or a
    /// higher level (or the end of the note). Includes subsections.
    pub body_span: Span,
    /// Where the section's own content ends: its first subsection, or the body end.
    #[serde(skip)]
    pub own_end: usize,
    /// Index of the parent section.
    #[serde(skip)]
    pub parent: Option<usize>,
}

impl Section {
    /// The body before any subsection.
    pub fn own_span(&self) -> Span {
        Span::new(self.body_span.start, self.own_end)
    }
}

/// Every section of `text`, in document order.
pub fn sections(text: &str) -> Vec<Section> {
    sections_from(text, &headings(text))
}

/// [`sections`] given `found`, the note's headings.
pub fn sections_from(text: &str, found: &[Heading]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::with_capacity(found.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, heading) in found.iter().enumerate() {
        while stack
            .last()
            .and_then(|&p| out.get(p))
            .is_some_and(|p| p.level >= heading.level)
        {
            stack.pop();
        }
        let parent = stack.last().copied();
        let title = heading_title(text, heading).into_owned();
        let segment = escape_segment(&title);
        let path = match parent.and_then(|p| out.get(p)) {
            Some(p) => {
                let mut path = String::with_capacity(p.path.len() + 1 + segment.len());
                path.push_str(&p.path);
                path.push('/');
                path.push_str(&segment);
                path
            }
            None => segment.into_owned(),
        };
        let body_end = found
            .iter()
            .skip(i + 1)
            .find(|h| h.level <= heading.level)
            .map_or(text.len(), |h| h.span.start);
        let own_end = found
            .get(i + 1)
            .map_or(text.len(), |h| h.span.start)
            .min(body_end);
        out.push(Section {
            path,
            title,
            level: heading.level,
            heading_span: heading.span,
            body_span: Span::new(heading.end_of_lines.min(body_end), body_end),
            own_end: own_end.max(heading.end_of_lines.min(body_end)),
            parent,
        });
        stack.push(i);
    }
    out
}

/// The stretch of `text` between the top-level headings around `within`: from
/// the end of the last heading line before it to the start of the first
/// heading after it (`sections` are the note's own).
///
/// No block stays open across a top-level heading, so parsing this slice
/// finds the same tables and tasks there as parsing the whole note, for a
/// fraction of the cost. The whole note when it has a lone `\r`, where lines
/// as comrak counts them are not lines as task numbers count them.
pub fn region_around(text: &str, sections: &[Section], within: Span) -> Span {
    if has_lone_cr(text) {
        return Span::new(0, text.len());
    }
    let start = sections
        .iter()
        .map(|s| s.body_span.start)
        .filter(|&body| body <= within.start)
        .max()
        .unwrap_or(0);
    let end = sections
        .iter()
        .map(|s| s.heading_span.start)
        .filter(|&heading| heading >= within.end.max(start))
        .min()
        .unwrap_or(text.len());
    Span::new(start, end)
}

/// The text of a heading: ATX without markers and closing sequence; setext
/// paragraph lines joined with spaces.
pub fn heading_title<'t>(text: &'t str, heading: &Heading) -> Cow<'t, str> {
    if heading.setext {
        let lines: Vec<&str> = lines_in(text, heading.span)
            .map(|l| l.content.trim())
            .collect();
        let content = lines.get(..lines.len().saturating_sub(1)).unwrap_or(&[]);
        return match content {
            [one] => Cow::Borrowed(one),
            _ => Cow::Owned(content.join(" ")),
        };
    }
    let line = heading.span.of(text).trim_start().trim_start_matches('#');
    let trimmed = line.trim_matches([' ', '\t']);
    let without_closing = trimmed.trim_end_matches('#');
    Cow::Borrowed(
        if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
            without_closing.trim_end()
        } else {
            trimmed
        },
    )
}

/// A heading title as one segment of a section path: `\\` for a backslash
/// and `\/` for a slash, so a heading like `Span/Div` stays one segment.
pub fn escape_segment(title: &str) -> Cow<'_, str> {
    if title.contains(['\\', '/']) {
        Cow::Owned(title.replace('\\', "\\\\").replace('/', "\\/"))
    } else {
        Cow::Borrowed(title)
    }
}

/// The segments of a section path: split on `/` except `\/`, with `\\`
/// read as a backslash; each trimmed, empty ones dropped.
pub fn split_path(path: &str) -> Vec<String> {
    if find_byte(path.as_bytes(), b'\\').is_none() {
        // Nothing escaped: each segment is copied once, not char by char.
        return path
            .split('/')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
    }
    split_escaped(path)
}

/// [`split_path`] character by character, reading `\/` and `\\`.
fn split_escaped(path: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut current = String::new();
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ ('/' | '\\')) => current.push(next),
                Some(other) => {
                    current.push('\\');
                    current.push(other);
                }
                None => current.push('\\'),
            },
            '/' => segments.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    segments.push(current);
    segments
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// One segment of a lookup path, prepared once per lookup.
struct Segment {
    raw: String,
    normalized: String,
}

/// The sections' canonical kinds (a pass over the alias table each), worked
/// out at most once per lookup, and only if exact names find nothing.
struct Kinds<'s> {
    sections: &'s [Section],
    found: Vec<Option<Option<&'static str>>>,
}

impl<'s> Kinds<'s> {
    fn new(sections: &'s [Section]) -> Self {
        Self {
            sections,
            found: vec![None; sections.len()],
        }
    }

    fn of(&mut self, index: usize) -> Option<&'static str> {
        let slot = self.found.get_mut(index)?;
        *slot.get_or_insert_with(|| {
            self.sections
                .get(index)
                .and_then(|s| kind_of(&s.title))
                .map(|k| k.id)
        })
    }
}

/// Whether a query segment names a heading title: exactly (normalised), or
/// through the alias table when the segment's `kind` is given.
fn segment_matches(
    kinds: &mut Kinds<'_>,
    index: usize,
    segment: &Segment,
    kind: Option<Option<&'static str>>,
) -> bool {
    let Some(section) = kinds.sections.get(index) else {
        return false;
    };
    // Compared lazily: most titles differ from the segment in their first letters.
    if normalized_chars(&section.title).eq(segment.normalized.chars()) {
        return true;
    }
    // Only a segment that names a canonical section can match by alias; most do not,
    // which spares a pass over the alias table per heading.
    match kind {
        Some(Some(wanted)) => kinds.of(index) == Some(wanted),
        _ => false,
    }
}

/// Whether `section`'s titles, from the top, are exactly `segments`.
fn is_whole_path(sections: &[Section], section: &Section, segments: &[String]) -> bool {
    let mut current = Some(section);
    for segment in segments.iter().rev() {
        match current {
            Some(s) if s.title.trim() == segment => {
                current = s.parent.and_then(|p| sections.get(p));
            }
            _ => return false,
        }
    }
    current.is_none()
}

fn path_matches(
    kinds: &mut Kinds<'_>,
    index: usize,
    query: &[Segment],
    segment_kinds: Option<&[Option<&'static str>]>,
) -> bool {
    let mut current = Some(index);
    for (n, segment) in query.iter().enumerate().rev() {
        let Some(i) = current.filter(|&i| i < kinds.sections.len()) else {
            return false;
        };
        let kind = segment_kinds.map(|k| k.get(n).copied().flatten());
        if !segment_matches(kinds, i, segment, kind) {
            return false;
        }
        current = kinds.sections.get(i).and_then(|s| s.parent);
    }
    true
}

/// Finds the one section whose path ends with `query` (segments split on `/`).
///
/// Exact names win over aliases: with headings "2025 Theme" and "2026 Theme",
/// "2026 Theme" finds the second, while "Annual Theme" is ambiguous.
pub fn find<'s>(sections: &'s [Section], query: &str) -> CoreResult<&'s Section> {
    let raw = split_path(query);
    if raw.is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            "A section path is needed, e.g. \"Network/Sponsors\".",
        ));
    }
    // A whole path, as the outline reports it, names its section before any suffix does.
    let whole: Vec<&Section> = sections
        .iter()
        .filter(|s| is_whole_path(sections, s, &raw))
        .collect();
    if let [one] = whole.as_slice() {
        return Ok(one);
    }
    // Normalised only now: an exact path, the common case, needs no copies.
    let segments: Vec<Segment> = raw
        .into_iter()
        .map(|s| Segment {
            normalized: normalize(&s),
            raw: s,
        })
        .collect();
    let mut kinds = Kinds::new(sections);
    for by_alias in [false, true] {
        // The segments' canonical kinds are only needed once exact names found nothing.
        let segment_kinds: Option<Vec<Option<&'static str>>> = by_alias.then(|| {
            segments
                .iter()
                .map(|s| kind_of(&s.raw).map(|k| k.id))
                .collect()
        });
        let hits: Vec<&Section> = (0..sections.len())
            .filter(|&i| path_matches(&mut kinds, i, &segments, segment_kinds.as_deref()))
            .filter_map(|i| sections.get(i))
            .collect();
        match hits.as_slice() {
            [] => continue,
            [one] => return Ok(one),
            many => {
                let names: Vec<String> = many.iter().map(|s| format!("\"{}\"", s.path)).collect();
                return Err(CoreError::new(
                    ErrorCode::AmbiguousSection,
                    format!(
                        "\"{query}\" matches {} sections: {}. Give more of the path.",
                        many.len(),
                        names.join(", ")
                    ),
                ));
            }
        }
    }
    let known: Vec<&str> = sections
        .iter()
        .filter(|s| s.level <= 2)
        .map(|s| s.title.as_str())
        .take(20)
        .collect();
    Err(CoreError::new(
        ErrorCode::SectionNotFound,
        if known.is_empty() {
            format!("No section \"{query}\": the note has no headings.")
        } else {
            format!(
                "No section \"{query}\" in this note. Its sections: {}.",
                known.join(", ")
            )
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = "---\ntype: career-index\n---\n# Career\n\nintro\n\n## Vision\n\nNorth star\n\n### The Picture\n\n- Life\n\n## Network & Influence\n\n### Sponsors\n\n| Name | Context |\n\n### Mentors\n\n### Dana\n\n## 2025 Theme\n\n## 2026 Theme ##\n\nSetext\n---\n\ntext\n";

    #[test]
    fn builds_paths_levels_and_spans_from_the_heading_tree() {
        let all = sections(NOTE);
        let paths: Vec<&str> = all.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "Career",
                "Career/Vision",
                "Career/Vision/The Picture",
                "Career/Network & Influence",
                "Career/Network & Influence/Sponsors",
                "Career/Network & Influence/Mentors",
                "Career/Network & Influence/Dana",
                "Career/2025 Theme",
                "Career/2026 Theme",
                "Career/Setext",
            ]
        );
        let vision = &all[1];
        assert_eq!(vision.heading_span.of(NOTE), "## Vision");
        assert_eq!(
            vision.body_span.of(NOTE),
            "\nNorth star\n\n### The Picture\n\n- Life\n\n"
        );
        assert_eq!(vision.own_span().of(NOTE), "\nNorth star\n\n");
        assert_eq!(
            all[9].heading_span.of(NOTE),
            "Setext\n---",
            "setext headings span both lines"
        );
        assert_eq!(all[9].body_span.of(NOTE), "\ntext\n");
    }

    #[test]
    fn lookup_accepts_suffixes_case_markdown_and_aliases() {
        let all = sections(NOTE);
        assert_eq!(
            find(&all, "network/sponsors").unwrap().path,
            "Career/Network & Influence/Sponsors"
        );
        assert_eq!(find(&all, " VISION ").unwrap().path, "Career/Vision");
        assert_eq!(
            find(&all, "Network/Dana").unwrap().path,
            "Career/Network & Influence/Dana",
            "an alias segment combines with an exact one"
        );
        assert_eq!(
            find(&all, "2026 theme").unwrap().path,
            "Career/2026 Theme",
            "exact names beat aliases"
        );
        let ambiguous = find(&all, "Annual Theme").unwrap_err();
        assert_eq!(ambiguous.code, ErrorCode::AmbiguousSection);
        assert!(
            ambiguous
                .message
                .contains("\"Career/2025 Theme\", \"Career/2026 Theme\""),
            "{}",
            ambiguous.message
        );
        let missing = find(&all, "Risk Register").unwrap_err();
        assert_eq!(missing.code, ErrorCode::SectionNotFound);
        assert!(
            missing.message.contains("Vision"),
            "lists the sections there are: {}",
            missing.message
        );
    }

    #[test]
    fn a_line_leading_tag_and_code_are_not_headings() {
        let text = "## Tasks\n#tag at line start\n```\n## not a heading\n```\n";
        let all = sections(text);
        assert_eq!(all.len(), 1);
        assert_eq!(
            all[0].body_span.of(text),
            "#tag at line start\n```\n## not a heading\n```\n"
        );
    }
}

#[cfg(test)]
mod split_tests {
    use super::*;

    #[test]
    fn a_path_without_escapes_splits_as_the_escape_reader_splits_it() {
        for path in [
            "",
            "/",
            "Network",
            "Network/Sponsors",
            " Network / Sponsors ",
            "//a//b//",
            "Rôle \u{2003}/\u{a0}Café 🚀 ",
            "a/ /b",
            "\u{3000}",
        ] {
            assert_eq!(split_path(path), split_escaped(path), "{path:?}");
        }
        assert_eq!(split_path("A\\/B/C"), vec!["A/B", "C"]);
    }
}
