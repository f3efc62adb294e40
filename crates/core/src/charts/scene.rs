//! The chart model: a small scene of shapes in a `width` × `height` box.
//!
//! Shapes carry a [`Role`] (what they mean), never a colour: the plugin maps
//! roles to Obsidian's CSS variables, the CLI's SVG to its own neutral
//! palette. Every scene also carries a title, a one-sentence description and
//! a text alternative (one line per fact drawn), so nothing is said by colour
//! or position alone. Coordinates are whole pixels, so scenes are exact and
//! their SVG is byte-for-byte deterministic.

use serde::Serialize;

/// What a shape means; each renderer chooses how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Axis lines and ticks.
    Axis,
    /// Light guide lines and cell borders.
    Grid,
    /// Ordinary text.
    Label,
    /// A group's heading text.
    Heading,
    /// Secondary text: counts, notes, legends.
    Muted,
    /// The empty part of a bar, an empty cell.
    Track,
    /// A bar or mark of the main series.
    Bar,
    /// A current or open-ended item (today's quarter, a role still held).
    Accent,
    /// Done, complete, low risk.
    Success,
    /// At risk, medium risk, caught up late.
    Warning,
    /// Missed, high risk, an all-internal network.
    Danger,
    /// Stale: present but long unused.
    Faded,
    /// An outlined mark (outside the employer, unmitigated risk).
    Ring,
    /// A dashed line: what was planned.
    Planned,
    /// A thick line: what was done.
    Actual,
    /// The "today" line.
    Today,
    /// Text on a filled mark (a streak cell, a filled risk mark): drawn in
    /// a colour that stays legible on the fills in light and dark themes.
    OnFill,
}

/// Horizontal anchoring of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// The text starts at `x`.
    Start,
    /// The text is centred on `x`.
    Middle,
    /// The text ends at `x`.
    End,
}

/// One drawn thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "shape", rename_all = "camelCase")]
pub enum Shape {
    /// A rectangle; `tip` is shown on hover (an SVG `<title>`).
    Rect {
        /// Left.
        x: i32,
        /// Top.
        y: i32,
        /// Width.
        w: i32,
        /// Height.
        h: i32,
        /// Meaning.
        role: Role,
        /// Hover text.
        tip: Option<String>,
    },
    /// A circle.
    Circle {
        /// Centre x.
        cx: i32,
        /// Centre y.
        cy: i32,
        /// Radius.
        r: i32,
        /// Meaning.
        role: Role,
        /// Hover text.
        tip: Option<String>,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: i32,
        /// Start y.
        y1: i32,
        /// End x.
        x2: i32,
        /// End y.
        y2: i32,
        /// Meaning.
        role: Role,
    },
    /// Connected points.
    Polyline {
        /// `[x, y]` pairs.
        points: Vec<[i32; 2]>,
        /// Meaning.
        role: Role,
    },
    /// A line of text; `y` is its baseline.
    Text {
        /// Anchor x.
        x: i32,
        /// Baseline y.
        y: i32,
        /// The text (plain; renderers escape it).
        text: String,
        /// Meaning (and weight: headings are bold).
        role: Role,
        /// Anchoring.
        anchor: Anchor,
        /// Font size in px.
        size: i32,
    },
}

/// A chart, ready for either renderer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scene {
    /// `timeline`, `skills`…
    pub kind: String,
    /// The view box's width.
    pub width: i32,
    /// The view box's height.
    pub height: i32,
    /// The chart's title (`<title>`).
    pub title: String,
    /// One sentence saying what the chart shows (`<desc>`).
    pub desc: String,
    /// The text alternative: one line per fact drawn.
    pub alt: Vec<String>,
    /// Set when there is nothing to draw: a friendly message saying what to
    /// add; the shapes then only repeat it.
    pub placeholder: Option<String>,
    /// What to draw, back to front.
    pub shapes: Vec<Shape>,
}

/// Below this width labels go on their own line above full-width bars.
pub(crate) const NARROW: i32 = 480;

/// The width of the label column left of the bars.
pub(crate) fn label_width(width: i32) -> i32 {
    if width < NARROW {
        20
    } else {
        (width * 32 / 100).clamp(110, 230)
    }
}

/// The default font size.
pub const FONT: i32 = 12;

/// A scene under construction.
pub(crate) struct Canvas {
    pub width: i32,
    pub shapes: Vec<Shape>,
}

impl Canvas {
    pub fn new(width: i32) -> Self {
        Self {
            width,
            shapes: Vec::new(),
        }
    }

    pub fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, role: Role, tip: Option<String>) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w: w.max(0),
            h: h.max(0),
            role,
            tip,
        });
    }

    pub fn circle(&mut self, cx: i32, cy: i32, r: i32, role: Role, tip: Option<String>) {
        self.shapes.push(Shape::Circle {
            cx,
            cy,
            r,
            role,
            tip,
        });
    }

    pub fn line(&mut self, x1: i32, y1: i32, x2: i32, y2: i32, role: Role) {
        self.shapes.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            role,
        });
    }

    /// Text cut to fit `max` px (with an ellipsis), at [`FONT`] unless `size` says otherwise.
    pub fn text(&mut self, x: i32, y: i32, text: &str, role: Role, anchor: Anchor, max: i32) {
        self.sized(x, y, text, role, anchor, max, FONT);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn sized(
        &mut self,
        x: i32,
        y: i32,
        text: &str,
        role: Role,
        anchor: Anchor,
        max: i32,
        size: i32,
    ) {
        let text = fit(text, max, size);
        if text.is_empty() {
            return;
        }
        self.shapes.push(Shape::Text {
            x,
            y,
            text,
            role,
            anchor,
            size,
        });
    }

    /// Text wrapped onto as many lines as it needs within `max` px, each
    /// `size + 4` px below the last; returns how far below `y` the last
    /// line's baseline is (0 for one line).
    #[allow(clippy::too_many_arguments)]
    pub fn wrapped(
        &mut self,
        x: i32,
        y: i32,
        text: &str,
        role: Role,
        anchor: Anchor,
        max: i32,
        size: i32,
    ) -> i32 {
        let mut at = y;
        for (i, line) in wrap(text, max, size).iter().enumerate() {
            if i > 0 {
                at += size + 4;
            }
            self.sized(x, at, line, role, anchor, max, size);
        }
        at - y
    }

    /// [`Canvas::wrapped`] at [`FONT`], anchored at its start.
    pub fn lines(&mut self, x: i32, y: i32, text: &str, role: Role, max: i32) -> i32 {
        self.wrapped(x, y, text, role, Anchor::Start, max, FONT)
    }

    /// Moves grid lines behind everything drawn so far.
    pub fn grid_to_back(&mut self) {
        crate::order::sort_by_key(&mut self.shapes, |s| {
            !matches!(
                s,
                Shape::Line {
                    role: Role::Grid,
                    ..
                }
            )
        });
    }

    pub fn finish(
        self,
        kind: &str,
        height: i32,
        title: String,
        desc: String,
        alt: Vec<String>,
    ) -> Scene {
        Scene {
            kind: kind.to_string(),
            width: self.width,
            height,
            title,
            desc,
            alt,
            placeholder: None,
            shapes: self.shapes,
        }
    }
}

/// Roughly how wide `chars` characters are at `size` px (a proportional
/// sans-serif averages a little over half its size).
pub fn text_width(chars: usize, size: i32) -> i32 {
    let chars = i32::try_from(chars).unwrap_or(i32::MAX);
    chars.saturating_mul(size.saturating_mul(58)) / 100
}

/// `text` cut to fit `max` px as [`text_width`] estimates it, ending in `…`
/// when cut. Layouts wrap instead ([`wrap`]); a cut is the last resort for a
/// single word wider than its column, whose full text the text alternative
/// (and usually a hover title) still carries.
pub fn fit(text: &str, max: i32, size: i32) -> String {
    let text = text.trim();
    let count = text.chars().count();
    if text_width(count, size) <= max {
        return text.to_string();
    }
    let keep = (0..count)
        .rev()
        .find(|k| text_width(k + 1, size) <= max)
        .unwrap_or(0);
    if keep == 0 {
        return String::new();
    }
    let cut: String = text.chars().take(keep).collect();
    format!("{}…", cut.trim_end())
}

/// `text` broken into lines of at most `max` px: a list joined by ` · `
/// between its items where it can, else between words (a word wider than
/// `max` alone on its line, [`fit`] to it).
pub fn wrap(text: &str, max: i32, size: i32) -> Vec<String> {
    let fits = |s: &str| text_width(s.chars().count(), size) <= max;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in text.split(" · ").map(str::trim).filter(|i| !i.is_empty()) {
        let joined = if line.is_empty() {
            item.to_string()
        } else {
            format!("{line} · {item}")
        };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits(item) {
            line = item.to_string();
            continue;
        }
        for word in item.split_whitespace() {
            let joined = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if line.is_empty() || fits(&joined) {
                line = joined;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| fit(&l, max, size)).collect()
}

/// A scene with nothing to draw but a message saying what to add.
pub fn placeholder(kind: &str, width: i32, title: &str, message: &str) -> Scene {
    let mut canvas = Canvas::new(width);
    let lines = i32::try_from(wrap(message, width - 16, FONT).len()).unwrap_or(1);
    let height = 48 + lines * 16;
    canvas.rect(0, 0, width, height, Role::Track, None);
    canvas.wrapped(
        width / 2,
        height / 2 + 4 - (lines - 1) * 8,
        message,
        Role::Muted,
        Anchor::Middle,
        width - 16,
        FONT,
    );
    let mut scene = canvas.finish(
        kind,
        height,
        title.to_string(),
        message.to_string(),
        vec![message.to_string()],
    );
    scene.placeholder = Some(message.to_string());
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_lists_between_items_and_sentences_between_words() {
        let legend = "✓ reviewed · ↻ caught up later · × missed · ▢ to come";
        assert_eq!(
            wrap(legend, text_width(32, 12), 12),
            ["✓ reviewed · ↻ caught up later", "× missed · ▢ to come"]
        );
        assert_eq!(
            wrap(
                "Reorg removes the architecture office",
                text_width(20, 12),
                12
            ),
            ["Reorg removes the", "architecture office"]
        );
        for line in wrap("Supercalifragilistic word", text_width(10, 12), 12) {
            assert!(
                text_width(line.chars().count(), 12) <= text_width(10, 12),
                "{line}"
            );
        }
        assert_eq!(wrap("short", 500, 12), ["short"]);
    }
}
