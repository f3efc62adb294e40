//! Which planning year `goals new` and the goals modal offer.
//!
//! Planning happens ahead: in the last quarter of a planning year the year
//! nearly over has little left to plan (most quarters and months are past),
//! so the next year is offered, and the shells say so and how to plan the
//! current one instead. The quarter follows the planning year's start month.

use serde::Serialize;

use crate::dates::Day;
use crate::goals::template::YEARS;
use crate::periods::{FiscalYear, Period, PeriodKind};

/// The year to offer and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearDefault {
    /// The planning year offered.
    pub year: i32,
    /// The planning year that contains today.
    pub current: i32,
    /// When the offer is not the current year: one sentence saying so.
    pub note: Option<String>,
}

/// The planning year to offer on `today`.
pub fn default_year(today: Day, fiscal: FiscalYear) -> YearDefault {
    let current = match Period::containing(PeriodKind::Year, today, fiscal) {
        Period::Year { year } => year,
        _ => today.year(),
    };
    let last_quarter = fiscal.quarter_of(today.month()) == 4;
    if !last_quarter || current >= *YEARS.end() {
        return YearDefault {
            year: current,
            current,
            note: None,
        };
    }
    let year = current + 1;
    YearDefault {
        year,
        current,
        note: Some(format!(
            "It is the last quarter of the {current} planning year, so these goals are for {year}."
        )),
    }
}
