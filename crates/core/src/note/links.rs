//! Wikilinks, embeds and markdown links to notes, as spans into the note.
//!
//! Obsidian's link forms: `[[Note]]`, `[[Folder/Note]]`, `[[Note#Heading]]`,
//! `[[Note#H1#H2]]`, `[[Note#^block-id]]`, `[[Note|Alias]]`,
//! `[[Note#Heading|Alias]]`, embeds `![[...]]` (`![[img.png|100x145]]`), and
//! inside table cells `[[Note\|Alias]]`, where the escaped pipe separates the
//! alias. Markdown links count when their destination is relative:
//! `[text](Note.md)`, `[text](Folder/Note%20Name.md#Heading)`,
//! `[text](<Note name.md>)`; URLs (`scheme:`), absolute paths and same-note
//! `#anchors` are not links to notes.
//!
//! comrak tells where links cannot be: code blocks, inline code, HTML and the
//! frontmatter. The links themselves are found here, line by line, because
//! comrak does not know wikilinks. No link spans two lines, and a
//! backslash-escaped `\[` starts none.
//!
//! Limitations: Obsidian comments (`%% … %%`) and math are not excluded;
//! reference-style markdown links (`[text][ref]`) are not reported. Markdown
//! links are matched within a work budget proportional to the line's length,
//! so a pathological line cannot make the scan quadratic.

use serde::Serialize;

use crate::note::frontmatter::frontmatter;
use crate::note::lines::lines_in;
use crate::note::sourcepos::{parse, Kind, Node};
use crate::span::Span;
use markdown::scan_markdown;

mod markdown;

/// Which syntax a link uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// `[[Note]]`
    Wiki,
    /// `[text](Note.md)`
    Markdown,
}

/// One link to a note (or attachment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// From `[[` / `![[` (or `[` / `![`) to the closing `]]` (or `)`).
    pub span: Span,
    /// Wikilink or markdown link.
    pub kind: LinkKind,
    /// Whether it is an embed (`![[...]]`, `![...](...)`).
    pub embed: bool,
    /// The note path part, `""` for a same-note link like `[[#Heading]]`;
    /// percent-decoded for markdown links.
    pub target: String,
    /// `#Heading`, `#H1#H2` or `#^block-id`, when given.
    pub subpath: Option<String>,
    /// The display text: a wikilink's alias, or a markdown link's text.
    pub alias: Option<String>,
}

/// Lists the links of `text` outside code, HTML and frontmatter, sorted by
/// where they start.
pub fn links(text: &str) -> Vec<Link> {
    links_from_nodes(text, &parse(text, Span::new(0, text.len())))
}

/// [`links`] given `nodes`, a parse of the whole of `text`: lets
/// [`outline`](crate::note::outline()) share one parse between tables, tasks and links.
pub fn links_from_nodes(text: &str, nodes: &[Node]) -> Vec<Link> {
    let excluded: Vec<Span> = nodes
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                Kind::CodeBlock { .. }
                    | Kind::Code
                    | Kind::HtmlBlock
                    | Kind::HtmlInline
                    | Kind::FrontMatter
            )
        })
        .map(|n| n.span)
        .collect();
    links_outside(text, excluded)
}

/// The links of `text` outside the `excluded` spans (code, HTML, frontmatter,
/// in any order) and outside the frontmatter.
pub(crate) fn links_outside(text: &str, mut excluded: Vec<Span>) -> Vec<Link> {
    if let Some(fm) = frontmatter(text) {
        excluded.push(fm.span);
    }
    crate::order::sort(&mut excluded);
    let mut out = Vec::new();
    let mut cursor = 0;
    for span in excluded
        .iter()
        .copied()
        .chain(std::iter::once(Span::at(text.len())))
    {
        if span.start > cursor {
            for line in lines_in(text, Span::new(cursor, span.start)) {
                scan_line(text, line.content_span(), &mut out);
            }
        }
        cursor = cursor.max(span.end);
    }
    crate::order::sort_by_key(&mut out, |l| (l.span.start, l.span.end));
    out
}

/// Finds the links on one line (or the part of it outside excluded spans).
fn scan_line(text: &str, line: Span, out: &mut Vec<Link>) {
    let bytes = line.of(text).as_bytes();
    if !bytes.contains(&b'[') {
        return;
    }
    // A wikilink needs `[[` and a markdown link `](`: a line without one
    // has none of that kind (most lines with a `[` are tasks), so its scan
    // is skipped.
    let first = out.len();
    let line_text = line.of(text);
    if has_pair(line_text, '[', b'[') {
        scan_wikilinks(text, line.start, bytes, out);
    }
    if has_pair(line_text, ']', b'(') {
        let wiki: Vec<Span> = out
            .get(first..)
            .unwrap_or_default()
            .iter()
            .map(|l| l.span)
            .collect();
        scan_markdown(text, line.start, bytes, &wiki, out);
    }
}

/// Whether `first` is directly followed by `second` somewhere in `line`
/// (found by `memchr`, not byte by byte).
fn has_pair(line: &str, first: char, second: u8) -> bool {
    line.match_indices(first)
        .any(|(at, _)| line.as_bytes().get(at + 1) == Some(&second))
}

fn scan_wikilinks(text: &str, base: usize, bytes: &[u8], out: &mut Vec<Link>) {
    let at = |i: usize| bytes.get(i).copied();
    let mut i = 0;
    while i < bytes.len() {
        match at(i) {
            Some(b'\\') => i += 2,
            Some(b'[') if at(i + 1) == Some(b'[') => {
                // Find the closing `]]`; a new `[[` first restarts there.
                let mut j = i + 2;
                let mut close = None;
                while j + 1 < bytes.len() {
                    match (at(j), at(j + 1)) {
                        (Some(b']'), Some(b']')) => {
                            close = Some(j);
                            break;
                        }
                        (Some(b'['), Some(b'[')) => break,
                        _ => j += 1,
                    }
                }
                let Some(close) = close else {
                    i = if j + 1 < bytes.len() { j } else { bytes.len() };
                    continue;
                };
                let embed =
                    i > 0 && at(i - 1) == Some(b'!') && !(i > 1 && at(i - 2) == Some(b'\\'));
                let start = if embed { i - 1 } else { i };
                let content = Span::new(base + i + 2, base + close).of(text);
                if let Some((target, subpath, alias)) = wiki_parts(content) {
                    out.push(Link {
                        span: Span::new(base + start, base + close + 2),
                        kind: LinkKind::Wiki,
                        embed,
                        target,
                        subpath,
                        alias,
                    });
                }
                i = close + 2;
            }
            _ => i += 1,
        }
    }
}

/// Splits a wikilink's inside into target, subpath and alias.
fn wiki_parts(content: &str) -> Option<(String, Option<String>, Option<String>)> {
    let (left, alias) = match content.split_once('|') {
        Some((left, alias)) => (left.strip_suffix('\\').unwrap_or(left), Some(alias.trim())),
        None => (content, None),
    };
    let (target, subpath) = match left.split_once('#') {
        Some((target, rest)) => (target, Some(format!("#{}", rest.trim_end()))),
        None => (left, None),
    };
    let target = target.trim();
    let subpath = subpath.filter(|s| s != "#");
    if target.is_empty() && subpath.is_none() {
        return None;
    }
    Some((
        target.to_string(),
        subpath,
        alias.filter(|a| !a.is_empty()).map(str::to_string),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the invariants every reported link must satisfy.
    fn assert_spans(text: &str, links: &[Link]) {
        for link in links {
            let written = link.span.of(text);
            match (link.kind, link.embed) {
                (LinkKind::Wiki, false) => assert!(
                    written.starts_with("[[") && written.ends_with("]]"),
                    "should span the wikilink: {written:?}"
                ),
                (LinkKind::Wiki, true) => assert!(
                    written.starts_with("![[") && written.ends_with("]]"),
                    "should span the embed: {written:?}"
                ),
                (LinkKind::Markdown, embed) => {
                    assert!(
                        written.starts_with(if embed { "![" } else { "[" })
                            && written.ends_with(')'),
                        "should span the markdown link: {written:?}"
                    )
                }
            }
            assert!(!written.contains('\n'), "should keep a link on one line");
        }
        assert!(
            links.windows(2).all(|w| w[0].span.start <= w[1].span.start),
            "should sort links by start"
        );
    }

    fn found(text: &str) -> Vec<Link> {
        let got = links(text);
        assert_spans(text, &got);
        got
    }

    fn wiki(
        target: &str,
        subpath: Option<&str>,
        alias: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (
            target.to_string(),
            subpath.map(str::to_string),
            alias.map(str::to_string),
        )
    }

    fn parts(links: &[Link]) -> Vec<(String, Option<String>, Option<String>)> {
        links
            .iter()
            .map(|l| (l.target.clone(), l.subpath.clone(), l.alias.clone()))
            .collect()
    }

    #[test]
    fn should_read_every_obsidian_wikilink_form_with_lf_and_crlf() {
        for nl in ["\n", "\r\n"] {
            let text = [
                "[[Note]] [[Folder/Note]] [[Note#Heading]]",
                "[[Note#H1#H2]] and [[Note#^block-id]]",
                "[[Note|Alias]] [[Note#H|Alias]] [[#Local]]",
                "",
            ]
            .join(nl);
            let got = found(&text);
            assert_eq!(
                parts(&got),
                [
                    wiki("Note", None, None),
                    wiki("Folder/Note", None, None),
                    wiki("Note", Some("#Heading"), None),
                    wiki("Note", Some("#H1#H2"), None),
                    wiki("Note", Some("#^block-id"), None),
                    wiki("Note", None, Some("Alias")),
                    wiki("Note", Some("#H"), Some("Alias")),
                    wiki("", Some("#Local"), None),
                ],
                "should split target, subpath and alias ({nl:?})"
            );
            assert!(got.iter().all(|l| l.kind == LinkKind::Wiki && !l.embed));
        }
    }

    #[test]
    fn should_read_embeds_and_escaped_pipes_in_tables() {
        let text = "![[img.png|100x145]] ![[Note#Part]]\n\n| Who | Link |\n|---|---|\n| Ada | [[People/Ada\\|Ada L.]] |\n";
        let got = found(text);
        assert_eq!(
            parts(&got),
            [
                wiki("img.png", None, Some("100x145")),
                wiki("Note", Some("#Part"), None),
                wiki("People/Ada", None, Some("Ada L."))
            ]
        );
        assert!(
            got[0].embed && got[1].embed && !got[2].embed,
            "should mark embeds"
        );
        assert_eq!(
            got[0].span.of(text),
            "![[img.png|100x145]]",
            "should start an embed at the bang"
        );
    }

    #[test]
    fn should_read_relative_markdown_links_only() {
        let text = "[a](Note.md) [b](Folder/Note%20Name.md#Heading) [c](<Note name.md>) ![d](pic.png \"t\")\n[u](https://x.y) [m](mailto:a@b.c) [h](#anchor) [s](/abs.md) [e]() [o](obsidian://open)\n";
        let got = found(text);
        assert_eq!(
            parts(&got),
            [
                wiki("Note.md", None, Some("a")),
                wiki("Folder/Note Name.md", Some("#Heading"), Some("b")),
                wiki("Note name.md", None, Some("c")),
                wiki("pic.png", None, Some("d"))
            ]
        );
        assert!(got.iter().all(|l| l.kind == LinkKind::Markdown));
        assert!(got[3].embed, "should mark an image as an embed");
        assert_eq!(got[1].span.of(text), "[b](Folder/Note%20Name.md#Heading)");
    }

    #[test]
    fn should_skip_code_html_frontmatter_and_escapes() {
        let text = "\u{feff}---\ngoal: \"[[2026 Goals]]\"\n---\n`[[Inline]]` ```[[x]]```\n\n```\n[[Fenced]]\n```\n\n    [[Indented]]\n\n<div>\n[[Html]]\n</div>\n\n\\[[Escaped]] \\[\\[No]] [[Real 日本]] <span>[[Kept]]</span>\n[[Broken\nLine]] [[]] [[ 🎯 ]]";
        let got = found(text);
        let targets: Vec<&str> = got.iter().map(|l| l.target.as_str()).collect();
        assert_eq!(
            targets,
            ["Real 日本", "Kept", "🎯"],
            "should only report links outside code, html and frontmatter"
        );
    }

    #[test]
    fn should_not_mistake_wikilinks_for_markdown_links() {
        let text = "[[a]](b.md) [![img](a.png)](Note.md) [x [[y]]](z.md)";
        let got = found(text);
        let got: Vec<(LinkKind, &str)> = got.iter().map(|l| (l.kind, l.target.as_str())).collect();
        assert_eq!(
            got,
            [
                (LinkKind::Wiki, "a"),
                (LinkKind::Markdown, "Note.md"),
                (LinkKind::Markdown, "a.png"),
                (LinkKind::Wiki, "y")
            ]
        );
    }

    #[test]
    fn should_stay_linear_and_not_panic_on_pathological_lines() {
        let many_open = "[[".repeat(200_000);
        let many_md = "[a](b".repeat(100_000);
        let nested = format!("{}x{}", "[".repeat(100_000), "](y)".repeat(100_000));
        let parens = format!("[a]({}", "(".repeat(200_000));
        let mixed = "[[a]](b) [x](y.md) ".repeat(50_000);
        let started = std::time::Instant::now();
        for text in [
            many_open.as_str(),
            many_md.as_str(),
            nested.as_str(),
            parens.as_str(),
            mixed.as_str(),
            "\0[[\0]]",
            "![[",
            "[]()",
            "[[|]]",
            "\\",
            "[a](<b)",
        ] {
            found(text);
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "should scan pathological lines quickly"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)))]

        #[test]
        fn should_report_well_formed_spans_for_any_input(text in "([\\[\\]()!|#^<>`\\\\ a.:/%\n\u{feff}🎯-]|\r\n){0,80}") {
            found(&text);
        }
    }
}
