//! Runs every blind spot spec under `tests/blindspot-specs/`: each
//! hand-written Career Index must show exactly the findings its spec lists,
//! and cite the lines it names. Every rule id must be listed in every case,
//! with the reason it fires or does not. The WASM build runs the same files
//! (tests/wasm/blindspot-specs.test.mjs).

// A test harness: a failed unwrap or index is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use career_core::blindspots::analyze;
use career_core::Day;

/// Every rule id the analysis can report.
const RULES: &[&str] = &[
    "empty_section",
    "vision_incomplete",
    "too_many_priorities",
    "no_annual_theme",
    "no_innovation_thesis",
    "internal_only_visibility",
    "no_business_metrics",
    "wins_not_quantified",
    "no_contingency",
    "no_external_sponsor",
    "no_transition_success_criteria",
    "no_mentee",
    "stale_index",
];

struct Expect {
    id: String,
    fires: bool,
    lines: Vec<usize>,
}

struct Case {
    name: String,
    today: String,
    note: String,
    expect: Vec<Expect>,
}

fn parse(file: &str, source: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for chunk in source.split("\n=== ").map(|c| c.trim_start_matches("=== ")) {
        if !chunk.contains("--- note") {
            continue;
        }
        let name = format!("{file}: {}", chunk.lines().next().unwrap_or("").trim());
        let (head, rest) = chunk.split_once("--- note\n").unwrap();
        let (note, expect) = rest
            .split_once("--- expect\n")
            .unwrap_or_else(|| panic!("{name}: no --- expect"));
        let today = head
            .lines()
            .find_map(|l| l.strip_prefix("today: "))
            .unwrap_or("2026-01-17")
            .trim()
            .to_string();
        let expect = expect
            .lines()
            .filter(|l| l.starts_with("+ ") || l.starts_with("- "))
            .map(|l| {
                let fires = l.starts_with('+');
                let (head, _why) = l[2..]
                    .split_once(':')
                    .unwrap_or_else(|| panic!("{name}: `{l}` gives no reason"));
                let (id, lines) = match head.split_once('[') {
                    Some((id, rest)) => {
                        let list = rest.trim_end_matches(']').trim_start_matches("lines");
                        let lines = list
                            .split(',')
                            .map(|n| n.trim().parse().unwrap_or_else(|_| panic!("{name}: {l}")))
                            .collect();
                        (id.trim().to_string(), lines)
                    }
                    None => (head.trim().to_string(), Vec::new()),
                };
                Expect { id, fires, lines }
            })
            .collect();
        cases.push(Case {
            name,
            today,
            note: note.to_string(),
            expect,
        });
    }
    cases
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/blindspot-specs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            parse(&name, &std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

#[test]
fn every_fixture_shows_exactly_the_findings_its_spec_lists() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let listed: BTreeSet<&str> = case.expect.iter().map(|e| e.id.as_str()).collect();
        for rule in RULES {
            assert!(
                listed.contains(rule),
                "{}: the spec must say whether {rule} fires",
                case.name
            );
        }
        for variant in [case.note.clone(), case.note.replace('\n', "\r\n")] {
            let findings = analyze(&variant, None, &[], Day::parse(&case.today).unwrap());
            let found: BTreeSet<&str> = findings.iter().map(|f| f.id.as_str()).collect();
            let wanted: BTreeSet<&str> = case
                .expect
                .iter()
                .filter(|e| e.fires)
                .map(|e| e.id.as_str())
                .collect();
            if found != wanted {
                failures.push(format!(
                    "{}: expected {wanted:?}, found {found:?}\n{findings:#?}",
                    case.name
                ));
                break;
            }
            for e in case.expect.iter().filter(|e| !e.lines.is_empty()) {
                let cited: BTreeSet<usize> = findings
                    .iter()
                    .filter(|f| f.id == e.id)
                    .flat_map(|f| f.lines.iter().copied())
                    .collect();
                for line in &e.lines {
                    if !cited.contains(line) {
                        failures.push(format!(
                            "{}: {} should cite line {line}, cites {cited:?}",
                            case.name, e.id
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        cases.len() >= 12,
        "at least 12 fixtures, found {}",
        cases.len()
    );
}

#[test]
fn every_rule_fires_and_stays_quiet_somewhere() {
    let cases = cases();
    for rule in RULES {
        let verdicts: BTreeSet<bool> = cases
            .iter()
            .flat_map(|c| c.expect.iter())
            .filter(|e| e.id == *rule)
            .map(|e| e.fires)
            .collect();
        assert_eq!(verdicts.len(), 2, "{rule} needs a firing and a quiet case");
    }
}
