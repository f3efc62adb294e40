//! The fast heading scan must agree with comrak whenever it answers.
//!
//! Random notes are built from line fragments chosen to hit every construct
//! the scan models (and some it must give up on); byte soup from a small
//! alphabet covers what the fragments miss.

mod common;

use career_core::note::headings::{by_comrak, fast_scan};
use common::{cases, note};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

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

    // Every first byte that can open a block (`+` and `_` and the other digits
    // too), against the ones that cannot, at the start of lines.
    #[test]
    fn fast_scan_agrees_with_comrak_on_line_starts(text in "([+_90)x|=\\-*#>` ]{0,4}[a .)\t]{0,3}\n?){0,12}") {
        if let Some(fast) = fast_scan(&text) {
            prop_assert_eq!(fast, by_comrak(&text), "note: {:?}", text);
        }
    }
}

/// Lines that open an HTML block of kind 7 (a tag alone on its line) or start
/// a paragraph (a tag followed by text), from real notes (Obsidian's release
/// notes) and CommonMark's grammar: an `===` after a paragraph makes a heading,
/// after an HTML block it does not. The scan must decide each as comrak does.
#[test]
fn tags_that_open_html_blocks_or_paragraphs_read_as_comrak_reads_them() {
    let lines = [
        "<small>Released August 31, 2022</small>",
        "<img alt=\"canvas-promo\" src=\"https://example.com/a.png\">",
        "<img alt=\"new app icon\" src=\"https://obsidian.md/x.png\" width=\"400\">",
        "<video width=\"640\" height=\"480\" controls>",
        "<video src=\"v.mp4\" controls=\"controls\" style=\"max-height:400px\"></video>",
        "<br/>",
        "<br />",
        "</small>",
        "</small >",
        "</small/>",
        "<a href=x/>",
        "<a href=>",
        "<a href='x>",
        "<a b c>",
        "<a b=1c>",
        "<a b = \"1\"   >  ",
        "<x-y data-a=\"1\"/>",
        "<a_b>",
        "<1a>",
        "<a\tb='1'>",
        "<span>x</span>",
        "<i>",
    ];
    for line in lines {
        for text in [
            format!("{line}\n===\n# After\n"),
            format!("{line}\nmore\n---\n## After\n"),
            format!("intro\n{line}\n===\n"),
        ] {
            let fast = fast_scan(&text).unwrap_or_else(|| panic!("the scan decides {line:?}"));
            assert_eq!(fast, by_comrak(&text), "{text:?}");
        }
    }
}

/// Notes on which the scan once found headings comrak does not (or missed
/// one), found by `fast_scan_agrees_with_comrak_on_line_starts`: a tab after a
/// list marker's space or in a quote's indentation, an empty item or `===`
/// opening a container's content, an indented line continuing an item's
/// paragraph. Kept so the difference never comes back.
#[test]
fn the_scan_equals_comrak_where_they_once_differed() {
    for text in [
        "- \t)\na\n-",
        "- \tx\na\n-",
        ">*\na\n=",
        "> *\na\n=",
        "* =\n_\n-",
        "* =\nb\n-",
        ">  \tx\n=\n=",
        "* 9\n\t\ta\na\n=",
        "* 9\n          a\na\n=",
    ] {
        if let Some(fast) = fast_scan(text) {
            assert_eq!(fast, by_comrak(text), "note: {text:?}");
        }
    }
}

/// A table ended by an ATX heading on the next line, as in the help vault's
/// "Map view" note: comrak ends the table there, and the scan must find the
/// heading itself instead of handing the whole note to comrak (a tenth of a
/// benchmark pass over the corpus went to that one note).
#[test]
fn an_atx_heading_right_after_a_table_is_found_by_the_scan() {
    let tables = [
        "| a |\n| - |\n| b |\n",
        "| Name | URL |\n| --- | --- |\n| Dark | `x` |\n",
        "| a |\n| - |\n",
        "x | y\n--- | ---\nc | d\n",
    ];
    let headings = [
        "#### Useful links\n",
        "# H\n",
        "   ## H\n",
        "#\n",
        "# H #\n",
        "# a | b\n",
        "# `a|b`\n",
        "## [[x|y]]\n",
    ];
    for table in tables {
        for heading in headings {
            for text in [
                format!("{table}{heading}"),
                format!("intro\n\n{table}{heading}after\n"),
                format!("# Top\n{table}{heading}| not | a row |\n"),
            ] {
                let fast = fast_scan(&text).unwrap_or_else(|| panic!("the scan decides {text:?}"));
                assert_eq!(fast, by_comrak(&text), "{text:?}");
            }
        }
    }
    // Not headings: a row to comrak, or indented code; the scan decides or defers.
    for line in ["#H\n", "    # H\n", "\t# H\n", "####### H\n"] {
        let text = format!("| a |\n| - |\n| b |\n{line}");
        if let Some(fast) = fast_scan(&text) {
            assert_eq!(fast, by_comrak(&text), "{text:?}");
        }
    }
}
