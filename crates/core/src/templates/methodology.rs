//! The methodology note: the repeatable coaching framework, with its Session Logs table.
//!
//! Its content follows the seed methodology, phase by phase, so a person (or
//! an AI assistant) can run a session from the note alone.

use super::{Block, Section};
use crate::goals::template::WEEKLY_QUESTIONS;
use crate::templates::links::LinkFormat;

fn s(text: &str) -> String {
    text.to_string()
}

fn table(header: &[&str], rows: &[&[&str]]) -> Block {
    Block::Table {
        header: header.iter().map(|h| s(h)).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| s(c)).collect())
            .collect(),
    }
}

/// The seed's common blind spots and the question that surfaces each.
pub const COMMON_BLIND_SPOTS: [[&str; 2]; 5] = [
    [
        "No clear POV",
        "What do you believe about your industry that others don't?",
    ],
    [
        "Internal-only visibility",
        "Who outside your company would recommend you for a role?",
    ],
    [
        "No business metrics",
        "Can you quantify the $ impact of your wins?",
    ],
    [
        "Too many priorities",
        "If this year had ONE theme, what would it be?",
    ],
    [
        "No contingency",
        "What if your current path doesn't work out?",
    ],
];

/// Phase 4's step back: the questions to ask of the whole Career Index.
pub const STEP_BACK_QUESTIONS: [&str; 3] = [
    "What's missing that should be front and center?",
    "What would a coach specializing in [your focus area] add?",
    "What are the gaps between where I am and where I want to be?",
];

/// Phase 6: how often each review happens, and what it does.
pub const CADENCE: [[&str; 2]; 4] = [
    ["Weekly", "Review the weekly questions, update task status"],
    ["Monthly", "Check milestones, adjust if needed"],
    [
        "Quarterly",
        "Review the quarterly intention, plan the next quarter",
    ],
    [
        "Annually",
        "Full Career Index review, set next year's theme and goals",
    ],
];

/// The method's key principles: (name, why).
pub const PRINCIPLES: [[&str; 2]; 6] = [
    ["One question at a time", "depth beats breadth"],
    ["Confirm before updating", "builds trust, catches errors"],
    [
        "Separate strategic from tactical",
        "Career Index vs. Goals note",
    ],
    [
        "Blind spot analysis",
        "step back after completing to find gaps",
    ],
    ["Cascade goals", "Vision → Year → Quarter → Month → Week"],
    [
        "Document the meta",
        "session logs make the process repeatable",
    ],
];

fn pairs(header: &[&str], rows: &[[&str; 2]]) -> Block {
    let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    table(header, &rows)
}

fn numbered(items: &[&str]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, q)| format!("{}. {q}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The methodology's sections, as data.
pub fn sections(index_name: &str, goals_name: &str, links: LinkFormat) -> Vec<Section> {
    let index = links.link(index_name, None, None);
    let goals = links.link(goals_name, None, None);
    vec![
        Section::new(
            2,
            "Overview",
            vec![
                Block::Paragraph(s("A repeatable framework for AI-assisted career planning: a basic career note becomes a strategic planning system through structured conversation and iterative refinement.")),
                Block::Bullets(vec![
                    s("**Time required:** 45-90 minutes for the first buildout"),
                    format!("**Output:** {index} and {goals}"),
                ]),
            ],
        ),
        Section::new(2, "The Process", vec![]).with_children(vec![
            Section::new(3, "Phase 1: Foundation Setup", vec![Block::Paragraph(s("Keep a profile file (CLAUDE.md or equivalent) with your profile, professional context, communication preferences, how to help and things to avoid, so the AI can give advice that is not generic."))]).with_children(vec![
                Section::new(4, "What the Profile Holds", vec![
                    Block::Bullets(vec![
                        s("**Profile:** name, location, timezone"),
                        s("**Professional context:** role, industry, expertise"),
                        s("**Communication preferences:** tone, depth, format"),
                        s("**How to help:** the kind of help that is worth the most to you"),
                        s("**Things to avoid:** pet peeves and habits that waste your time"),
                    ]),
                    Block::Paragraph(s("Ask for these one at a time, as in Phase 3, and read each answer back before it goes into the profile.")),
                ]),
            ]),
            Section::new(3, "Phase 2: Career Index Structure", vec![
                Block::Paragraph(format!("{index} has twelve sections. Start with whatever exists and enhance it section by section.")),
                table(&["Section", "Purpose"], &[
                    &["Vision", "5-year north star: where you're heading"],
                    &["Annual Theme", "One focus for this year"],
                    &["Current Role", "Scope, stakeholders, current focus"],
                    &["Timeline", "Career history: the arc"],
                    &["Growth", "Skills inventory and development plan"],
                    &["Innovation Thesis", "Your point of view on your industry"],
                    &["Network", "Sponsors, mentors, advisors, mentees"],
                    &["External Visibility", "Speaking, writing, brand-building"],
                    &["Wins & Artifacts", "Achievements with proof points"],
                    &["Business Impact", "$ value of your work"],
                    &["Risk Register", "Career contingencies"],
                    &["Open Tasks", "Actionable items"],
                ]),
            ]),
            Section::new(3, "Phase 3: Coaching Conversation", vec![
                Block::Paragraph(s("One question at a time: ask the question, receive the answer, confirm understanding, update the note, move to the next.")),
                table(&["Term", "Meaning"], &[
                    &["Sponsor", "Advocates for you when you're not in the room; has power or influence"],
                    &["Mentor", "Gives advice based on experience; you pull from them"],
                    &["Advisor", "Sounding board for specific decisions; mutual exchange"],
                ]),
            ]).with_children(vec![
                Section::new(4, "Why One Question at a Time Works", vec![Block::Bullets(vec![
                    s("**Depth over breadth:** a single question gets a fuller, more considered answer than a list of them"),
                    s("**Misunderstandings surface early:** reading each answer back before writing it catches a wrong reading while it is cheap to fix"),
                    s("**Small batches:** one change at a time is easy to review and easy to undo"),
                    s("**Trust grows by iteration:** every confirmed step shows the note says what you meant"),
                ])]),
                Section::new(4, "Sample Questions", vec![table(&["Section", "Question"], &[
                    &["Vision", "It's 5 years from now and you're fulfilled. What does that look like?"],
                    &["Current Role", "What's your scope? Who are your key stakeholders?"],
                    &["Timeline", "What were the key roles before this one? What did you learn in each?"],
                    &["Network", "Who are your sponsors? (People who advocate for you when you're not in the room)"],
                    &["Wins", "What are the 2-3 biggest achievements from the past 1-2 years?"],
                ])]),
            ]),
            Section::new(3, "Phase 4: Blind Spot Analysis", vec![
                Block::Paragraph(s("After every section is filled, step back and ask what is missing that should be front and center.")),
                pairs(&["Blind Spot", "Question to Surface It"], &COMMON_BLIND_SPOTS),
            ]).with_children(vec![
                Section::new(4, "Step Back and Ask", vec![
                    Block::Paragraph(s("Read the whole Career Index as a coach would, not section by section:")),
                    Block::Bullets(STEP_BACK_QUESTIONS.iter().map(|q| s(q)).collect()),
                ]),
            ]),
            Section::new(3, "Phase 5: Goal Cascade", vec![
                Block::Paragraph(format!("Vision (5-year) → Annual Goals (2-3 outcomes) → Quarterly Intentions → Monthly Milestones → Weekly Actions, in {goals}.")),
            ]).with_children(vec![
                Section::new(4, "Structure for Annual Goals", vec![
                    Block::Paragraph(s("Two or three outcomes, each with the measure that will show it happened.")),
                    table(&["Goal", "Outcome", "Success Metric", "Status"], &[
                        &["G1", "What you'll achieve", "How you'll measure it", "Not started / In progress / Complete"],
                    ]),
                ]),
                Section::new(4, "Quarterly Intentions", vec![
                    Block::Paragraph(s("A short phrase for what each quarter is about, and its concrete priorities.")),
                    table(&["Quarter", "Intention", "Focus"], &[
                        &["Q1", "*\"Stabilize the transition\"*", "[specific priorities]"],
                        &["Q2", "*\"Build the thesis\"*", "[specific priorities]"],
                        &["Q3", "*\"Go external\"*", "[specific priorities]"],
                        &["Q4", "*\"Deliver and reflect\"*", "[specific priorities]"],
                    ]),
                ]),
                Section::new(4, "Weekly Review Questions", vec![Block::Paragraph(numbered(&WEEKLY_QUESTIONS))]),
            ]),
            Section::new(3, "Phase 6: Maintenance", vec![
                pairs(&["Frequency", "Activity"], &CADENCE),
                Block::Paragraph(s("Document every coaching session in a session log: what was discussed, decisions made, frameworks used, open threads.")),
                Block::Paragraph(s("A log makes a session repeatable: the next one starts from its open threads instead of from memory. Each log records:")),
                Block::Bullets(vec![
                    s("**What was discussed:** grouped by phase, with what each question captured"),
                    s("**Decisions made:** each with the reason for it"),
                    s("**Frameworks used:** only those the session actually used"),
                    s("**Artifacts:** every note created or changed"),
                    s("**Open threads:** what to pick up next time, carried until resolved"),
                    s("**Meta observations:** what worked and what to change in the method"),
                ]),
            ]),
        ]),
        Section::new(2, "Session Logs", vec![table(&["Date", "Focus", "Output"], &[])]),
        Section::new(2, "Key Principles", vec![Block::Bullets(
            PRINCIPLES.iter().map(|[name, why]| format!("**{name}**: {why}")).collect(),
        )]),
    ]
}
