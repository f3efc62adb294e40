//! Phase 1 coached: the profile's User Preferences, one question at a time.
//!
//! The seed's profile questions, in order: name, location, timezone; role,
//! industry, expertise; tone, depth, format; how to help; things to avoid.
//! A shell asks one, reads the answer with [`read`], shows its read-back,
//! and on confirmation writes it with [`write`], which replaces the field
//! (`- **Tone:** …`) or the list's placeholder bullets in the part of User
//! Preferences it belongs to, and nothing else. Writing the same answer twice
//! changes nothing, so a crash between the write and saving progress is safe.

use serde::{Deserialize, Serialize};

use crate::edit::lines::one_line;
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::lines::{lines_in, LineEnding};
use crate::note::outline::{sections, Section};
use crate::note::placeholders::is_placeholder_line;
use crate::ops::{outcome_of, Outcome};

/// One profile question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileQuestion {
    /// Stable id: `name`, `location`, … `avoid`.
    pub id: &'static str,
    /// The part of User Preferences it fills (its `###` heading).
    pub part: &'static str,
    /// The field's label (`Name`); `None` for a list part (How to Help, Things to Avoid).
    pub label: Option<&'static str>,
    /// The question.
    pub question: &'static str,
    /// How to answer.
    pub hint: &'static str,
}

const fn field(
    id: &'static str,
    part: &'static str,
    label: &'static str,
    question: &'static str,
    hint: &'static str,
) -> ProfileQuestion {
    ProfileQuestion {
        id,
        part,
        label: Some(label),
        question,
        hint,
    }
}

/// The seed's profile questions, in the order they are asked.
pub const QUESTIONS: [ProfileQuestion; 11] = [
    field(
        "name",
        "Profile",
        "Name",
        "What name should your assistant use for you?",
        "As you like to be addressed.",
    ),
    field(
        "location",
        "Profile",
        "Location",
        "Where are you based?",
        "City and country are enough.",
    ),
    field(
        "timezone",
        "Profile",
        "Timezone",
        "Which timezone do you work in?",
        "For example Europe/Paris or US Eastern.",
    ),
    field(
        "role",
        "Professional Context",
        "Role",
        "What is your role?",
        "Title and scope, in a line.",
    ),
    field(
        "industry",
        "Professional Context",
        "Industry",
        "Which industry are you in?",
        "For example insurance, health care, public sector.",
    ),
    field(
        "expertise",
        "Professional Context",
        "Expertise",
        "What are your areas of expertise?",
        "The few things people come to you for.",
    ),
    field(
        "tone",
        "Communication Preferences",
        "Tone",
        "What tone should your assistant take?",
        "Direct, warm, formal, playful…",
    ),
    field(
        "depth",
        "Communication Preferences",
        "Depth",
        "How much depth do you want?",
        "Brief answers, or the full reasoning?",
    ),
    field(
        "format",
        "Communication Preferences",
        "Format",
        "Which format works best for you?",
        "Bullets, prose, tables…",
    ),
    ProfileQuestion {
        id: "help",
        part: "How to Help",
        label: None,
        question: "What kind of help is most valuable to you?",
        hint: "One per line, or separated by semicolons.",
    },
    ProfileQuestion {
        id: "avoid",
        part: "Things to Avoid",
        label: None,
        question: "What should your assistant avoid: pet peeves, anti-patterns?",
        hint: "One per line, or separated by semicolons.",
    },
];

/// The question with this id.
pub fn question(id: &str) -> CoreResult<&'static ProfileQuestion> {
    QUESTIONS.iter().find(|q| q.id == id).ok_or_else(|| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!("\"{id}\" is not a profile question."),
        )
    })
}

/// What an answer was understood as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileReading {
    /// The question's id.
    pub id: String,
    /// The values to write: one for a field, one per item for a list.
    pub values: Vec<String>,
    /// The read-back to confirm: `Tone: direct` or `How to Help: a; b`.
    pub read_back: String,
}

/// Reads an answer. An empty answer is an error (the shells offer skip for that).
pub fn read(id: &str, answer: &str) -> CoreResult<ProfileReading> {
    let q = question(id)?;
    let values: Vec<String> = match q.label {
        Some(_) => vec![one_line(answer.trim())],
        None => answer
            .lines()
            .flat_map(|l| l.split(';'))
            .map(|item| one_line(item.trim().trim_start_matches(['-', '*', '•']).trim()))
            .filter(|item| !item.is_empty())
            .collect(),
    };
    if values.iter().all(|v| v.is_empty()) {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            "The answer is empty: type an answer, or skip the question.",
        ));
    }
    Ok(ProfileReading {
        id: id.to_string(),
        read_back: format!("{}: {}", q.label.unwrap_or(q.part), values.join("; ")),
        values,
    })
}

/// The part's section inside User Preferences.
fn part_section(text: &str, part: &str) -> CoreResult<Section> {
    let all = sections(text);
    let (level, body) = all
        .iter()
        .find(|s| s.title.trim().eq_ignore_ascii_case("User Preferences"))
        .map(|s| (s.level, s.body_span))
        .ok_or_else(|| missing("User Preferences"))?;
    all.into_iter()
        .find(|s| {
            s.level > level
                && body.contains(s.heading_span)
                && s.title.trim().eq_ignore_ascii_case(part)
        })
        .ok_or_else(|| missing(part))
}

fn missing(what: &str) -> CoreError {
    CoreError::new(
        ErrorCode::SectionNotFound,
        format!("The profile has no {what} section: run `career profile upgrade` (or \"Create or upgrade profile\") first; it only adds what is missing."),
    )
}

/// The field line's value after `**Label:**`, as (span of the value, text).
fn field_value<'t>(
    text: &'t str,
    section: &Section,
    label: &str,
) -> Option<(crate::span::Span, &'t str)> {
    let marker = format!("**{label}:**");
    lines_in(text, section.own_span()).find_map(|line| {
        let trimmed = line.content.trim_start();
        let rest = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))?
            .strip_prefix(&marker)?;
        let value_start = line.start + line.content.len() - rest.len();
        Some((
            crate::span::Span::new(value_start, line.start + line.content.len()),
            rest,
        ))
    })
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ") || t.starts_with("* ")
}

/// What the profile says now for a question (`None` when it holds only the template's prompt).
pub fn current(text: &str, id: &str) -> CoreResult<Option<String>> {
    let q = question(id)?;
    let section = part_section(text, q.part)?;
    let value = match q.label {
        Some(label) => field_value(text, &section, label)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty() && !is_placeholder_line(v)),
        None => {
            let items: Vec<String> = lines_in(text, section.own_span())
                .filter(|l| is_bullet(l.content) && !is_placeholder_line(l.content))
                .map(|l| l.content.trim_start()[2..].trim().to_string())
                .collect();
            (!items.is_empty()).then(|| items.join("; "))
        }
    };
    Ok(value)
}

/// The edits that write a confirmed reading into the profile.
pub fn write(text: &str, reading: &ProfileReading) -> CoreResult<Outcome> {
    let q = question(&reading.id)?;
    let section = part_section(text, q.part)?;
    let eol = LineEnding::detect(text).as_str();
    let mut edits = Vec::new();
    match q.label {
        Some(label) => {
            let value = reading.values.first().cloned().unwrap_or_default();
            match field_value(text, &section, label) {
                Some((span, _)) => edits.push(TextEdit::replace(text, span, format!(" {value}"))),
                None => edits.push(TextEdit::insert(
                    insertion_point(text, &section),
                    format!("- **{label}:** {value}{eol}"),
                )),
            }
        }
        None => {
            let lines: Vec<_> = lines_in(text, section.own_span()).collect();
            let existing: Vec<String> = lines
                .iter()
                .filter(|l| is_bullet(l.content))
                .map(|l| l.content.trim_start()[2..].trim().to_string())
                .collect();
            let new: Vec<&String> = reading
                .values
                .iter()
                .filter(|v| !existing.contains(v))
                .collect();
            let placeholders: Vec<_> = lines
                .iter()
                .filter(|l| is_bullet(l.content) && is_placeholder_line(l.content))
                .collect();
            let block: String = new.iter().map(|v| format!("- {v}{eol}")).collect();
            match placeholders.split_first() {
                Some((first, rest)) => {
                    // The first prompt's line becomes the items; the other prompts go.
                    let items: Vec<String> = new.iter().map(|v| format!("- {v}")).collect();
                    if items.is_empty() {
                        edits.push(TextEdit::replace(text, first.span(), ""));
                    } else {
                        edits.push(TextEdit::replace(
                            text,
                            first.content_span(),
                            items.join(eol),
                        ));
                    }
                    for p in rest {
                        edits.push(TextEdit::replace(text, p.span(), ""));
                    }
                }
                None if !block.is_empty() => {
                    edits.push(TextEdit::insert(insertion_point(text, &section), block));
                }
                None => {}
            }
        }
    }
    outcome_of(text, edits)
}

/// After the part's last bullet, else right after its heading's blank line.
fn insertion_point(text: &str, section: &Section) -> usize {
    let lines: Vec<_> = lines_in(text, section.own_span()).collect();
    if let Some(last) = lines.iter().rev().find(|l| is_bullet(l.content)) {
        return last.end;
    }
    lines
        .iter()
        .find(|l| !l.is_blank())
        .map_or(section.own_span().end, |l| l.start)
}

/// The log's Phase 1 lines for the readings written: `Tone: direct`.
pub fn log_lines(readings: &[ProfileReading]) -> Vec<String> {
    readings.iter().map(|r| r.read_back.clone()).collect()
}
