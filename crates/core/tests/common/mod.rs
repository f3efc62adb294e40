//! Shared test support: random notes built from markdown fragments, and the corpus.
#![allow(dead_code, clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;

/// Line fragments chosen to hit every construct the note model handles.
pub const FRAGMENTS: &[&str] = &[
    "# H1",
    "## H2 ##",
    "### x",
    "####### seven",
    "#tag",
    "\\# escaped",
    "   ## indented",
    "    ## code",
    "#",
    "# ",
    "## Trailing ###   ",
    "## Network & Influence",
    "### Sponsors",
    "## Open Tasks",
    "## Vision",
    "Para text",
    "more text",
    "===",
    "---",
    "- - -",
    "***",
    "___",
    "  ---",
    "```",
    "```js",
    "~~~",
    "````",
    "``` a`b",
    "    code",
    "   ```",
    "- item",
    "- [ ] task",
    "- [x] done 📅 2026-01-17",
    "* star",
    "+ plus",
    "1. one",
    "2. two",
    "10) ten",
    "-",
    "- ",
    "  - nested",
    "\t- tabbed",
    "    - deep",
    "-\tx",
    "1.     wide",
    "> quote",
    "> ## in quote",
    ">",
    "> ```",
    "> - q item",
    ">\ttab",
    "> [!note] Callout",
    "| a | b |",
    "|---|---|",
    "| [[N\\|A]] | `x|y` |",
    "a | b",
    "--- | ---",
    "| x |",
    ":---",
    "|:-:|",
    "<div>",
    "</div>",
    "<!-- c",
    "-->",
    "<span>x</span>",
    "<script>",
    "</script>",
    "<custom-tag>",
    "<br/>",
    "<small>Released today</small>",
    "</small>",
    "<b >",
    "<i>",
    "<img alt=\"x y\" src='a.png' width=400>",
    "<video src=\"v.mp4\" controls></video>",
    "<a href=x/>",
    "<a href=>",
    "<x-y data-a = \"1\" />  ",
    "<p class=\"open",
    "[ref]: /url",
    "",
    "",
    "",
    "  ",
    "\t",
    "text | pipe",
    "  continuation",
    "- ```",
    "  ```",
    "é ünïcode 🎯 准备",
    "a\u{0}b",
    "  > nested quote",
    "   - three",
    "     five",
    "Setext",
    "=",
    "-",
    "---\ntitle: x\n---",
    "<?php",
    "?>",
    "see [[Note#H|alias]] and ![[img.png]]",
    "[md](Other%20Note.md)",
    "  - [ ] nested task",
    "trailing spaces   ",
];

/// A random note: fragments joined with LF or CRLF, maybe a BOM, frontmatter
/// and a final newline.
pub fn note() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(lines, crlf, bom, frontmatter, final_newline)| {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            if frontmatter {
                text.push_str(&["---", "type: career-index", "tags: [career]", "---", ""].join(nl));
            }
            text.push_str(&lines.join(nl).replace('\n', nl).replace("\r\r\n", "\r\n"));
            if final_newline {
                text.push_str(nl);
            }
            text
        })
}

/// Proptest cases: 4,000 by default, `PROPTEST_CASES=N` for a longer hunt.
pub fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000)
}

/// The 173 Obsidian help notes beside the repository (`../shared/corpus/`).
pub fn corpus() -> Vec<(String, String)> {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/obsidian-help-en");
    let files = files_under(&root, &["md"]);
    assert!(
        !files.is_empty(),
        "the corpus is missing at {}: the lossless tests need ../shared/corpus beside the repository",
        root.display()
    );
    files
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// Every file under `dir`, at any depth, whose extension is one of
/// `extensions`, sorted; none when `dir` cannot be read (callers assert
/// what they need to find).
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, extensions, &mut out);
    out.sort();
    out
}
