//! Charts as a person reads them: the same picture whether the Career Index
//! keeps a table or a list under whatever name, the employer recognised
//! under its variants, and every label whole and inside the canvas on a
//! phone (390 px) and a desktop (1280 px).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use career_core::charts::scene::text_width;
use career_core::charts::{chart, Anchor, ChartInput, ChartOptions, Scene, Shape, KINDS};
use career_core::{Day, Settings};

const INDEX: &str = "Career/0_Career_Index.md";

fn today() -> Day {
    Day::parse("2026-09-16").unwrap()
}

fn draw(kind: &str, notes: &[(String, String)], width: i32) -> Scene {
    draw_in(None, &format!("kind: {kind}"), notes, width)
}

/// A chart drawn by a block in the note at `source`.
fn draw_in(
    source: Option<&str>,
    source_text: &str,
    notes: &[(String, String)],
    width: i32,
) -> Scene {
    let options = career_core::charts::parse_block(source_text).unwrap();
    chart(&ChartInput {
        options: &ChartOptions {
            width: Some(width),
            ..options
        },
        today: today(),
        settings: &Settings::default(),
        notes,
        source,
    })
    .unwrap()
}

fn index(text: &str) -> Vec<(String, String)> {
    vec![(INDEX.to_string(), text.to_string())]
}

/// The realistic fixture vault: a filled index, a goals note and a year of reviews.
fn realistic() -> Vec<(String, String)> {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/charts/vaults/realistic");
    let mut notes = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let rel = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                notes.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    notes.sort();
    notes
}

#[test]
fn a_timeline_list_draws_what_its_table_draws() {
    let table = "# Career\n\n## Timeline\n\n| Years | Role | Company | Key Achievement |\n|---|---|---|---|\n| 2022–now | Staff Engineer | Acme | Led the migration |\n| 2019–2022 | Senior Engineer | Globex | |\n| 2015–2019 | Engineer | Initech | Billing rewrite |\n\nPattern: IC → Staff\n";
    for list in [
        "# Career\n\n## Career History\n\n- 2022–now — Staff Engineer, Acme — Led the migration\n- 2019–2022 — Senior Engineer, Globex\n- 2015–2019 — Engineer, Initech — Billing rewrite\n\nPattern: IC → Staff\n",
        "# Career\n\n### Experience\n\n- Staff Engineer at Acme (2022–now): Led the migration\n- Senior Engineer at Globex, 2019–2022\n- **2015–2019** Engineer at Initech (Billing rewrite)\n\n**Pattern:** IC → Staff\n",
    ] {
        assert_eq!(
            draw("timeline", &index(list), 640),
            draw("timeline", &index(table), 640),
            "{list}"
        );
    }
}

#[test]
fn a_skills_list_draws_what_its_table_draws() {
    let table = "# Career\n\n## Growth\n\n### Skills Inventory\n\n| Domain | Level | Last Active |\n|---|---|---|\n| Rust | Expert | 2026 |\n| Go | Proficient | 2021 |\n| SQL | 4/5 | 2025 |\n";
    for list in [
        "# Career\n\n## Skills\n\n- Rust — Expert, 2026\n- Go: Proficient, last used 2021\n- **SQL** (4/5, 2025)\n",
        "# Career\n\n## Growth\n\n- Rust — Expert · 2026\n- Go — Proficient (2021)\n- SQL — 4/5, 2025\n- Read more papers\n",
    ] {
        assert_eq!(
            draw("skills", &index(list), 640),
            draw("skills", &index(table), 640),
            "{list}"
        );
    }
}

#[test]
fn a_risk_list_draws_what_its_table_draws() {
    let table = "# Career\n\n## Risk Register\n\n| Risk | Likelihood | Impact | Mitigation |\n|---|---|---|---|\n| Vendor lock-in | High | Medium | Keep an exit plan |\n| Reorg | Low | High | |\n| Burnout | Medium | Medium | Four-day weeks |\n";
    for list in [
        "# Career\n\n## Risks\n\n- Vendor lock-in — high likelihood, medium impact; mitigation: Keep an exit plan\n- Reorg — likelihood: low, impact: high\n- Burnout (medium / medium) — plan: Four-day weeks\n",
        "# Career\n\n## Career Risks\n\n- [ ] **Vendor lock-in**: likelihood high, impact medium\n  - Mitigation: Keep an exit plan\n- [ ] Reorg (low/high) — mitigation: none\n- [x] Burnout — medium likelihood · medium impact — fallback: Four-day weeks\n",
    ] {
        assert_eq!(
            draw("risks", &index(list), 640),
            draw("risks", &index(table), 640),
            "{list}"
        );
    }
}

#[test]
fn a_network_list_draws_what_its_tables_draw() {
    let tables = "# Career\n\n## Timeline\n\n| Years | Role | Company |\n|---|---|---|\n| 2021–now | Director | Northwind |\n\n## Network & Influence\n\n### Sponsors\n\n| Name | Context |\n|---|---|\n| Jane Doe | VP Eng, Northwind |\n| Ines Duarte | Partner, Contoso |\n\n### Mentees\n\n| Name | Context |\n|---|---|\n| Kai Ito | junior engineer, Northwind |\n";
    let scene = draw("network", &index(tables), 640);
    for list in [
        "# Career\n\n## Work History\n\n- 2021–now — Director, Northwind\n\n## Relationships\n\n**Sponsors:**\n- **Jane Doe** (VP Eng, Northwind)\n- Ines Duarte — Partner, Contoso\n\n**Mentees:**\n- Kai Ito — junior engineer, Northwind\n",
        "# Career\n\n## Timeline\n\n- Director at Northwind (2021–now)\n\n## Network\n\n### Champions\n\n- [[Jane Doe]] (VP Eng, Northwind)\n- [[People/Ines Duarte|Ines Duarte]] (Partner, Contoso)\n\n### People I mentor\n\n- Kai Ito (junior engineer, Northwind)\n",
    ] {
        assert_eq!(draw("network", &index(list), 640), scene, "{list}");
    }
    // A flat list naming each person's role reads into the same groups.
    let flat = draw(
        "network",
        &index("# Career\n\n## Timeline\n\n- 2021–now — Director, Northwind\n\n## Network\n\n- **Jane Doe** (VP Eng, Northwind) — sponsor\n- **Ines Duarte** (Partner, Contoso) — sponsor\n- **Kai Ito** (junior engineer, Northwind) — mentee\n"),
        640,
    );
    assert_eq!(
        flat.alt,
        [
            "Sponsors: Jane Doe (inside), Ines Duarte (outside)",
            "Mentors: none",
            "Advisors: none",
            "Mentees: Kai Ito (inside)",
            "1 of 3 is outside Northwind.",
        ]
    );
}

#[test]
fn the_network_knows_the_employer_under_its_variants() {
    for (timeline, sponsors) in [
        // "Northwind Insurance" in the timeline, "Northwind" in the rows.
        (
            "| 2019–present | Director of Architecture | Northwind Insurance |",
            "| Pat Kim | Global CIO, Northwind |\n| Alex Wong | NORTHWIND COO |",
        ),
        // A legal suffix in one place only.
        (
            "| 2019–present | Director | Northwind Insurance Group, Inc. |",
            "| Pat Kim | CIO at Northwind Insurance |\n| Alex Wong | internal: COO office |",
        ),
    ] {
        let text = format!(
            "# Career\n\n## Timeline\n\n| Years | Role | Company |\n|---|---|---|\n{timeline}\n\n## Network & Influence\n\n### Sponsors\n\n| Name | Context |\n|---|---|\n{sponsors}\n"
        );
        let scene = draw("network", &index(&text), 640);
        assert!(
            scene.alt.iter().any(|l| l.starts_with("All 2 are inside")),
            "{timeline}: {:?}",
            scene.alt
        );
    }
    let outside = draw(
        "network",
        &index("# Career\n\n## Timeline\n\n- 2019–now — Director, Northwind Insurance\n\n## Network\n\n### Sponsors\n\n- Ines Duarte — Partner, Northwinds Ventures (external)\n"),
        640,
    );
    assert_eq!(
        outside.alt.first().map(String::as_str),
        Some("Sponsors: Ines Duarte (outside)")
    );
}

#[test]
fn a_progress_block_in_a_goals_note_shows_that_note_unless_it_names_a_year() {
    let goals = |outcome: &str| {
        format!("---\ntype: goals\nyear: 2026\n---\n# Goals\n\n## Annual Goals\n\n| Goal | Outcome | Success Metric | Status |\n|---|---|---|---|\n| G1 | {outcome} | x | On track |\n")
    };
    let notes = vec![
        (
            "Career/2026 Goals.md".to_string(),
            goals("From the planning year's note"),
        ),
        (
            "Career/My plan.md".to_string(),
            goals("From the note the block is in"),
        ),
        ("Career/Charts.md".to_string(), "# Charts\n".to_string()),
    ];
    let first = |scene: &Scene| scene.alt.first().cloned().unwrap_or_default();
    let here = draw_in(Some("Career/My plan.md"), "kind: progress", &notes, 640);
    assert!(first(&here).contains("the block is in"), "{:?}", here.alt);
    let named = draw_in(
        Some("Career/My plan.md"),
        "kind: progress\nyear: 2026",
        &notes,
        640,
    );
    assert!(first(&named).contains("planning year"), "{:?}", named.alt);
    let elsewhere = draw_in(Some("Career/Charts.md"), "kind: progress", &notes, 640);
    assert!(
        first(&elsewhere).contains("planning year"),
        "{:?}",
        elsewhere.alt
    );
}

/// Where a text shape starts and ends, estimated as the layout estimates it.
fn extent(shape: &Shape) -> Option<(i32, i32, &str)> {
    let Shape::Text {
        x,
        text,
        anchor,
        size,
        ..
    } = shape
    else {
        return None;
    };
    let w = text_width(text.chars().count(), *size);
    let left = match anchor {
        Anchor::Start => *x,
        Anchor::Middle => x - w / 2,
        Anchor::End => x - w,
    };
    Some((left, left + w, text.as_str()))
}

#[test]
fn every_label_is_whole_and_inside_the_canvas_on_a_phone_and_a_desktop() {
    let notes = realistic();
    let mut problems = Vec::new();
    for width in [390, 1280] {
        for kind in KINDS {
            let scene = draw(kind, &notes, width);
            assert!(
                scene.placeholder.is_none(),
                "{kind}: the fixture fills every chart"
            );
            for (left, right, text) in scene.shapes.iter().filter_map(extent) {
                if left < 0 || right > scene.width {
                    problems.push(format!(
                        "{kind} at {width}: \"{text}\" spans {left}..{right} of {}",
                        scene.width
                    ));
                }
                if text.ends_with('…') {
                    problems.push(format!("{kind} at {width}: \"{text}\" is cut"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
