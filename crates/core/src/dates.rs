//! Calendar dates and periods.
//!
//! The core never reads a clock: every operation that depends on the date takes
//! a `today` string from its caller (the plugin's local date, or the CLI's
//! `--today`). This module parses it strictly and names periods the way
//! Periodic Notes does, with ISO-8601 weeks.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::{CoreError, CoreResult, ErrorCode};

/// The years a day can be in: four digits, so every period has a label
/// (`2026-W03`) that sorts and reads back. A day outside is refused.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// The refusal for a year outside [`YEARS`], naming what was given.
pub fn out_of_range(what: &str) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidDate,
        format!(
            "{what} is outside the years Career Coach plans for: use a date from {} to {}.",
            YEARS.start(),
            YEARS.end()
        ),
    )
}

/// A calendar day given by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(NaiveDate);

impl Day {
    /// The earliest day chrono can represent; a fallback that never panics.
    pub const EARLIEST: Day = Day(NaiveDate::MIN);

    /// Parses a strict `YYYY-MM-DD` date (four-digit year, two-digit month
    /// and day) in the years 1000 to 9999 ([`YEARS`]).
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
        let day = parsed.map(Day).ok_or_else(|| {
            CoreError::new(
                ErrorCode::InvalidDate,
                format!("\"{text}\" is not a date in the form YYYY-MM-DD."),
            )
        })?;
        if day.in_range() {
            Ok(day)
        } else {
            Err(out_of_range(&format!("\"{text}\"")))
        }
    }

    /// Whether the day is in the years 1000 to 9999 ([`YEARS`]).
    pub fn in_range(self) -> bool {
        YEARS.contains(&self.year())
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

    /// The day from a year, month (1–12) and day of month, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Day)
    }

    /// The calendar month, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// Days since Monday: 0 for Monday … 6 for Sunday.
    pub fn weekday_from_monday(self) -> u32 {
        self.0.weekday().num_days_from_monday()
    }

    /// This day moved by `days` (negative goes back). Saturates at chrono's
    /// date range instead of panicking.
    pub fn add_days(self, days: i64) -> Self {
        let moved = if days >= 0 {
            self.0.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            self.0.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        Day(moved.unwrap_or(self.0))
    }

    /// The ISO-8601 week-numbering year and week (1–53) this day falls in.
    pub fn iso_week(self) -> (i32, u32) {
        let week = self.0.iso_week();
        (week.year(), week.week())
    }

    /// The Monday of an ISO week, if the year has that week.
    pub fn from_iso_week(year: i32, week: u32) -> Option<Self> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(Day)
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
            "0000-01-01",
            "0999-12-31",
        ] {
            let err = Day::parse(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidDate, "should refuse {bad:?}");
        }
    }
}
