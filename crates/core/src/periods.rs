//! Planning periods: ISO-8601 weeks, calendar months, and (fiscal) quarters and years.
//!
//! The goal cascade and the reviews speak of periods by the labels Periodic
//! Notes uses by default: `2026-W03`, `2026-01`, `2026-Q1` and `2026`.
//!
//! - Weeks are ISO-8601: they start on Monday, and week 1 is the week with the
//!   year's first Thursday, so 2026-12-31 and 2027-01-01 are both in `2026-W53`.
//!   A week belongs to the month (and quarter) of its Thursday, which puts every
//!   week in exactly one month.
//! - Months are calendar months.
//! - Quarters and years follow the fiscal year: with a fiscal year that starts
//!   in April, `2026-Q1` is April–June 2026 and `2026` runs from April 2026 to
//!   March 2027. A fiscal year is labelled by the calendar year it starts in.
//!   With the default (January) they are calendar quarters and years.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dates::Day;
use crate::error::{CoreError, CoreResult, ErrorCode};

/// When the planning year starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiscalYear {
    start_month: u32,
}

impl Default for FiscalYear {
    fn default() -> Self {
        Self { start_month: 1 }
    }
}

impl FiscalYear {
    /// A fiscal year starting in `start_month` (1–12).
    pub fn starting(start_month: u32) -> CoreResult<Self> {
        if (1..=12).contains(&start_month) {
            Ok(Self { start_month })
        } else {
            Err(CoreError::new(
                ErrorCode::InvalidSettings,
                format!("The fiscal year start month {start_month} is not a month from 1 to 12."),
            ))
        }
    }

    /// The month (1–12) the fiscal year starts in.
    pub fn start_month(self) -> u32 {
        self.start_month
    }

    /// The fiscal year (labelled by the calendar year it starts in) of a month.
    pub fn year_of(self, year: i32, month: u32) -> i32 {
        if month >= self.start_month {
            year
        } else {
            year - 1
        }
    }

    /// The fiscal quarter (1–4) of a calendar month.
    pub fn quarter_of(self, month: u32) -> u32 {
        (month + 12 - self.start_month) % 12 / 3 + 1
    }

    /// The calendar month `offset` months (0–11) into fiscal year `year`.
    fn month_at(self, year: i32, offset: u32) -> (i32, u32) {
        let zero_based = self.start_month - 1 + offset;
        (year + (zero_based / 12) as i32, zero_based % 12 + 1)
    }
}

/// The kinds of period, from shortest to longest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodKind {
    /// An ISO-8601 week.
    Week,
    /// A calendar month.
    Month,
    /// A fiscal quarter.
    Quarter,
    /// A fiscal year.
    Year,
}

impl PeriodKind {
    /// `weekly`, `monthly`, `quarterly` or `annual`: the review's adjective.
    pub fn adjective(self) -> &'static str {
        match self {
            Self::Week => "weekly",
            Self::Month => "monthly",
            Self::Quarter => "quarterly",
            Self::Year => "annual",
        }
    }

    /// Reads `week`/`weekly`, `month`/`monthly`, `quarter`/`quarterly`, `year`/`annual`/`yearly`.
    pub fn parse(text: &str) -> CoreResult<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "week" | "weekly" => Ok(Self::Week),
            "month" | "monthly" => Ok(Self::Month),
            "quarter" | "quarterly" => Ok(Self::Quarter),
            "year" | "yearly" | "annual" | "annually" => Ok(Self::Year),
            _ => Err(CoreError::new(
                ErrorCode::InvalidInput,
                format!(
                    "\"{text}\" is not a period kind: use weekly, monthly, quarterly or annual."
                ),
            )),
        }
    }
}

/// One period, labelled the way Periodic Notes names it by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// An ISO week.
    Week {
        /// The ISO week-numbering year.
        year: i32,
        /// 1–53.
        week: u32,
    },
    /// A calendar month.
    Month {
        /// The calendar year.
        year: i32,
        /// 1–12.
        month: u32,
    },
    /// A fiscal quarter.
    Quarter {
        /// The fiscal year.
        year: i32,
        /// 1–4.
        quarter: u32,
    },
    /// A fiscal year.
    Year {
        /// The fiscal year (the calendar year it starts in).
        year: i32,
    },
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1–12).
pub fn month_name(month: u32) -> &'static str {
    MONTH_NAMES
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

impl Period {
    /// The period of `kind` that contains `day`.
    pub fn containing(kind: PeriodKind, day: Day, fiscal: FiscalYear) -> Self {
        match kind {
            PeriodKind::Week => {
                let (year, week) = day.iso_week();
                Self::Week { year, week }
            }
            PeriodKind::Month => Self::Month {
                year: day.year(),
                month: day.month(),
            },
            PeriodKind::Quarter => Self::Quarter {
                year: fiscal.year_of(day.year(), day.month()),
                quarter: fiscal.quarter_of(day.month()),
            },
            PeriodKind::Year => Self::Year {
                year: fiscal.year_of(day.year(), day.month()),
            },
        }
    }

    /// Parses `2026-W03`, `2026-01`, `2026-Q1` or `2026`, refusing weeks and
    /// months that do not exist (`2026-W54`, `2021-W53`, `2026-13`).
    pub fn parse(text: &str) -> CoreResult<Self> {
        let t = text.trim();
        let bad = || {
            CoreError::new(
                ErrorCode::InvalidInput,
                format!(
                    "\"{text}\" is not a period: use 2026-W03 (ISO week), 2026-01 (month), 2026-Q1 (quarter) or 2026 (year)."
                ),
            )
        };
        let year_of = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let period = if let Some(year) = year_of(t) {
            Some(Self::Year { year })
        } else {
            let (y, rest) = t.split_at_checked(4).ok_or_else(bad)?;
            let year = year_of(y).ok_or_else(bad)?;
            let rest = rest.strip_prefix('-').ok_or_else(bad)?;
            if let Some(w) = rest.strip_prefix('W').or_else(|| rest.strip_prefix('w')) {
                number(w, 2)
                    .filter(|&week| Day::from_iso_week(year, week).is_some())
                    .map(|week| Self::Week { year, week })
            } else if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
                number(q, 1)
                    .filter(|q| (1..=4).contains(q))
                    .map(|quarter| Self::Quarter { year, quarter })
            } else {
                number(rest, 2)
                    .filter(|m| (1..=12).contains(m))
                    .map(|month| Self::Month { year, month })
            }
        };
        let period = period.ok_or_else(bad)?;
        if crate::dates::YEARS.contains(&period.year()) {
            Ok(period)
        } else {
            Err(crate::dates::out_of_range(&format!("\"{text}\"")))
        }
    }

    /// The year in the period's label (ISO week-numbering year for a week,
    /// fiscal year for a quarter or year).
    pub fn year(self) -> i32 {
        match self {
            Self::Week { year, .. }
            | Self::Month { year, .. }
            | Self::Quarter { year, .. }
            | Self::Year { year } => year,
        }
    }

    /// The period itself when its label and every day in it fall in the years
    /// 1000 to 9999; otherwise an `invalid_date` error. Arithmetic near those
    /// ends (the week after 9999-W52, the fiscal year before 1000) is refused
    /// here instead of naming a note `10000` or `0999`.
    pub fn in_range(self, fiscal: FiscalYear) -> CoreResult<Self> {
        let years = crate::dates::YEARS;
        if years.contains(&self.year())
            && self.first_day(fiscal).in_range()
            && self.last_day(fiscal).in_range()
        {
            Ok(self)
        } else {
            Err(crate::dates::out_of_range(&format!("The period {self}")))
        }
    }

    /// What kind of period this is.
    pub fn kind(self) -> PeriodKind {
        match self {
            Self::Week { .. } => PeriodKind::Week,
            Self::Month { .. } => PeriodKind::Month,
            Self::Quarter { .. } => PeriodKind::Quarter,
            Self::Year { .. } => PeriodKind::Year,
        }
    }

    /// The period's first day.
    pub fn first_day(self, fiscal: FiscalYear) -> Day {
        let day = match self {
            Self::Week { year, week } => Day::from_iso_week(year, week),
            Self::Month { year, month } => Day::from_ymd(year, month, 1),
            Self::Quarter { year, quarter } => {
                let (y, m) = fiscal.month_at(year, (quarter.clamp(1, 4) - 1) * 3);
                Day::from_ymd(y, m, 1)
            }
            Self::Year { year } => {
                let (y, m) = fiscal.month_at(year, 0);
                Day::from_ymd(y, m, 1)
            }
        };
        day.unwrap_or(Day::EARLIEST)
    }

    /// The period's last day.
    pub fn last_day(self, fiscal: FiscalYear) -> Day {
        self.next(fiscal).first_day(fiscal).add_days(-1)
    }

    /// Whether `day` falls in this period.
    pub fn contains(self, day: Day, fiscal: FiscalYear) -> bool {
        self.first_day(fiscal) <= day && day <= self.last_day(fiscal)
    }

    /// The period after this one.
    pub fn next(self, fiscal: FiscalYear) -> Self {
        match self {
            Self::Week { .. } => {
                Self::containing(PeriodKind::Week, self.first_day(fiscal).add_days(7), fiscal)
            }
            Self::Month { year, month } if month >= 12 => Self::Month {
                year: year + 1,
                month: 1,
            },
            Self::Month { year, month } => Self::Month {
                year,
                month: month + 1,
            },
            Self::Quarter { year, quarter } if quarter >= 4 => Self::Quarter {
                year: year + 1,
                quarter: 1,
            },
            Self::Quarter { year, quarter } => Self::Quarter {
                year,
                quarter: quarter + 1,
            },
            Self::Year { year } => Self::Year { year: year + 1 },
        }
    }

    /// The period before this one.
    pub fn previous(self, fiscal: FiscalYear) -> Self {
        Self::containing(self.kind(), self.first_day(fiscal).add_days(-1), fiscal)
    }

    /// For a week, the day that places it in a month and quarter: its Thursday.
    /// For other periods, their first day.
    pub fn anchor(self, fiscal: FiscalYear) -> Day {
        match self {
            Self::Week { .. } => self.first_day(fiscal).add_days(3),
            _ => self.first_day(fiscal),
        }
    }

    /// Whether this period lies within `outer` (a week by its Thursday).
    pub fn within(self, outer: Period, fiscal: FiscalYear) -> bool {
        self.kind() <= outer.kind()
            && Self::containing(outer.kind(), self.anchor(fiscal), fiscal) == outer
    }

    /// The months of a quarter or year (a month gives itself; a week, its month).
    pub fn months(self, fiscal: FiscalYear) -> Vec<Period> {
        let (year, from, count) = match self {
            Self::Week { .. } => {
                return vec![Self::containing(
                    PeriodKind::Month,
                    self.anchor(fiscal),
                    fiscal,
                )]
            }
            Self::Month { .. } => return vec![self],
            Self::Quarter { year, quarter } => (year, (quarter.clamp(1, 4) - 1) * 3, 3),
            Self::Year { year } => (year, 0, 12),
        };
        (from..from + count)
            .map(|offset| {
                let (year, month) = fiscal.month_at(year, offset);
                Self::Month { year, month }
            })
            .collect()
    }

    /// The ISO weeks that belong to this period (by their Thursday).
    pub fn weeks(self, fiscal: FiscalYear) -> Vec<Period> {
        let mut weeks = Vec::new();
        let first = self.first_day(fiscal);
        let last = self.last_day(fiscal);
        let mut week = Self::containing(PeriodKind::Week, first, fiscal);
        while week.first_day(fiscal) <= last {
            if week.within(self, fiscal) {
                weeks.push(week);
            }
            week = week.next(fiscal);
        }
        weeks
    }

    /// A heading-friendly name: `2026-W03`, `2026-01 January`, `2026-Q1`, `2026`.
    pub fn title(self) -> String {
        match self {
            Self::Month { month, .. } => format!("{self} {}", month_name(month)),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Self::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Self::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Self::Year { year } => write!(f, "{year:04}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).map_err(|e| serde::de::Error::custom(e.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn week_of(s: &str) -> String {
        Period::containing(PeriodKind::Week, day(s), FiscalYear::default()).to_string()
    }

    #[test]
    fn iso_weeks_across_year_ends() {
        assert_eq!(week_of("2026-12-31"), "2026-W53");
        assert_eq!(week_of("2027-01-01"), "2026-W53");
        assert_eq!(week_of("2027-01-04"), "2027-W01");
        assert_eq!(week_of("2020-12-31"), "2020-W53");
        assert_eq!(week_of("2021-01-03"), "2020-W53");
        assert_eq!(week_of("2019-12-30"), "2020-W01");
        assert_eq!(week_of("2026-01-01"), "2026-W01");
        assert_eq!(week_of("2025-12-29"), "2026-W01");
        assert_eq!(week_of("2026-11-21"), "2026-W47");
    }

    #[test]
    fn week_53_exists_only_in_long_years() {
        let fiscal = FiscalYear::default();
        let w53 = Period::parse("2020-W53").unwrap();
        assert_eq!(w53.first_day(fiscal).iso(), "2020-12-28");
        assert_eq!(w53.last_day(fiscal).iso(), "2021-01-03");
        assert_eq!(w53.next(fiscal).to_string(), "2021-W01");
        assert_eq!(
            Period::parse("2021-W01").unwrap().previous(fiscal),
            w53,
            "going back from 2021-W01 lands on 2020-W53"
        );
        assert!(Period::parse("2021-W53").is_err(), "2021 has 52 weeks");
        assert!(Period::parse("2026-W53").is_ok(), "2026 has 53 weeks");
    }

    #[test]
    fn parses_and_prints_every_kind() {
        for label in [
            "2026-W03", "2026-01", "2026-Q1", "2026", "2026-12", "2026-Q4",
        ] {
            assert_eq!(Period::parse(label).unwrap().to_string(), label);
        }
        for bad in [
            "2026-13", "2026-00", "2026-Q5", "2026-W00", "26-01", "2026/01", "", "2026-W3",
        ] {
            let err = Period::parse(bad).unwrap_err();
            assert_eq!(
                err.code,
                ErrorCode::InvalidInput,
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn a_week_belongs_to_the_month_of_its_thursday() {
        let fiscal = FiscalYear::default();
        // 2026-W05 runs Mon 26 Jan to Sun 1 Feb; its Thursday is 29 Jan.
        let w5 = Period::parse("2026-W05").unwrap();
        assert_eq!(w5.months(fiscal), vec![Period::parse("2026-01").unwrap()]);
        let january: Vec<String> = Period::parse("2026-01")
            .unwrap()
            .weeks(fiscal)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            january,
            ["2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05"]
        );
        let december: Vec<String> = Period::parse("2026-12")
            .unwrap()
            .weeks(fiscal)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(december.last().unwrap(), "2026-W53");
        assert_eq!(Period::parse("2026").unwrap().weeks(fiscal).len(), 53);
        assert_eq!(Period::parse("2027").unwrap().weeks(fiscal).len(), 52);
    }

    #[test]
    fn fiscal_years_shift_quarters_and_years() {
        let april = FiscalYear::starting(4).unwrap();
        let q = |s: &str| Period::containing(PeriodKind::Quarter, day(s), april).to_string();
        let y = |s: &str| Period::containing(PeriodKind::Year, day(s), april).to_string();
        assert_eq!(q("2026-04-01"), "2026-Q1");
        assert_eq!(q("2026-03-31"), "2025-Q4");
        assert_eq!(q("2027-01-15"), "2026-Q4");
        assert_eq!(y("2027-03-31"), "2026");
        assert_eq!(y("2027-04-01"), "2027");
        let fy = Period::parse("2026").unwrap();
        assert_eq!(fy.first_day(april).iso(), "2026-04-01");
        assert_eq!(fy.last_day(april).iso(), "2027-03-31");
        let q4 = Period::parse("2026-Q4").unwrap();
        let months: Vec<String> = q4.months(april).iter().map(ToString::to_string).collect();
        assert_eq!(months, ["2027-01", "2027-02", "2027-03"]);
        assert_eq!(q4.next(april).to_string(), "2027-Q1");
        assert_eq!(q4.next(april).first_day(april).iso(), "2027-04-01");
        let october = FiscalYear::starting(10).unwrap();
        assert_eq!(
            Period::containing(PeriodKind::Quarter, day("2026-11-21"), october).to_string(),
            "2026-Q1"
        );
        assert!(FiscalYear::starting(0).is_err());
        assert!(FiscalYear::starting(13).is_err());
    }

    #[test]
    fn calendar_quarters_by_default() {
        let fiscal = FiscalYear::default();
        let q = Period::containing(PeriodKind::Quarter, day("2026-11-21"), fiscal);
        assert_eq!(q.to_string(), "2026-Q4");
        assert_eq!(q.first_day(fiscal).iso(), "2026-10-01");
        assert_eq!(q.last_day(fiscal).iso(), "2026-12-31");
        assert!(Period::parse("2026-W53").unwrap().within(q, fiscal));
        // 2026-10-01 is a Thursday: W40 is the quarter's first week, W39 is not in it.
        assert!(Period::parse("2026-W40").unwrap().within(q, fiscal));
        assert!(!Period::parse("2026-W39").unwrap().within(q, fiscal));
    }
}
