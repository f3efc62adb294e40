//! The Career Index template from the coaching methodology (Phase 2).
//!
//! The layout follows the seed's "Career Index Template" section for section,
//! with the additions its session made (Failure Log, Mentees) and the Session
//! Logs table. The year and the five-year north star come from `today`.

use super::{render_block, render_section, Block, Section};
use crate::dates::Day;
use crate::templates::links::LinkFormat;

fn s(text: &str) -> String {
    text.to_string()
}

fn table(header: &[&str], rows: usize) -> Block {
    Block::Table {
        header: header.iter().map(|h| s(h)).collect(),
        rows: (0..rows)
            .map(|_| vec![String::new(); header.len()])
            .collect(),
    }
}

fn people(heading: &str) -> Section {
    Section::new(3, heading, vec![table(&["Name", "Context"], 1)])
}

/// The twelve methodology sections (plus the Session Logs table) as data.
pub fn sections(today: Day, goals_note: &str, links: LinkFormat) -> Vec<Section> {
    let year = today.year();
    vec![
        Section::new(
            2,
            "Vision",
            vec![Block::Paragraph(format!(
                "**North Star ({}):** [One sentence]",
                year + 5
            ))],
        )
        .with_children(vec![Section::new(
            3,
            "The Picture",
            vec![Block::Bullets(vec![
                s("**Life:** [What lifestyle looks like]"),
                s("**Role:** [What role looks like]"),
                s("**Impact:** [What impact looks like]"),
                s("**Reach:** [How you extend beyond day job]"),
            ])],
        )]),
        Section::new(
            2,
            format!("{year} Theme"),
            vec![
                Block::Quote(s("**\"[Theme in quotes]\"**")),
                Block::Paragraph(format!(
                    "**→ {}** — Full cascade",
                    links.link(goals_note, None, None)
                )),
            ],
        )
        .with_children(vec![Section::new(
            3,
            format!("Success Criteria (Dec {year})"),
            vec![Block::Tasks(vec![
                s("[Criterion 1]"),
                s("[Criterion 2]"),
                s("[Criterion 3]"),
            ])],
        )]),
        Section::new(2, "Current Role", vec![]).with_children(vec![
            Section::new(
                3,
                "Scope",
                vec![Block::Table {
                    header: vec![s("Dimension"), s("Value")],
                    rows: vec![
                        vec![s("Direct reports"), s("X")],
                        vec![s("Total org"), s("X")],
                        vec![s("Budget"), s("$X")],
                        vec![s("Focus"), s("[area]")],
                    ],
                }],
            ),
            Section::new(
                3,
                "Key Stakeholders",
                vec![table(&["Name", "Role", "Relationship"], 1)],
            ),
            Section::new(
                3,
                "Current Focus",
                vec![Block::Bullets(vec![
                    s("[Priority 1]"),
                    s("[Priority 2]"),
                    s("[Priority 3]"),
                ])],
            ),
        ]),
        Section::new(
            2,
            "Timeline",
            vec![table(&["Years", "Role", "Company", "Key Achievement"], 1)],
        ),
        Section::new(2, "Growth", vec![]).with_children(vec![
            Section::new(
                3,
                "Skills Inventory",
                vec![table(&["Domain", "Level", "Last Active", "Notes"], 1)],
            ),
            Section::new(
                3,
                "Active Development",
                vec![Block::Tasks(vec![
                    s("[Development item 1]"),
                    s("[Development item 2]"),
                ])],
            ),
        ]),
        Section::new(2, "Innovation Thesis", vec![]).with_children(vec![
            Section::new(
                3,
                "The Belief",
                vec![Block::Quote(s("[Your POV on your industry]"))],
            ),
            Section::new(
                3,
                "Innovation Portfolio",
                vec![table(
                    &["Experiment", "Hypothesis", "Status", "Learning"],
                    1,
                )],
            ),
            Section::new(
                3,
                "Failure Log",
                vec![table(&["Date", "What failed", "Lesson"], 1)],
            ),
        ]),
        Section::new(2, "Network & Influence", vec![]).with_children(vec![
            people("Sponsors"),
            people("Mentors"),
            people("Advisors"),
            people("Mentees"),
        ]),
        Section::new(2, "External Visibility Plan", vec![]).with_children(vec![Section::new(
            3,
            "Targets",
            vec![Block::Table {
                header: vec![s("Channel"), s("Target"), s("Status")],
                rows: vec![
                    vec![s("Speaking"), s(""), s("")],
                    vec![s("Writing"), s(""), s("")],
                ],
            }],
        )]),
        Section::new(2, "Wins & Artifacts", vec![]).with_children(vec![
            Section::new(
                3,
                year.to_string(),
                vec![Block::Bullets(vec![s("**[Win]** — [Description]")])],
            ),
            Section::new(
                3,
                "Business Impact Metrics",
                vec![table(&["Initiative", "Business Impact", "Year"], 1)],
            ),
        ]),
        Section::new(
            2,
            "Risk Register",
            vec![table(&["Risk", "Likelihood", "Impact", "Mitigation"], 1)],
        ),
        Section::new(
            2,
            "Open Tasks",
            vec![Block::Tasks(vec![s("[Task 1]"), s("[Task 2]")])],
        ),
        Section::new(
            2,
            "Session Logs",
            vec![table(&["Date", "Focus", "Output"], 0)],
        ),
    ]
}

/// The title block above the first section: title, link line and tagline.
pub fn preamble() -> String {
    [
        s("# Career"),
        render_block(&Block::Paragraph(s("[LinkedIn or portfolio link]"))),
        render_block(&Block::Quote(s("[Tagline / headline]"))),
    ]
    .join("\n\n")
}

/// Renders the whole Career Index note, frontmatter included.
pub fn render(today: Day, goals_note: &str, links: LinkFormat) -> String {
    let front = format!(
        "---\ntype: career-index\ncreated: {}\ntags:\n  - career\n---\n",
        today.iso()
    );
    let body: Vec<String> = sections(today, goals_note, links)
        .iter()
        .map(render_section)
        .collect();
    format!(
        "{front}{}\n\n---\n\n{}\n",
        preamble(),
        body.join("\n\n---\n\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered() -> String {
        render(
            Day::parse("2026-01-17").unwrap(),
            "2026 Goals",
            LinkFormat::Wikilink,
        )
    }

    #[test]
    fn has_the_twelve_methodology_sections_in_the_seed_order() {
        let text = rendered();
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            [
                "## Vision",
                "## 2026 Theme",
                "## Current Role",
                "## Timeline",
                "## Growth",
                "## Innovation Thesis",
                "## Network & Influence",
                "## External Visibility Plan",
                "## Wins & Artifacts",
                "## Risk Register",
                "## Open Tasks",
                "## Session Logs",
            ]
        );
    }

    #[test]
    fn fills_years_links_and_frontmatter_from_today() {
        let text = rendered();
        assert!(text.starts_with("---\ntype: career-index\ncreated: 2026-01-17\n"));
        assert!(
            text.contains("**North Star (2031):**"),
            "five-year north star"
        );
        assert!(text.contains("**→ [[2026 Goals]]** — Full cascade"));
        assert!(text.contains("### Success Criteria (Dec 2026)\n\n- [ ] [Criterion 1]"));
        assert!(text
            .contains("| Name | Role | Relationship |\n|------|------|--------------|\n| | | |"));
        assert!(
            !text.contains("<%"),
            "Templater must find nothing to execute"
        );
        assert!(
            text.ends_with("|------|-------|--------|\n"),
            "ends with the Session Logs table and one newline"
        );
    }
}
