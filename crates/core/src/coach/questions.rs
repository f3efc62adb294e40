//! The question bank: what the coach asks for each Career Index section.
//!
//! Each entry carries the methodology's question (the seed's wording where it
//! has one), follow-ups that deepen the answer, the definitions to show where
//! terms are ambiguous, and the shape of the answer (its fields), which the
//! reader uses to understand a free-text reply and the writer to update the
//! note.

use serde::Serialize;

/// How an answer is shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// Named fields, each answered once (Scope, Vision).
    Fields,
    /// A list of entries, each with the fields in order (one entry per line).
    Entries,
    /// Free text written as is (a theme, a belief).
    Text,
    /// A list of items (tasks, bullets), one per line.
    Items,
}

/// One field of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Stable id, e.g. `direct_reports`.
    pub id: &'static str,
    /// Label shown to people, e.g. "Direct reports".
    pub label: &'static str,
    /// Words that introduce the field in an answer ("reports", "budget").
    #[serde(skip)]
    pub cues: &'static [&'static str],
}

/// A question that deepens an answer; its reply is added to the section under `label`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    /// The question.
    pub question: &'static str,
    /// How the reply is labelled in the note, e.g. "Quantified impact".
    pub label: &'static str,
}

/// A term and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Definition {
    /// The term.
    pub term: &'static str,
    /// Its meaning.
    pub meaning: &'static str,
}

/// The questions for one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuestionSet {
    /// The canonical section id (see `note::aliases`).
    pub section: &'static str,
    /// The main question.
    pub question: &'static str,
    /// A hint on how to answer (format, examples).
    pub hint: &'static str,
    /// Questions that deepen the answer, asked after it.
    pub follow_ups: &'static [FollowUp],
    /// Terms to define next to the question.
    pub definitions: &'static [Definition],
    /// The answer's shape.
    pub shape: Shape,
    /// The answer's fields.
    pub fields: &'static [Field],
}

const fn field(id: &'static str, label: &'static str, cues: &'static [&'static str]) -> Field {
    Field { id, label, cues }
}

/// Sponsor, mentor and advisor, as the methodology defines them.
pub const NETWORK_TERMS: &[Definition] = &[
    Definition {
        term: "Sponsor",
        meaning: "Advocates for you when you're not in the room; has power or influence.",
    },
    Definition {
        term: "Mentor",
        meaning: "Gives advice based on experience; you pull from them.",
    },
    Definition {
        term: "Advisor",
        meaning: "Sounding board for specific decisions; mutual exchange.",
    },
    Definition {
        term: "Mentee",
        meaning: "Someone you advise and help grow.",
    },
];

/// The question bank, in the methodology's order.
pub const QUESTIONS: &[QuestionSet] = &[
    QuestionSet {
        section: "headline",
        question: "How would you introduce yourself in one line, and where can people see your work?",
        hint: "Your headline, then the link on its own line (LinkedIn or portfolio).",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Fields,
        fields: &[
            field("tagline", "Headline", &["headline", "tagline"]),
            field("link", "Link", &["link", "linkedin", "portfolio"]),
        ],
    },
    QuestionSet {
        section: "vision",
        question: "It's 5 years from now and you're fulfilled. What does that look like?",
        hint: "Start with one sentence (your north star), then Life:, Role:, Impact: and Reach: on their own lines.",
        follow_ups: &[FollowUp { question: "What would make that future feel like a failure, even if you got the title?", label: "What failure would look like" }],
        definitions: &[],
        shape: Shape::Fields,
        fields: &[
            field("north_star", "North star", &["north star", "vision"]),
            field("life", "Life", &["life", "lifestyle"]),
            field("role", "Role", &["role", "job", "title"]),
            field("impact", "Impact", &["impact"]),
            field("reach", "Reach", &["reach", "beyond"]),
        ],
    },
    QuestionSet {
        section: "annual_theme",
        question: "If this year had ONE theme, what would it be?",
        hint: "A short phrase in your own words, e.g. \"Visible outside the company\".",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Text,
        fields: &[field("theme", "Theme", &["theme"])],
    },
    QuestionSet {
        section: "success_criteria",
        question: "How will you know in December that the theme worked? Name 2-3 success criteria.",
        hint: "One per line; each becomes a checkbox you can tick during the year.",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Items,
        fields: &[field("criterion", "Criterion", &[])],
    },
    QuestionSet {
        section: "current_role",
        question: "What's your scope? Who are your key stakeholders?",
        hint: "e.g. \"8 direct reports, 65 total org, $20M budget, focus: architecture\".",
        follow_ups: &[FollowUp { question: "Is your role changing this year? What does success in the transition look like?", label: "Transition success looks like" }],
        definitions: &[],
        shape: Shape::Fields,
        fields: &[
            field("direct_reports", "Direct reports", &["direct report", "reports", "directs"]),
            field("total_org", "Total org", &["total org", "org", "organization", "people"]),
            field("budget", "Budget", &["budget"]),
            field("focus", "Focus", &["focus"]),
        ],
    },
    QuestionSet {
        section: "stakeholders",
        question: "Who are your key stakeholders, and what is your relationship with each?",
        hint: "One per line: name | role | relationship.",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[field("name", "Name", &[]), field("role", "Role", &[]), field("relationship", "Relationship", &[])],
    },
    QuestionSet {
        section: "current_focus",
        question: "What are your top three priorities in this role right now?",
        hint: "One per line.",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Items,
        fields: &[field("priority", "Priority", &[])],
    },
    QuestionSet {
        section: "timeline",
        question: "What were the key roles before this one? What did you learn in each?",
        hint: "One per line: years | role | company | key achievement.",
        follow_ups: &[FollowUp { question: "What pattern do you see across those roles?", label: "The pattern" }],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[
            field("years", "Years", &[]),
            field("role", "Role", &[]),
            field("company", "Company", &[]),
            field("achievement", "Key Achievement", &[]),
        ],
    },
    QuestionSet {
        section: "skills",
        question: "Which skills carry your career, and how strong is each today?",
        hint: "One per line: domain | level | last active | notes.",
        follow_ups: &[FollowUp { question: "Which skill would most change your next role if you doubled it?", label: "Skill to double" }],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[
            field("domain", "Domain", &[]),
            field("level", "Level", &[]),
            field("last_active", "Last Active", &[]),
            field("notes", "Notes", &[]),
        ],
    },
    QuestionSet {
        section: "active_development",
        question: "What are you actively developing this year, and how?",
        hint: "One per line, e.g. \"Board-level finance course 📅 2026-06-30\".",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Items,
        fields: &[field("item", "Development item", &[])],
    },
    QuestionSet {
        section: "belief",
        question: "What do you believe about your industry that others don't?",
        hint: "One or two sentences: your point of view.",
        follow_ups: &[FollowUp { question: "What experiment would prove you right, or wrong?", label: "Experiment to test it" }],
        definitions: &[],
        shape: Shape::Text,
        fields: &[field("belief", "Belief", &[])],
    },
    QuestionSet {
        section: "innovation_portfolio",
        question: "Which experiments are you running to test that belief?",
        hint: "One per line: experiment | hypothesis | status | learning.",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[
            field("experiment", "Experiment", &[]),
            field("hypothesis", "Hypothesis", &[]),
            field("status", "Status", &[]),
            field("learning", "Learning", &[]),
        ],
    },
    QuestionSet {
        section: "failure_log",
        question: "What didn't work, and what did it teach you?",
        hint: "One per line: date | what failed | lesson.",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[field("date", "Date", &[]), field("failed", "What failed", &[]), field("lesson", "Lesson", &[])],
    },
    QuestionSet {
        section: "network",
        question: "Who are your sponsors? (People who advocate for you when you're not in the room)",
        hint: "One per line: name | sponsor, mentor, advisor or mentee | context.",
        follow_ups: &[FollowUp { question: "Who outside your company would recommend you for a role?", label: "External recommenders" }],
        definitions: NETWORK_TERMS,
        shape: Shape::Entries,
        fields: &[field("name", "Name", &[]), field("kind", "Kind", &[]), field("context", "Context", &[])],
    },
    QuestionSet {
        section: "external_visibility",
        question: "Who outside your company knows your work? Where will you speak or write this year?",
        hint: "One per line: channel | target | status, e.g. \"Speaking | GAS Summit | pitched\".",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[field("channel", "Channel", &[]), field("target", "Target", &[]), field("status", "Status", &[])],
    },
    QuestionSet {
        section: "wins",
        question: "What are the 2-3 biggest achievements from the past 1-2 years?",
        hint: "One per line: title | description (add the year first if it was not this year: 2025 | title | description).",
        follow_ups: &[FollowUp { question: "Can you quantify the $ impact?", label: "Quantified impact" }],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[field("year", "Year", &[]), field("title", "Title", &[]), field("description", "Description", &[])],
    },
    QuestionSet {
        section: "business_impact",
        question: "Can you quantify the $ impact of your wins?",
        hint: "One per line: initiative | business impact | year.",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[field("initiative", "Initiative", &[]), field("impact", "Business Impact", &[]), field("year", "Year", &[])],
    },
    QuestionSet {
        section: "risk_register",
        question: "What if your current path doesn't work out? What could get in the way?",
        hint: "One per line: risk | likelihood | impact | mitigation.",
        follow_ups: &[FollowUp { question: "Which of these would you act on first?", label: "Act on first" }],
        definitions: &[],
        shape: Shape::Entries,
        fields: &[
            field("risk", "Risk", &[]),
            field("likelihood", "Likelihood", &[]),
            field("impact", "Impact", &[]),
            field("mitigation", "Mitigation", &[]),
        ],
    },
    QuestionSet {
        section: "open_tasks",
        question: "What are the next concrete actions this conversation surfaced?",
        hint: "One per line; add a due date like 📅 2026-02-01 if you want the Tasks plugin to track it.",
        follow_ups: &[],
        definitions: &[],
        shape: Shape::Items,
        fields: &[field("task", "Task", &[])],
    },
];

/// The questions for a section id.
pub fn for_section(id: &str) -> Option<&'static QuestionSet> {
    QUESTIONS.iter().find(|q| q.section == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::aliases::by_id;

    #[test]
    fn every_question_targets_a_known_section_and_the_seed_wording_is_kept() {
        for q in QUESTIONS {
            assert!(
                by_id(q.section).is_some(),
                "{} should be a canonical section",
                q.section
            );
            assert!(
                !q.fields.is_empty(),
                "{} should describe its answer",
                q.section
            );
        }
        assert_eq!(
            for_section("vision").unwrap().question,
            "It's 5 years from now and you're fulfilled. What does that look like?"
        );
        assert_eq!(
            for_section("network").unwrap().question,
            "Who are your sponsors? (People who advocate for you when you're not in the room)"
        );
        assert_eq!(
            for_section("wins").unwrap().follow_ups[0].question,
            "Can you quantify the $ impact?"
        );
        assert_eq!(for_section("network").unwrap().definitions.len(), 4);
    }
}
