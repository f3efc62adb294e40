//! Calendar dates and periods.
//!
//! The core never reads a clock: every operation that depends on the date takes
//! a `today` string from its caller (the plugin's local date, or the CLI's
//! `--today`). This module parses it strictly and names periods the way
//! Periodic Notes does, with ISO-8601 weeks.

use chrono::{Datelike, NaiveDate};

use crate::error::{CoreError, CoreResult, ErrorCode};

/// A calendar day given by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(NaiveDate);

impl Day {
    /// Parses a strict `YYYY-MM-DD` date (four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> CoreResult<Self> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.get(4) == Some(&b'-')
            && bytes.get(7) == Some(&b'-')
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        let parsed = shaped
            .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .flatten();
        parsed.map(Day).ok_or_else(|| {
            CoreError::new(
                ErrorCode::InvalidDate,
                format!("\"{text}\" is not a date in the form YYYY-MM-DD."),
            )
        })
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The date as `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }

    /// Whole days from `earlier` to this day (negative when `earlier` is later).
    pub fn days_since(self, earlier: Day) -> i64 {
        (self.0 - earlier.0).num_days()
    }

    /// The date for people: `Jan 17, 2026`.
    pub fn long(self) -> String {
        self.0.format("%b %-d, %Y").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_valid_day_and_formats_it_back() {
        let day = Day::parse("2026-01-17").unwrap();
        assert_eq!(day.year(), 2026, "should read the year");
        assert_eq!(day.iso(), "2026-01-17", "should round-trip");
    }

    #[test]
    fn refuses_dates_that_are_not_strict_iso_days() {
        for bad in [
            "2026-02-30",
            "2026-1-17",
            "17/01/2026",
            "",
            "2026-01-17T00:00",
            "２０２６-01-17",
        ] {
            let err = Day::parse(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidDate, "should refuse {bad:?}");
        }
    }
}
