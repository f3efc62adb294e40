//! A filled-in Career Index of a chosen size, the benchmarks' standard input.
//!
//! The Career Index's layout (the methodology's twelve sections and their
//! tables, as `templates::career_index` writes them) with years of content
//! poured in: rows in every table, open and done tasks, wins with wikilinks,
//! embeds and markdown links, inline code. It is written out here rather
//! than rendered from the template so that the benchmarks' input does not
//! move when the template does, and it is deterministic (no randomness, a
//! fixed date) so that the criterion benches, the native bench binary and
//! the Node script (which reads the file the binary writes) all time
//! byte-identical text.
//!
//! Shared by `benches/core.rs` and `examples/bench_native.rs` through `#[path]`.

/// The date the synthetic note was "created" on.
pub const TODAY: &str = "2026-01-17";

/// What a section holds, grown by one entry per round.
#[derive(Clone, Copy)]
enum Content {
    Table(&'static [&'static str]),
    Tasks,
    Bullets,
    Text(&'static str),
}

use Content::{Bullets, Table, Tasks, Text};

/// (level, heading, content) in the template's order.
const LAYOUT: &[(usize, &str, Content)] = &[
    (
        2,
        "Vision",
        Text("**North Star (2031):** Lead a platform org of 200 people."),
    ),
    (3, "The Picture", Bullets),
    (
        2,
        "2026 Theme",
        Text("> **\"Fewer, deeper bets\"**\n\n**→ [[2026 Goals]]** — Full cascade"),
    ),
    (3, "Success Criteria (Dec 2026)", Tasks),
    (2, "Current Role", Text("")),
    (3, "Scope", Table(&["Dimension", "Value"])),
    (
        3,
        "Key Stakeholders",
        Table(&["Name", "Role", "Relationship"]),
    ),
    (3, "Current Focus", Bullets),
    (
        2,
        "Timeline",
        Table(&["Years", "Role", "Company", "Key Achievement"]),
    ),
    (2, "Growth", Text("")),
    (
        3,
        "Skills Inventory",
        Table(&["Domain", "Level", "Last Active", "Notes"]),
    ),
    (3, "Active Development", Tasks),
    (2, "Innovation Thesis", Text("")),
    (
        3,
        "The Belief",
        Text("> Platforms win by making the right thing the easy thing."),
    ),
    (
        3,
        "Innovation Portfolio",
        Table(&["Experiment", "Hypothesis", "Status", "Learning"]),
    ),
    (3, "Failure Log", Table(&["Date", "What failed", "Lesson"])),
    (2, "Network & Influence", Text("")),
    (3, "Sponsors", Table(&["Name", "Context"])),
    (3, "Mentors", Table(&["Name", "Context"])),
    (3, "Advisors", Table(&["Name", "Context"])),
    (3, "Mentees", Table(&["Name", "Context"])),
    (2, "External Visibility Plan", Text("")),
    (3, "Targets", Table(&["Channel", "Target", "Status"])),
    (2, "Wins & Artifacts", Text("")),
    (3, "2026", Bullets),
    (
        3,
        "Business Impact Metrics",
        Table(&["Initiative", "Business Impact", "Year"]),
    ),
    (
        2,
        "Risk Register",
        Table(&["Risk", "Likelihood", "Impact", "Mitigation"]),
    ),
    (2, "Open Tasks", Tasks),
    (2, "Session Logs", Table(&["Date", "Focus", "Output"])),
];

const NAMES: &[&str] = &[
    "Ada Lovelace",
    "Grace Hopper",
    "Dana Scully",
    "Lin Wei",
    "José Núñez",
    "Amara Okafor",
    "Kenji Sato",
];

const ROLES: &[&str] = &[
    "Staff Engineer",
    "Engineering Manager",
    "Director",
    "VP Engineering",
    "Principal",
];

/// A Career Index of at least `target_bytes` bytes: rounds of content are
/// added until it is that large (each round adds about 2 KB).
pub fn career_index(target_bytes: usize) -> String {
    let mut entries: Vec<Vec<String>> = vec![Vec::new(); LAYOUT.len()];
    let mut round = 0;
    loop {
        let text = render(&entries);
        if text.len() >= target_bytes {
            return text;
        }
        for ((_, heading, content), list) in LAYOUT.iter().zip(&mut entries) {
            if let Some(entry) = entry(heading, *content, round) {
                list.push(entry);
            }
        }
        round += 1;
    }
}

fn render(entries: &[Vec<String>]) -> String {
    let mut out = format!(
        "---\ntype: career-index\ncreated: {TODAY}\ntags:\n  - career\n  - leadership\naliases:\n  - Career Index\n---\n\
         # Career\n\n[LinkedIn](https://www.linkedin.com/in/example) · [[Portfolio]]\n\n\
         > Engineering leader who builds calm, fast teams.\n"
    );
    for ((level, heading, content), list) in LAYOUT.iter().zip(entries) {
        if *level == 2 {
            out.push_str("\n---\n");
        }
        out.push_str(&format!("\n{} {heading}\n\n", "#".repeat(*level)));
        match content {
            Text("") => {}
            Text(text) => out.push_str(&format!("{text}\n")),
            Table(header) => {
                let cells: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
                out.push_str(&row(&cells));
                let dashes: Vec<String> = header
                    .iter()
                    .map(|h| "-".repeat(h.chars().count() + 2))
                    .collect();
                out.push_str(&format!("|{}|\n", dashes.join("|")));
                for entry in list {
                    out.push_str(entry);
                }
            }
            Tasks | Bullets => {
                for entry in list {
                    out.push_str(entry);
                }
            }
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    let inner: Vec<String> = cells.iter().map(|c| format!(" {c} ")).collect();
    format!("|{}|\n", inner.join("|"))
}

/// The `n`th entry of a section: a table row or a list line, newline included.
fn entry(heading: &str, content: Content, n: usize) -> Option<String> {
    let person = |k: usize| format!("[[People/{} {k}]]", pick(NAMES, k));
    let role = |k: usize| pick(ROLES, k).to_string();
    let day = |k: usize| {
        format!(
            "20{:02}-{:02}-{:02}",
            20 + k / 336 % 10,
            1 + k / 28 % 12,
            1 + k % 28
        )
    };
    let cells: Vec<String> = match (heading, content) {
        (_, Text(_)) => return None,
        ("Current Focus", _) => {
            return Some(format!("- Priority {n}: land [[Projects/Platform {n}]] by {}\n", day(n + 30)))
        }
        ("2026", _) => {
            return Some(format!(
                "- **Win {n}:** cut incidents by {}% — see ![[Artifacts/chart-{n}.png]] and [the write-up](Wins/Win%20{n}.md)\n",
                10 + n % 50
            ))
        }
        (_, Bullets) => return Some(format!("- **Facet {n}:** a life with room for `deep work` and family\n")),
        (_, Tasks) if n % 4 == 3 => {
            return Some(format!("- [x] Sent the update to {} ✅ {}\n", person(n), day(n)))
        }
        (_, Tasks) if n.is_multiple_of(2) => {
            return Some(format!("- [ ] Follow up with {} about the roadmap 📅 {}\n", person(n), day(n + 7)))
        }
        (_, Tasks) => return Some(format!("- [ ] Draft section {n} of the review packet ⏳ {}\n", day(n + 3))),
        ("Scope", _) => vec![format!("Dimension {n}"), format!("{}", 10 + n)],
        ("Key Stakeholders", _) => vec![person(n), role(n), "Weekly 1:1, strong".into()],
        ("Timeline", _) => vec![
            format!("{}–{}", 2000 + n % 25, 2001 + n % 25),
            role(n + 1),
            format!("Company {n}"),
            format!("Shipped [[Projects/Platform {n}\\|platform v{n}]] with `p99 < 200ms`"),
        ],
        ("Skills Inventory", _) => vec![
            format!("Domain {n}"),
            pick(&["Novice", "Practitioner", "Expert"], n).into(),
            day(n),
            format!("Refreshed via [a course](Learning/Course%20{n}.md)"),
        ],
        ("Innovation Portfolio", _) => vec![
            format!("Experiment {n}"),
            format!("If we cut batch size to {n}, lead time halves"),
            pick(&["Running", "Won", "Killed"], n).into(),
            "Smaller batches surface review debt".into(),
        ],
        ("Failure Log", _) => vec![day(n), format!("Launch {n} slipped two weeks"), "Cut scope earlier".into()],
        ("Targets", _) => vec![format!("Channel {n}"), format!("Talk at Conf {n}"), "Pitched".into()],
        ("Business Impact Metrics", _) => vec![format!("Initiative {n}"), format!("${n}00k saved"), "2025".into()],
        ("Risk Register", _) => vec![
            format!("Key person risk {n}"),
            "Medium".into(),
            "High".into(),
            format!("Pair {} with a backup", person(n)),
        ],
        ("Session Logs", _) => vec![day(n), format!("Focus {n}"), format!("[[Sessions/{}]]", day(n))],
        (_, Table(_)) => vec![person(n + heading.len()), format!("Met at offsite {n}; talks about {}", role(n))],
    };
    Some(row(&cells))
}

/// The `n`th item of a list, cycling.
fn pick<'a>(list: &[&'a str], n: usize) -> &'a str {
    list.get(n % list.len().max(1)).copied().unwrap_or_default()
}
