//! `career chart KIND`: one of the six charts as a standalone SVG file.
//!
//! The scene comes from the core exactly as the plugin's `career-chart` block
//! gets it (the same notes of the career folder, the same options); this
//! module only serialises it and writes it. `--output` follows `career
//! calendar`: a vault-relative or absolute path, through the guarded write,
//! replacing an existing file only when it is an SVG (or with `--force`).

use std::path::Path;

use career_core::charts::{self, svg, ChartInput, ChartOptions};
use career_core::{CoreError, ErrorCode};

use crate::output::Output;
use crate::Context;

/// What `career chart` was asked.
pub struct ChartArgs {
    /// The chart's kind.
    pub kind: String,
    /// Progress: only these goals.
    pub goals: Vec<String>,
    /// Progress: the planning year; streak: the calendar year.
    pub year: Option<i32>,
    /// The layout width in px.
    pub width: Option<i32>,
    /// Where to write the SVG (stdout otherwise).
    pub output: Option<String>,
    /// Replace an existing non-SVG --output file.
    pub force: bool,
}

/// Prints the chart's SVG, or writes it to `--output`.
pub fn run(context: &Context, args: &ChartArgs) -> Result<Output, CoreError> {
    let kind = args.kind.trim().to_ascii_lowercase();
    if !charts::KINDS.contains(&kind.as_str()) {
        return Err(charts::unknown_kind(&kind));
    }
    let options = ChartOptions {
        kind,
        goals: args
            .goals
            .iter()
            .flat_map(|g| g.split(','))
            .map(|g| g.trim().to_ascii_uppercase())
            .filter(|g| !g.is_empty())
            .collect(),
        year: args.year,
        width: args.width,
    };
    let notes = super::career_folder::notes(context)?;
    let scene = charts::chart(&ChartInput {
        options: &options,
        today: context.today,
        settings: &context.settings,
        notes: &notes,
        source: None,
    })?;
    let text = svg::to_svg(&scene);
    let Some(output) = args.output.as_deref() else {
        return Ok(Output {
            human: text.clone(),
            json: serde_json::json!({ "svg": text, "title": scene.title, "desc": scene.desc, "alt": scene.alt, "placeholder": scene.placeholder }),
            exact: true,
        });
    };
    let vault = context.files()?;
    let target = if Path::new(output).is_absolute() {
        Path::new(output).to_path_buf()
    } else {
        vault.resolve("chart output", output)?
    };
    vault.write_file(&target, &mut |current| match current {
        Some(old) if !args.force && !is_svg(old) => Err(CoreError::new(
            ErrorCode::NoteExists,
            format!("{output} exists and is not an SVG file, so it was not replaced. Choose another file, or add --force to replace it."),
        )),
        _ => Ok(Some(text.clone())),
    })?;
    let note = scene
        .placeholder
        .as_deref()
        .map(|p| format!(" (nothing to draw yet: {p})"))
        .unwrap_or_default();
    Ok(Output::new(
        format!("Wrote {output}: {}{note}", scene.title),
        serde_json::json!({ "path": output, "placeholder": scene.placeholder }),
    ))
}

/// Whether `text` is an SVG document (an older chart).
fn is_svg(text: &str) -> bool {
    let head: String = text.chars().take(512).collect();
    head.contains("<svg")
}
