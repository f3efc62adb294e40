//! The profile file an AI assistant reads (Phase 1 of the method).
//!
//! Its `User Preferences` section tells the assistant who the person is and
//! how to help: profile, professional context, communication preferences,
//! how to help, and things to avoid. A `Career Coaching` section tells it
//! where the career notes are and how to work with them.

use super::{Block, Section};
use crate::templates::links::LinkFormat;

fn s(text: &str) -> String {
    text.to_string()
}

/// The `User Preferences` section, as data.
pub fn user_preferences() -> Section {
    let fields = |items: &[&str]| {
        Block::Bullets(
            items
                .iter()
                .map(|i| format!("**{i}:** [{}]", i.to_lowercase()))
                .collect(),
        )
    };
    Section::new(2, "User Preferences", vec![]).with_children(vec![
        Section::new(
            3,
            "Profile",
            vec![fields(&["Name", "Location", "Timezone"])],
        ),
        Section::new(
            3,
            "Professional Context",
            vec![fields(&["Role", "Industry", "Expertise"])],
        ),
        Section::new(
            3,
            "Communication Preferences",
            vec![fields(&["Tone", "Depth", "Format"])],
        ),
        Section::new(
            3,
            "How to Help",
            vec![Block::Bullets(vec![s(
                "[What kind of help is most valuable]",
            )])],
        ),
        Section::new(
            3,
            "Things to Avoid",
            vec![Block::Bullets(vec![s("[Pet peeves and anti-patterns]")])],
        ),
    ])
}

/// The `Career Coaching` section: where the notes are and how to coach.
pub fn career_coaching(index_name: &str, links: LinkFormat) -> Section {
    Section::new(
        2,
        "Career Coaching",
        vec![
            Block::Paragraph(format!(
                "Career notes: {}. Use the `career` command in this vault to read and change them (`career --help`).",
                links.link(index_name, None, None)
            )),
            Block::Paragraph(s("If Career Coach's MCP tools are connected (`career mcp`: `read_index`, `propose_section_answer`, `confirm_change`…), use them: each phase of the method is one of its prompts, and every change is proposed, shown to me and written only once I confirm it.")),
            Block::Bullets(vec![
                s("Ask one question at a time: ask, receive the answer, confirm your understanding, update the note, then move on."),
                s("Confirm before updating a note, and change only the section in question."),
                s("Keep strategy in the Career Index and tactics in the goals note."),
                s("Write a session log at the end of every coaching session."),
            ]),
        ],
    )
}

/// The sections the profile file should have, in order.
pub fn sections(index_name: &str, links: LinkFormat) -> Vec<Section> {
    vec![user_preferences(), career_coaching(index_name, links)]
}
