//! Pictures of a career: six charts computed from the notes as small scenes.
//!
//! One model, two renderers: [`chart`] reads the Career Index (through
//! `note::readers`, so tables, lists and renamed sections draw alike), the
//! goals note and the review notes, and returns a
//! [`Scene`]; the plugin draws it with DOM calls styled by Obsidian's CSS
//! variables, the CLI writes it as a standalone SVG ([`svg::to_svg`]). No
//! clock, no I/O: `today` and the career folder's notes come in.
//!
//! Missing or unreadable data is never an error here: the scene is then a
//! placeholder saying what to add. Only a block the person mistyped (an
//! unknown kind or option) is an `invalid_input` error, with the fix.

pub mod block;
mod network;
mod progress;
mod risks;
pub mod scene;
mod skills;
mod streak;
pub mod svg;
mod timeline;

use crate::dates::Day;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::reviews::due::reviews_in;
use crate::settings::Settings;

pub use block::{parse_block, ChartOptions};
pub use scene::{Anchor, Role, Scene, Shape};

/// The charts there are.
pub const KINDS: [&str; 6] = [
    "timeline", "skills", "network", "risks", "progress", "streak",
];

/// Default and bounds of a scene's width in px.
pub const DEFAULT_WIDTH: i32 = 640;
const MIN_WIDTH: i32 = 300;
const MAX_WIDTH: i32 = 1200;

/// Everything a chart may read.
pub struct ChartInput<'a> {
    /// Which chart, and its options.
    pub options: &'a ChartOptions,
    /// The day to draw "now" at.
    pub today: Day,
    /// The plugin's settings (note names, the planning year's start).
    pub settings: &'a Settings,
    /// The career folder's notes as (vault path, text): the Career Index,
    /// goals notes and reviews among them.
    pub notes: &'a [(String, String)],
    /// The note a block is drawn in (its path, among `notes`), if any: a
    /// progress chart with no `year:` in a goals note shows that note.
    pub source: Option<&'a str>,
}

/// The chart `input.options.kind` asks for.
pub fn chart(input: &ChartInput<'_>) -> CoreResult<Scene> {
    let o = input.options;
    let width = o.width.unwrap_or(DEFAULT_WIDTH).clamp(MIN_WIDTH, MAX_WIDTH);
    let fiscal = input.settings.fiscal()?;
    let paths = input.settings.note_paths(input.today)?;
    let index = note(input.notes, &paths.career_index);
    let today = input.today;
    Ok(match o.kind.as_str() {
        "timeline" => timeline::timeline(index, today, width),
        "skills" => skills::skills(index, today, width),
        "network" => network::network(index, today, width),
        "risks" => risks::risks(index, width),
        "progress" => {
            let path =
                match (o.year, goals_source(input)) {
                    (None, Some(here)) => here.to_string(),
                    (year, _) => input.settings.goals_path(year.unwrap_or_else(|| {
                        crate::goals::year::default_year(today, fiscal).current
                    }))?,
                };
            progress::progress(
                note(input.notes, &path),
                &path,
                &o.goals,
                fiscal,
                today,
                width,
            )
        }
        "streak" => {
            let year = o.year.unwrap_or_else(|| today.year());
            streak::streak(&reviews_in(input.notes), year, today, width)
        }
        other => return Err(unknown_kind(other)),
    })
}

/// The error for a kind that does not exist, listing those that do.
pub fn unknown_kind(kind: &str) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        format!(
            "There is no \"{kind}\" chart. Use one of: {}.",
            KINDS.join(", ")
        ),
    )
}

/// The note the block is in, when it is a goals note: `type: goals`, or a
/// note that holds annual goals (the `career-progress` block always showed
/// the note it was in, whatever its name).
fn goals_source<'a>(input: &ChartInput<'a>) -> Option<&'a str> {
    let path = input.source?;
    let text = note(input.notes, path)?;
    let typed = crate::note::frontmatter::frontmatter(text).is_some_and(|f| {
        f.get("type").is_some_and(|k| {
            matches!(&k.value, crate::note::frontmatter::Value::Scalar(s) if s.trim() == "goals")
        })
    });
    (typed || !crate::goals::read(text).goals.is_empty()).then_some(path)
}

fn note<'a>(notes: &'a [(String, String)], path: &str) -> Option<&'a str> {
    notes
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, t)| t.as_str())
}
