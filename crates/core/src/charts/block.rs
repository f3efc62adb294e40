//! The `career-chart` code block's source: `key: value` lines.
//!
//! ```text
//! kind: progress
//! goals: G1, G2
//! year: 2026
//! ```
//!
//! A bare first line names the kind (`progress`). Unknown keys, kinds and
//! malformed values are `invalid_input` errors whose message says the fix,
//! so the block can show it instead of a drawing.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult, ErrorCode};

use super::{unknown_kind, KINDS};

/// What a block (or `career chart`) asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ChartOptions {
    /// `timeline`, `skills`, `network`, `risks`, `progress` or `streak`.
    pub kind: String,
    /// Progress: only these goals (`G1`…); all when empty.
    pub goals: Vec<String>,
    /// Progress: the planning year; streak: the calendar year.
    pub year: Option<i32>,
    /// The width to lay out for, in px (300–1200; 640 by default).
    pub width: Option<i32>,
}

/// Reads a block's source.
pub fn parse_block(source: &str) -> CoreResult<ChartOptions> {
    let mut options = ChartOptions::default();
    for (n, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            if n == 0 || options.kind.is_empty() {
                options.kind = line.to_ascii_lowercase();
                continue;
            }
            return Err(invalid(format!(
                "\"{line}\" is not an option: write it as key: value (kind, goals, year or width)."
            )));
        };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "kind" | "chart" => options.kind = value.to_ascii_lowercase(),
            "goals" | "goal" => {
                options.goals = value
                    .split([',', ' '])
                    .map(|g| g.trim().trim_start_matches('#').to_ascii_uppercase())
                    .filter(|g| !g.is_empty())
                    .collect();
            }
            "year" => {
                options.year = Some(
                    value
                        .parse::<i32>()
                        .ok()
                        .filter(|y| (1900..=2200).contains(y))
                        .ok_or_else(|| {
                            invalid(format!("year: \"{value}\" is not a year like 2026."))
                        })?,
                );
            }
            "width" => {
                options.width = Some(value.parse::<i32>().map_err(|_| {
                    invalid(format!("width: \"{value}\" is not a number of pixels."))
                })?);
            }
            other => {
                return Err(invalid(format!(
                    "\"{other}\" is not a chart option. Use kind, goals, year or width."
                )))
            }
        }
    }
    if options.kind.is_empty() {
        return Err(invalid(format!(
            "Say which chart: kind: {}.",
            KINDS.join(" | ")
        )));
    }
    if !KINDS.contains(&options.kind.as_str()) {
        return Err(unknown_kind(&options.kind));
    }
    Ok(options)
}

fn invalid(message: String) -> CoreError {
    CoreError::new(ErrorCode::InvalidInput, message)
}
