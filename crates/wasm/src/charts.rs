//! Export for the charts: a `career-chart` block's source and the career
//! folder's notes in, a scene out (see `career_core::charts`).

use career_core::charts::{self, parse_block, ChartInput};
use career_core::{Day, Settings};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::exports::with_notes;
use crate::{respond, Notes};

#[wasm_bindgen(typescript_custom_section)]
const TS_CHART_TYPES: &'static str = r#"
export type ChartRole = "axis" | "grid" | "label" | "heading" | "muted" | "track" | "bar" | "accent" | "success" | "warning" | "danger" | "faded" | "ring" | "planned" | "actual" | "today" | "on-fill";
export type ChartShape =
  | { shape: "rect"; x: number; y: number; w: number; h: number; role: ChartRole; tip: string | null }
  | { shape: "circle"; cx: number; cy: number; r: number; role: ChartRole; tip: string | null }
  | { shape: "line"; x1: number; y1: number; x2: number; y2: number; role: ChartRole }
  | { shape: "polyline"; points: [number, number][]; role: ChartRole }
  | { shape: "text"; x: number; y: number; text: string; role: ChartRole; anchor: "start" | "middle" | "end"; size: number };
export interface ChartScene { kind: string; width: number; height: number; title: string; desc: string; alt: string[]; placeholder: string | null; shapes: ChartShape[] }
export interface ChartInput { source: string; today: string; settings?: Partial<Settings>; notes: [string, string][]; width?: number | null; sourcePath?: string | null }
"#;

/// Input of `chartScene`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ChartRequest {
    /// The code block's source.
    source: String,
    today: String,
    #[serde(default)]
    settings: Settings,
    /// The career folder's notes (path, text), read by `with_notes`.
    #[serde(skip)]
    notes: Notes,
    /// The width to lay out for (the block's width); the block's own `width:` wins.
    #[serde(default)]
    width: Option<i32>,
    /// The path of the note the block is in (one of `notes`).
    #[serde(default)]
    source_path: Option<String>,
}

/// The scene a `career-chart` block draws.
#[wasm_bindgen(js_name = chartScene, unchecked_return_type = "CoreResult<ChartScene>")]
pub fn chart_scene(#[wasm_bindgen(unchecked_param_type = "ChartInput")] value: JsValue) -> JsValue {
    let read = with_notes::<ChartRequest>(value, "notes", |r, notes| {
        r.notes = notes.unwrap_or_default();
        Ok(())
    });
    respond(read.and_then(|r| {
        let mut options = parse_block(&r.source)?;
        options.width = options.width.or(r.width);
        charts::chart(&ChartInput {
            options: &options,
            today: Day::parse(&r.today)?,
            settings: &r.settings,
            notes: &r.notes,
            source: r.source_path.as_deref(),
        })
    }))
}
