//! Unit tests of the answer reader.
use super::*;
use crate::coach::questions::for_section;

#[test]
fn reads_a_scope_sentence_into_its_fields() {
    let q = for_section("current_role").unwrap();
    let r = read(
        q,
        "8 direct reports, ~65 total org, ~$20M budget, focus: Architecture + Innovation",
        2026,
    );
    let got: Vec<(&str, &str)> = r
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("direct_reports", "8"),
            ("total_org", "~65"),
            ("budget", "~$20M"),
            ("focus", "Architecture + Innovation")
        ]
    );
    assert!(r.missing.is_empty() && r.unplaced.is_empty());
}

#[test]
fn reads_a_vision_with_labels_and_keeps_prose_commas() {
    let q = for_section("vision").unwrap();
    let r = read(q, "CTO of a mission-driven company, teaching on the side\nLife: balance, travel with my partner\nReach: teaching and publishing", 2026);
    assert_eq!(
        r.get("north_star"),
        Some("CTO of a mission-driven company, teaching on the side")
    );
    assert_eq!(r.get("life"), Some("balance, travel with my partner"));
    assert_eq!(
        r.missing,
        ["role", "impact"],
        "missing fields become follow-ups"
    );
}

#[test]
fn reads_entries_per_line_or_semicolon_with_the_separators_people_use() {
    let q = for_section("timeline").unwrap();
    let r = read(q, "2019-now | Director | Lockton | GCC expansion; 2012-2019 - Architect - Aon - cloud move, on time", 2026);
    assert_eq!(
        r.entries,
        [
            vec!["2019-now", "Director", "Lockton", "GCC expansion"],
            vec!["2012-2019", "Architect", "Aon", "cloud move, on time"],
        ]
    );
}

#[test]
fn network_entries_find_their_kind_anywhere_and_wins_get_this_year() {
    let network = for_section("network").unwrap();
    let r = read(
        network,
        "Pat Kim | Global CIO | sponsor\nSam Ortiz, mentor, former CTO",
        2026,
    );
    assert_eq!(
        r.entries,
        [
            vec!["Pat Kim", "sponsor", "Global CIO"],
            vec!["Sam Ortiz", "mentor", "former CTO"]
        ]
    );
    let wins = for_section("wins").unwrap();
    let r = read(
        wins,
        "GAS Summit | ran it three years\n2025 | GCC expansion | Chennai to Trivandrum",
        2026,
    );
    assert_eq!(
        r.entries,
        [
            vec!["2026", "GAS Summit", "ran it three years"],
            vec!["2025", "GCC expansion", "Chennai to Trivandrum"]
        ]
    );
}

#[test]
fn keeps_what_fits_no_field_and_reads_items_without_their_markers() {
    let q = for_section("current_role").unwrap();
    let r = read(q, "8 direct reports\nI also run the guild", 2026);
    assert_eq!(
        r.unplaced,
        ["I also run the guild"],
        "nothing typed is dropped"
    );
    let tasks = for_section("open_tasks").unwrap();
    assert_eq!(
        read(tasks, "- [ ] Draft thesis\n2. Call Pat; Book a talk", 2026).items,
        ["Draft thesis", "Call Pat", "Book a talk"]
    );
}
