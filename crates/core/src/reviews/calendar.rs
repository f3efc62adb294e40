//! The review cadence as an iCalendar file (RFC 5545), so a phone reminds.
//!
//! Four all-day recurring events, each on the first day its review is due
//! (the same days as [`due_from`], the README and `career due`): the weekly
//! review every Friday, the monthly review on each month's third-to-last
//! day, the quarterly review seven days before each fiscal quarter ends,
//! and the annual review 17 days before the fiscal year ends (Dec 15 with a
//! calendar year). Each has a display alarm at 09:00 on its day.
//!
//! The file is strictly RFC 5545: CRLF line endings, lines folded at 75
//! octets (never inside a UTF-8 character), text values escaped, `UID`s
//! stable across regenerations (so a calendar that subscribes to the file
//! updates the events instead of duplicating them) and unique per vault (a
//! hash of the vault's name, so two vaults' calendars never replace each
//! other's events), and `DTSTAMP` from `today`, never a clock.

use crate::dates::Day;
use crate::periods::{FiscalYear, Period, PeriodKind};
use crate::reviews::due::due_from;

/// One recurring review event.
struct Event {
    uid: &'static str,
    summary: &'static str,
    start: Day,
    rrule: String,
    command: &'static str,
    palette: &'static str,
}

fn ics_date(day: Day) -> String {
    day.iso().replace('-', "")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (RFC 5545 §3.1), with CRLF after each part.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

fn events(today: Day, fiscal: FiscalYear) -> Vec<Event> {
    let week = Period::containing(PeriodKind::Week, today, fiscal);
    let month = Period::containing(PeriodKind::Month, today, fiscal);
    let quarter = Period::containing(PeriodKind::Quarter, today, fiscal);
    let year = Period::containing(PeriodKind::Year, today, fiscal);
    let annual = due_from(year, fiscal);
    vec![
        Event {
            uid: "weekly-review@career-coach",
            summary: "Weekly career review",
            start: due_from(week, fiscal),
            rrule: "FREQ=WEEKLY;BYDAY=FR".into(),
            command: "career review weekly",
            palette: "Career Coach: Weekly review",
        },
        Event {
            uid: "monthly-review@career-coach",
            summary: "Monthly career review",
            start: due_from(month, fiscal),
            rrule: "FREQ=MONTHLY;BYMONTHDAY=-3".into(),
            command: "career review monthly",
            palette: "Career Coach: Monthly review",
        },
        Event {
            uid: "quarterly-review@career-coach",
            summary: "Quarterly career review",
            start: due_from(quarter, fiscal),
            rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-7".into(),
            command: "career review quarterly",
            palette: "Career Coach: Quarterly review",
        },
        Event {
            uid: "annual-review@career-coach",
            summary: "Annual career review",
            start: annual,
            rrule: format!("FREQ=YEARLY;BYMONTH={};BYMONTHDAY=-17", annual.month()),
            command: "career review annual",
            palette: "Career Coach: Annual review",
        },
    ]
}

/// The review cadence as an `.ics` file's text (CRLF line endings), with
/// UIDs unique to the vault named `vault`.
pub fn calendar_for(today: Day, fiscal: FiscalYear, vault: &str) -> String {
    calendar_with(
        today,
        fiscal,
        &format!("{:016x}", crate::hash::fnv1a(vault.trim())),
    )
}

/// The review cadence for a vault without a name (UIDs without a vault part).
pub fn calendar(today: Day, fiscal: FiscalYear) -> String {
    calendar_with(today, fiscal, "")
}

fn calendar_with(today: Day, fiscal: FiscalYear, vault_id: &str) -> String {
    let stamp = format!("{}T000000Z", ics_date(today));
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Career Coach//Career reviews//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "X-WR-CALNAME:Career reviews".into(),
    ];
    for event in events(today, fiscal) {
        let description = format!(
            "Time for your {}. In Obsidian run the command \"{}\"; in a terminal run `{}`.",
            event.summary.to_lowercase(),
            event.palette,
            event.command
        );
        lines.extend([
            "BEGIN:VEVENT".into(),
            if vault_id.is_empty() {
                format!("UID:{}", event.uid)
            } else {
                format!("UID:{vault_id}-{}", event.uid)
            },
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", ics_date(event.start)),
            format!("DTEND;VALUE=DATE:{}", ics_date(event.start.add_days(1))),
            format!("RRULE:{}", event.rrule),
            format!("SUMMARY:{}", escape(event.summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            "TRANSP:TRANSPARENT".into(),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", escape(event.summary)),
            "TRIGGER;RELATED=START:PT9H".into(),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let long = format!("DESCRIPTION:{}", "é".repeat(60));
        let folded = fold(&long);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), long);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
