//! The Career Index's canonical sections and the names people actually use.
//!
//! People rename headings: "Network" for "Network & Influence", "Wins" for
//! "Wins & Artifacts", "2026 Theme" for the annual theme. Lookup, upgrade and
//! the blind spot rules all go through this table, so a note written in the
//! user's own words still works.

use std::sync::LazyLock;

use regex::Regex;

/// One canonical section and the names that mean it.
#[derive(Debug)]
pub struct SectionKind {
    /// Stable id used in code, JSON and rules.
    pub id: &'static str,
    /// The name the template uses.
    pub canonical: &'static str,
    /// Other names, already normalised (see [`normalize`]).
    pub names: &'static [&'static str],
    /// A pattern over normalised titles, for names with a year or a suffix.
    pub pattern: Option<&'static str>,
}

/// The sections of the Career Index, top-level ones first in methodology order,
/// then the subsections the template uses.
pub const SECTION_KINDS: &[SectionKind] = &[
    kind(
        "vision",
        "Vision",
        &[
            "north star",
            "5 year vision",
            "five year vision",
            "career vision",
            "long term vision",
        ],
        None,
    ),
    kind(
        "annual_theme",
        "Annual Theme",
        &["theme", "yearly theme", "year theme", "annual focus"],
        Some(r"^(\d{4} )?(annual )?theme( for \d{4})?$"),
    ),
    kind(
        "current_role",
        "Current Role",
        &["role", "current position", "current job", "my role"],
        None,
    ),
    kind(
        "timeline",
        "Timeline",
        &[
            "career history",
            "career timeline",
            "history",
            "work history",
            "experience",
            "career arc",
        ],
        None,
    ),
    kind(
        "growth",
        "Growth",
        &[
            "skills & growth",
            "development",
            "professional development",
            "learning",
            "skills and growth",
        ],
        None,
    ),
    kind(
        "innovation_thesis",
        "Innovation Thesis",
        &["thesis", "point of view", "pov", "innovation", "my thesis"],
        None,
    ),
    kind(
        "network",
        "Network & Influence",
        &[
            "network",
            "network and influence",
            "relationships",
            "influence",
            "people",
            "sponsors & mentors",
        ],
        None,
    ),
    kind(
        "external_visibility",
        "External Visibility Plan",
        &[
            "external visibility",
            "visibility",
            "personal brand",
            "brand",
            "thought leadership",
            "visibility plan",
        ],
        None,
    ),
    kind(
        "wins",
        "Wins & Artifacts",
        &[
            "wins",
            "wins and artifacts",
            "achievements",
            "accomplishments",
            "brag document",
            "brag doc",
            "artifacts",
        ],
        None,
    ),
    kind(
        "business_impact",
        "Business Impact Metrics",
        &[
            "business impact",
            "impact",
            "impact metrics",
            "business metrics",
        ],
        None,
    ),
    kind(
        "risk_register",
        "Risk Register",
        &[
            "risks",
            "risk",
            "contingencies",
            "contingency plan",
            "career risks",
            "risk log",
        ],
        None,
    ),
    kind(
        "open_tasks",
        "Open Tasks",
        &[
            "tasks",
            "to do",
            "todo",
            "todos",
            "next actions",
            "action items",
            "open items",
        ],
        None,
    ),
    kind(
        "session_logs",
        "Session Logs",
        &[
            "coaching sessions",
            "sessions",
            "session log",
            "coaching log",
        ],
        None,
    ),
    kind("the_picture", "The Picture", &["picture"], None),
    kind(
        "success_criteria",
        "Success Criteria",
        &[],
        Some(r"^success criteria\b"),
    ),
    kind("scope", "Scope", &[], None),
    kind("stakeholders", "Key Stakeholders", &["stakeholders"], None),
    kind(
        "current_focus",
        "Current Focus",
        &["focus", "priorities", "current priorities"],
        None,
    ),
    kind("skills", "Skills Inventory", &["skills"], None),
    kind(
        "active_development",
        "Active Development",
        &["development plan"],
        None,
    ),
    kind("belief", "The Belief", &["belief"], None),
    kind(
        "innovation_portfolio",
        "Innovation Portfolio",
        &["portfolio", "experiments"],
        None,
    ),
    kind("failure_log", "Failure Log", &["failures"], None),
    kind("sponsors", "Sponsors", &[], None),
    kind("mentors", "Mentors", &[], None),
    kind("advisors", "Advisors", &[], None),
    kind("mentees", "Mentees", &[], None),
    kind(
        "visibility_targets",
        "Targets",
        &["visibility targets"],
        None,
    ),
];

const fn kind(
    id: &'static str,
    canonical: &'static str,
    names: &'static [&'static str],
    pattern: Option<&'static str>,
) -> SectionKind {
    SectionKind {
        id,
        canonical,
        names,
        pattern,
    }
}

static PATTERNS: LazyLock<Vec<Option<Regex>>> = LazyLock::new(|| {
    SECTION_KINDS
        .iter()
        .map(|k| k.pattern.and_then(|p| Regex::new(p).ok()))
        .collect()
});

/// Normalises a heading or query for comparison: case-folded, markdown and
/// punctuation (other than `&`) dropped, whitespace collapsed.
pub fn normalize(title: &str) -> String {
    let mapped: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '&' {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The canonical section a title names, if any.
pub fn kind_of(title: &str) -> Option<&'static SectionKind> {
    let norm = normalize(title);
    SECTION_KINDS
        .iter()
        .zip(PATTERNS.iter())
        .find_map(|(kind, pattern)| {
            let named = normalize(kind.canonical) == norm || kind.names.contains(&norm.as_str());
            let patterned = pattern.as_ref().is_some_and(|re| re.is_match(&norm));
            (named || patterned).then_some(kind)
        })
}

/// The canonical section with this id.
pub fn by_id(id: &str) -> Option<&'static SectionKind> {
    SECTION_KINDS.iter().find(|k| k.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_people_use_map_to_their_canonical_section() {
        for (title, id) in [
            ("Network", "network"),
            ("## Network & Influence", "network"),
            ("Wins", "wins"),
            ("🏆 Wins & Artifacts", "wins"),
            ("2026 Theme", "annual_theme"),
            ("Theme for 2027", "annual_theme"),
            ("Success Criteria (Dec 2026)", "success_criteria"),
            ("**Risk Register**", "risk_register"),
            ("To-Do", "open_tasks"),
        ] {
            assert_eq!(
                kind_of(title).map(|k| k.id),
                Some(id),
                "{title} should be {id}"
            );
        }
        assert!(
            kind_of("Hobbies").is_none(),
            "unknown headings have no kind"
        );
    }

    #[test]
    fn every_pattern_compiles_and_every_id_is_unique() {
        assert!(PATTERNS
            .iter()
            .zip(SECTION_KINDS)
            .all(|(re, k)| re.is_some() == k.pattern.is_some()));
        let mut ids: Vec<_> = SECTION_KINDS.iter().map(|k| k.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SECTION_KINDS.len());
    }
}
