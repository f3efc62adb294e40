//! `career chart`: every chart of every fixture vault (realistic, sparse,
//! empty, malformed) against its golden SVG in tests/golden/charts/, each
//! parsed by roxmltree, a strict XML parser, and checked for a `<title>`, a
//! `<desc>` with the text alternative, and `role="img"`. `UPDATE_GOLDEN=1`
//! rewrites the goldens (review the diff, and the gallery, before committing).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const KINDS: [&str; 6] = [
    "timeline", "skills", "network", "risks", "progress", "streak",
];
const VAULTS: [&str; 4] = ["realistic", "sparse", "empty", "malformed"];
const TODAY: &str = "2026-09-16";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chart(vault: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_career"))
        .arg("--vault")
        .arg(vault)
        .args(["--today", TODAY, "chart"])
        .args(args)
        .output()
        .unwrap()
}

/// Parses `svg` strictly and checks what every chart must carry.
fn check(svg: &str, what: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{what}");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg"),
        "{what}"
    );
    assert_eq!(root.attribute("role"), Some("img"), "{what}");
    let child = |name: &str| {
        root.children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or("")
    };
    assert!(!child("title").trim().is_empty(), "{what}: a <title>");
    assert!(!child("desc").trim().is_empty(), "{what}: a <desc>");
    let labelled = root.attribute("aria-labelledby").unwrap_or("");
    for id in labelled.split_whitespace() {
        assert!(
            doc.descendants().any(|n| n.attribute("id") == Some(id)),
            "{what}: #{id} exists"
        );
    }
    for text in root.descendants().filter(|n| n.has_tag_name("text")) {
        assert!(
            !text.text().unwrap_or("").is_empty(),
            "{what}: no empty <text>"
        );
    }
}

#[test]
fn every_chart_matches_its_golden_and_is_well_formed() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for vault in VAULTS {
        let dir = root().join("tests/golden/charts/vaults").join(vault);
        for kind in KINDS {
            let out = chart(&dir, &[kind]);
            assert!(
                out.status.success(),
                "{vault}/{kind}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let svg = String::from_utf8(out.stdout).unwrap();
            check(&svg, &format!("{vault}/{kind}"));
            let golden = root()
                .join("tests/golden/charts")
                .join(vault)
                .join(format!("{kind}.svg"));
            if update {
                std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
                std::fs::write(&golden, &svg).unwrap();
            } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(svg.as_str()) {
                stale.push(format!("{vault}/{kind}"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "differ from tests/golden/charts (UPDATE_GOLDEN=1 to accept): {stale:?}"
    );
}

/// The bullets vault holds the realistic Career Index written by hand: lists
/// instead of tables, renamed sections ("Career History", "Skills",
/// "Relationships", "Risks"), labels instead of subsections, links, a
/// checklist item with an indented mitigation. Each chart it feeds must be
/// the realistic golden, byte for byte, at every width.
#[test]
fn a_hand_written_index_draws_the_same_charts_as_the_template_tables() {
    let bullets = root().join("tests/golden/charts/vaults/bullets");
    let tables = root().join("tests/golden/charts/vaults/realistic");
    for kind in ["timeline", "skills", "network", "risks"] {
        let golden = root()
            .join("tests/golden/charts/realistic")
            .join(format!("{kind}.svg"));
        let out = chart(&bullets, &[kind]);
        let svg = String::from_utf8(out.stdout).unwrap();
        check(&svg, &format!("bullets/{kind}"));
        assert_eq!(
            svg,
            std::fs::read_to_string(&golden).unwrap(),
            "bullets/{kind} differs from {}",
            golden.display()
        );
        for width in ["390", "1280"] {
            let from_lists = chart(&bullets, &[kind, "--width", width]).stdout;
            let from_tables = chart(&tables, &[kind, "--width", width]).stdout;
            assert_eq!(
                String::from_utf8(from_lists).unwrap(),
                String::from_utf8(from_tables).unwrap(),
                "{kind} at {width}"
            );
        }
    }
}

/// The gallery README links (docs/charts/) is the realistic vault's charts
/// at 640 px, and on a phone (390 px) in docs/charts/phone/.
#[test]
fn the_gallery_shows_the_charts_as_they_are_drawn() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = root().join("tests/golden/charts/vaults/realistic");
    let mut stale = Vec::new();
    for (folder, width) in [("docs/charts", "640"), ("docs/charts/phone", "390")] {
        for kind in KINDS {
            let svg = String::from_utf8(chart(&dir, &[kind, "--width", width]).stdout).unwrap();
            check(&svg, &format!("gallery {kind} at {width}"));
            let file = root().join(folder).join(format!("{kind}.svg"));
            if update {
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(&file, &svg).unwrap();
            } else if std::fs::read_to_string(&file).ok().as_deref() != Some(svg.as_str()) {
                stale.push(format!("{folder}/{kind}.svg"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the gallery is out of date (UPDATE_GOLDEN=1 to refresh): {stale:?}"
    );
}

#[test]
fn the_empty_vault_says_what_to_add() {
    let dir = root().join("tests/golden/charts/vaults/empty");
    let out = chart(&dir, &["skills", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        value["placeholder"]
            .as_str()
            .unwrap()
            .contains("Skills Inventory"),
        "{value}"
    );
}

#[test]
fn every_width_stays_well_formed_and_inside_its_box() {
    let dir = root().join("tests/golden/charts/vaults/realistic");
    for width in ["300", "390", "1280"] {
        for kind in KINDS {
            let out = chart(&dir, &[kind, "--width", width]);
            let svg = String::from_utf8(out.stdout).unwrap();
            check(&svg, &format!("{kind} at {width}"));
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let w: i32 = doc
                .root_element()
                .attribute("width")
                .unwrap()
                .parse()
                .unwrap();
            for n in doc
                .descendants()
                .filter(|n| n.has_tag_name("rect") && n.attribute("class") != Some("bg"))
            {
                let x: i32 = n.attribute("x").unwrap().parse().unwrap();
                let rw: i32 = n.attribute("width").unwrap().parse().unwrap();
                assert!(
                    x >= 0 && x + rw <= w,
                    "{kind} at {width}: a rect at {x}+{rw} leaves the {w} px box"
                );
            }
        }
    }
}

#[test]
fn unknown_kinds_and_existing_notes_are_refused() {
    let dir = root().join("tests/golden/charts/vaults/realistic");
    let out = chart(&dir, &["pie"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("timeline, skills"));
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("note.md"), "# Mine\n").unwrap();
    let out = chart(tmp.path(), &["timeline", "--output", "note.md"]);
    assert!(!out.status.success(), "a note is never replaced by a chart");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("note.md")).unwrap(),
        "# Mine\n"
    );
    let out = chart(tmp.path(), &["timeline", "--output", "chart.svg"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check(
        &std::fs::read_to_string(tmp.path().join("chart.svg")).unwrap(),
        "written file",
    );
}
