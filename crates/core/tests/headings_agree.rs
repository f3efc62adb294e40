//! The fast heading scan must agree with comrak whenever it answers.
//!
//! Random notes are built from line fragments chosen to hit every construct
//! the scan models (and some it must give up on); byte soup from a small
//! alphabet covers what the fragments miss.

use career_core::note::headings::{by_comrak, fast_scan};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
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
    "- [x] done",
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
    "é ünïcode 🎯",
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
];

fn note() -> impl Strategy<Value = String> {
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
                text.push_str(&["---", "type: career-index", "---", ""].join(nl));
            }
            text.push_str(&lines.join(nl).replace('\n', nl).replace("\r\r\n", "\r\n"));
            if final_newline {
                text.push_str(nl);
            }
            text
        })
}

proptest! {
    // 4,000 cases by default; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(4000)
    ))]

    #[test]
    fn fast_scan_agrees_with_comrak_on_structured_notes(text in note()) {
        if let Some(fast) = fast_scan(&text) {
            prop_assert_eq!(fast, by_comrak(&text), "note: {:?}", text);
        }
    }

    #[test]
    fn fast_scan_agrees_with_comrak_on_byte_soup(text in "[#=\\-*>`~|<a1. \t\n\r\u{0}\\[\\]:]{0,120}") {
        if let Some(fast) = fast_scan(&text) {
            prop_assert_eq!(fast, by_comrak(&text), "note: {:?}", text);
        }
    }
}
