//! Issue 15: the `.ics` fires each reminder on the first day its review is
//! due (the days `career due` and the README use), and its UIDs are unique
//! per vault and stable across exports.
//!
//! The four events use only these RRULE parts, expanded here by the RFC
//! 5545 rules: `FREQ=WEEKLY;BYDAY=FR`, `FREQ=MONTHLY;[INTERVAL=n;]BYMONTHDAY=-k`
//! and `FREQ=YEARLY;BYMONTH=m;BYMONTHDAY=-k` (tests/wasm checks the same file
//! with a real iCalendar parser).

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use career_core::periods::{FiscalYear, Period, PeriodKind};
use career_core::reviews::calendar::calendar_for;
use career_core::reviews::due::due_from;
use career_core::Day;

/// One event: its UID, first day and rule parts.
struct Event {
    uid: String,
    summary: String,
    start: Day,
    rule: Vec<(String, String)>,
}

fn events(ics: &str) -> Vec<Event> {
    let unfolded = ics.replace("\r\n ", "");
    let mut out = Vec::new();
    let mut current: Option<Event> = None;
    for line in unfolded.split("\r\n") {
        let (key, value) = line.split_once(':').unwrap_or((line, ""));
        match key {
            "BEGIN" if value == "VEVENT" => {
                current = Some(Event {
                    uid: String::new(),
                    summary: String::new(),
                    start: Day::parse("2000-01-01").unwrap(),
                    rule: Vec::new(),
                });
            }
            "UID" => current.as_mut().unwrap().uid = value.to_string(),
            "SUMMARY" => current.as_mut().unwrap().summary = value.to_string(),
            "DTSTART;VALUE=DATE" => {
                let iso = format!("{}-{}-{}", &value[..4], &value[4..6], &value[6..8]);
                current.as_mut().unwrap().start = Day::parse(&iso).unwrap();
            }
            "RRULE" => {
                current.as_mut().unwrap().rule = value
                    .split(';')
                    .map(|p| {
                        let (k, v) = p.split_once('=').unwrap();
                        (k.to_string(), v.to_string())
                    })
                    .collect();
            }
            "END" if value == "VEVENT" => out.push(current.take().unwrap()),
            _ => {}
        }
    }
    out
}

fn month_end(day: Day) -> Day {
    let first = Day::parse(&format!("{:04}-{:02}-01", day.year(), day.month())).unwrap();
    let mut d = first.add_days(27);
    while d.add_days(1).month() == day.month() {
        d = d.add_days(1);
    }
    d
}

/// Whether the event recurs on `day` (an occurrence on or after its start).
fn occurs(e: &Event, day: Day) -> bool {
    if day < e.start {
        return false;
    }
    let part = |k: &str| {
        e.rule
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let from_end = |k: &str| -> i64 { part(k).unwrap().parse::<i64>().unwrap() };
    let months_apart = (day.year() - e.start.year()) * 12 + i32::try_from(day.month()).unwrap()
        - i32::try_from(e.start.month()).unwrap();
    match part("FREQ").unwrap() {
        "WEEKLY" => {
            assert_eq!(part("BYDAY"), Some("FR"));
            day.weekday_from_monday() == 4
        }
        "MONTHLY" => {
            let interval: i32 = part("INTERVAL").map_or(1, |i| i.parse().unwrap());
            months_apart % interval == 0
                && month_end(day).add_days(from_end("BYMONTHDAY") + 1) == day
        }
        "YEARLY" => {
            part("BYMONTH").unwrap().parse::<u32>().unwrap() == day.month()
                && month_end(day).add_days(from_end("BYMONTHDAY") + 1) == day
        }
        other => panic!("unexpected FREQ {other}"),
    }
}

fn kind_of(summary: &str) -> PeriodKind {
    match summary.split_whitespace().next().unwrap() {
        "Weekly" => PeriodKind::Week,
        "Monthly" => PeriodKind::Month,
        "Quarterly" => PeriodKind::Quarter,
        _ => PeriodKind::Year,
    }
}

/// Every day over three years: an event fires exactly on its kind's due days.
fn agrees(fiscal: FiscalYear, from: &str) {
    let today = Day::parse(from).unwrap();
    let ics = calendar_for(today, fiscal, "My vault");
    let found = events(&ics);
    assert_eq!(found.len(), 4);
    for e in &found {
        let kind = kind_of(&e.summary);
        let mut day = today;
        for _ in 0..(3 * 366) {
            let period = Period::containing(kind, day, fiscal);
            let first_due = due_from(period, fiscal) == day;
            if day >= e.start {
                assert_eq!(occurs(e, day), first_due, "{} on {}", e.summary, day.iso());
            }
            day = day.add_days(1);
        }
        assert!(e.start <= today.add_days(366), "{} starts soon", e.summary);
    }
}

#[test]
fn reminders_fire_on_the_first_due_day_of_each_cadence() {
    agrees(FiscalYear::default(), "2026-11-21");
    agrees(FiscalYear::starting(4).unwrap(), "2026-02-03");
    agrees(FiscalYear::starting(7).unwrap(), "2027-06-30");
}

#[test]
fn uids_are_unique_per_vault_and_stable_across_exports() {
    let fiscal = FiscalYear::default();
    let uids = |vault: &str, today: &str| -> Vec<String> {
        events(&calendar_for(Day::parse(today).unwrap(), fiscal, vault))
            .into_iter()
            .map(|e| e.uid)
            .collect()
    };
    let mine = uids("My vault", "2026-11-21");
    assert_eq!(
        mine,
        uids("My vault", "2027-03-02"),
        "stable across exports"
    );
    let theirs = uids("Work notes", "2026-11-21");
    for uid in &mine {
        assert!(!theirs.contains(uid), "{uid} is this vault's own");
    }
    let mut distinct = mine.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 4);
}
