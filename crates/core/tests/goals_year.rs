//! The year `goals new` offers: in the last quarter of a planning year, the
//! next one (issue 14: "The year is wrong in December").

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use career_core::goals::year::{default_year, YearDefault};
use career_core::periods::FiscalYear;
use career_core::Day;

fn at(day: &str, start: u32) -> YearDefault {
    default_year(
        Day::parse(day).unwrap(),
        FiscalYear::starting(start).unwrap(),
    )
}

#[test]
fn december_offers_next_year_and_says_so() {
    // Regression: `goals new` on 6 December 2026 planned 2026.
    let d = at("2026-12-06", 1);
    assert_eq!(d.year, 2027);
    assert_eq!(d.current, 2026);
    let note = d.note.expect("says why");
    assert!(note.contains("2027"), "{note}");
    assert!(note.contains("last quarter of the 2026"), "{note}");
}

#[test]
fn first_three_quarters_offer_this_year_silently() {
    for day in ["2026-01-01", "2026-06-30", "2026-09-30"] {
        let d = at(day, 1);
        assert_eq!((d.year, d.note.is_none()), (2026, true), "{day}");
    }
    let d = at("2026-10-01", 1);
    assert_eq!(d.year, 2027);
}

#[test]
fn april_fiscal_start() {
    // FY2026 runs April 2026 – March 2027; its last quarter is January–March 2027.
    assert_eq!(at("2026-12-06", 4).year, 2026, "December is Q3 of FY2026");
    assert!(at("2026-12-06", 4).note.is_none());
    let d = at("2027-01-05", 4);
    assert_eq!((d.current, d.year), (2026, 2027));
    assert!(d.note.unwrap().contains("2027"));
    assert_eq!(at("2027-03-31", 4).year, 2027);
    assert_eq!(at("2027-04-01", 4).year, 2027);
    assert!(at("2027-04-01", 4).note.is_none());
}

#[test]
fn the_last_year_in_range_stays() {
    let d = at("9999-12-01", 1);
    assert_eq!(d.year, 9999);
}
