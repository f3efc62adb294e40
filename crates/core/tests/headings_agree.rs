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
}
