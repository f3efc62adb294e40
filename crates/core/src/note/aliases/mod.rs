//! The Career Index's canonical sections and the names people actually use.
//!
//! People rename headings: "Network" for "Network & Influence", "Wins" for
//! "Wins & Artifacts", "2026 Theme" for the annual theme. Lookup, upgrade and
//! the blind spot rules all go through this table, so a note written in the
//! user's own words still works.

mod lookup;

pub use lookup::{kind_of, normalize, normalized_chars, normalized_kind};

/// One canonical section and the names that mean it.
#[derive(Debug)]
pub struct SectionKind {
    /// Stable id used in code, JSON and rules.
    pub id: &'static str,
    /// The name the template uses.
    pub canonical: &'static str,
    /// Other names, already normalised (see [`normalize`]).
    pub names: &'static [&'static str],
    /// A test over normalised titles, for names with a year or a suffix.
    pub matches: Option<fn(&str) -> bool>,
}

/// The sections of the Career Index, top-level ones first in methodology order,
/// then the subsections the template uses.
pub const SECTION_KINDS: &[SectionKind] = &[
    kind(
        "headline",
        "Career",
        &["headline", "tagline", "title", "my career", "career index"],
        None,
    ),
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
        Some(is_theme_title),
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
            "employment history",
            "career path",
            "roles",
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
            "my network",
            "network map",
            "connections",
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
            "risks & mitigations",
            "risks and mitigations",
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
        Some(is_success_criteria_title),
    ),
    kind("scope", "Scope", &[], None),
    kind("stakeholders", "Key Stakeholders", &["stakeholders"], None),
    kind(
        "current_focus",
        "Current Focus",
        &["focus", "priorities", "current priorities"],
        None,
    ),
    kind(
        "skills",
        "Skills Inventory",
        &[
            "skills",
            "skill inventory",
            "skills matrix",
            "competencies",
            "capabilities",
        ],
        None,
    ),
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
    kind(
        "sponsors",
        "Sponsors",
        &["sponsor", "champions", "advocates", "my sponsors"],
        None,
    ),
    kind("mentors", "Mentors", &["mentor", "my mentors"], None),
    kind(
        "advisors",
        "Advisors",
        &["advisor", "advisers", "board of advisors", "personal board"],
        None,
    ),
    kind(
        "mentees",
        "Mentees",
        &[
            "mentee",
            "my mentees",
            "people i mentor",
            "mentoring",
            "protégés",
            "proteges",
        ],
        None,
    ),
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
    matches: Option<fn(&str) -> bool>,
) -> SectionKind {
    SectionKind {
        id,
        canonical,
        names,
        matches,
    }
}

/// `2026 theme`, `annual theme`, `theme for 2027`, `2026 annual theme`.
fn is_theme_title(norm: &str) -> bool {
    // Word by word, without collecting them: every heading of a note is
    // asked this when its kind is looked up.
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let mut words = norm.split(' ').peekable();
    if words.peek().is_some_and(|w| is_year(w)) {
        words.next();
    }
    if words.peek() == Some(&"annual") {
        words.next();
    }
    if words.next() != Some("theme") {
        return false;
    }
    match (words.next(), words.next(), words.next()) {
        (None, _, _) => true,
        (Some("for"), Some(year), None) => is_year(year),
        _ => false,
    }
}

/// `success criteria`, `success criteria dec 2026`, `definition of success`,
/// `what success looks like`, `measures of success`.
fn is_success_criteria_title(norm: &str) -> bool {
    norm == "success criteria"
        || norm.starts_with("success criteria ")
        || matches!(
            norm,
            "definition of success"
                | "what success looks like"
                | "success looks like"
                | "measures of success"
                | "how i will know"
        )
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
            ("Employment History", "timeline"),
            ("Competencies", "skills"),
            ("Risks & Mitigations", "risk_register"),
            ("My Network", "network"),
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
    fn year_and_suffix_titles_match_only_their_shape() {
        for yes in [
            "theme",
            "2026 theme",
            "annual theme",
            "2026 annual theme",
            "theme for 2027",
        ] {
            assert!(is_theme_title(yes), "{yes} names the annual theme");
        }
        for no in [
            "themes",
            "theme park",
            "my theme",
            "theme for now",
            "20266 theme",
            "theme for",
            "theme for 2027 plan",
            "annual annual theme",
            "2026 2026 theme",
            "annual 2026 theme",
        ] {
            assert!(!is_theme_title(no), "{no} does not");
        }
        assert!(is_success_criteria_title("success criteria dec 2026"));
        assert!(!is_success_criteria_title("success criterias"));
    }

    #[test]
    fn every_id_is_unique() {
        let mut ids: Vec<_> = SECTION_KINDS.iter().map(|k| k.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SECTION_KINDS.len());
    }
}
