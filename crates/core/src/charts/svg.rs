//! A scene as a standalone SVG file, for the CLI and the gallery.
//!
//! The file carries its own neutral palette (a `<style>` keyed by role
//! classes, with a dark variant under `prefers-color-scheme`), `role="img"`,
//! a `<title>`, and a `<desc>` holding the description and the full text
//! alternative, so a screen reader or a text-only viewer gets every fact.
//! Text is escaped here, the one place a scene becomes markup.

use std::fmt::Write;

use super::scene::{Anchor, Role, Scene, Shape};

const STYLE: &str = "svg{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}\
.bg{fill:#ffffff}\
text{fill:#1f2328}text.muted{fill:#59636e}text.heading{font-weight:600}\
.axis{stroke:#59636e;stroke-width:1}.grid{stroke:#d1d9e0;stroke-width:1;fill:none}\
.track{fill:#eff2f5}.bar{fill:#4a6fa5}.accent{fill:#7a4fb5}.success{fill:#2f7d3b}\
.warning{fill:#9a6700}.danger{fill:#b3261e}.faded{fill:#9aa5b1;fill-opacity:.55}\
.ring{fill:#ffffff;stroke:#4a6fa5;stroke-width:2}\
rect.grid{fill:none}\
polyline.planned,line.planned{stroke:#59636e;stroke-width:1.5;stroke-dasharray:5 4;fill:none}\
polyline.actual,line.actual{stroke:#4a6fa5;stroke-width:2.5;fill:none}\
line.today{stroke:#7a4fb5;stroke-width:1.5;stroke-dasharray:2 3}\
text.success{fill:#2f7d3b}text.warning{fill:#8a5d00}text.danger{fill:#b3261e}text.accent{fill:#7a4fb5}text.faded{fill:#59636e;font-style:italic}text.on-fill{fill:#ffffff;font-weight:600}\
@media (prefers-color-scheme:dark){.bg{fill:#1e1e1e}text{fill:#e6e6e6}text.muted{fill:#a0a0a0}\
.grid{stroke:#3a3a3a}.axis{stroke:#a0a0a0}.track{fill:#2c2c2c}.ring{fill:#1e1e1e}\
text.warning{fill:#e0a82e}text.danger{fill:#f08080}text.success{fill:#6cc17a}text.accent{fill:#b48ce6}text.faded{fill:#a0a0a0}}";

/// The scene as a complete SVG document.
pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::with_capacity(256 + scene.shapes.len() * 96);
    let id = format!("career-chart-{}", scene.kind);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{t}</title>\n\
         <desc id=\"{id}-desc\">{d}",
        w = scene.width,
        h = scene.height,
        t = escape(&scene.title),
        d = escape(&scene.desc),
    );
    for line in &scene.alt {
        out.push('\n');
        out.push_str(&escape(line));
    }
    let _ = write!(
        out,
        "</desc>\n<style>{STYLE}</style>\n<rect class=\"bg\" width=\"{}\" height=\"{}\"/>\n",
        scene.width, scene.height
    );
    for shape in &scene.shapes {
        shape_svg(&mut out, shape);
    }
    out.push_str("</svg>\n");
    out
}

fn shape_svg(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            role,
            tip,
        } => {
            let _ = write!(
                out,
                "<rect class=\"{}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"2\"",
                class(*role)
            );
            close(out, "rect", tip.as_deref());
        }
        Shape::Circle {
            cx,
            cy,
            r,
            role,
            tip,
        } => {
            let _ = write!(
                out,
                "<circle class=\"{}\" cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\"",
                class(*role)
            );
            close(out, "circle", tip.as_deref());
        }
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            role,
        } => {
            let _ = writeln!(
                out,
                "<line class=\"{}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>",
                class(*role)
            );
        }
        Shape::Polyline { points, role } => {
            let points: Vec<String> = points.iter().map(|[x, y]| format!("{x},{y}")).collect();
            let _ = writeln!(
                out,
                "<polyline class=\"{}\" points=\"{}\"/>",
                class(*role),
                points.join(" ")
            );
        }
        Shape::Text {
            x,
            y,
            text,
            role,
            anchor,
            size,
        } => {
            let _ = writeln!(
                out,
                "<text class=\"{}\" x=\"{x}\" y=\"{y}\" font-size=\"{size}\" text-anchor=\"{}\">{}</text>",
                class(*role),
                anchor_name(*anchor),
                escape(text)
            );
        }
    }
}

fn close(out: &mut String, tag: &str, tip: Option<&str>) {
    match tip {
        Some(tip) => {
            let _ = writeln!(out, "><title>{}</title></{tag}>", escape(tip));
        }
        None => out.push_str("/>\n"),
    }
}

/// The class a role is styled by (the plugin prefixes it with `career-chart-`).
pub fn class(role: Role) -> &'static str {
    match role {
        Role::Axis => "axis",
        Role::Grid => "grid",
        Role::Label => "label",
        Role::Heading => "heading",
        Role::Muted => "muted",
        Role::Track => "track",
        Role::Bar => "bar",
        Role::Accent => "accent",
        Role::Success => "success",
        Role::Warning => "warning",
        Role::Danger => "danger",
        Role::Faded => "faded",
        Role::Ring => "ring",
        Role::Planned => "planned",
        Role::Actual => "actual",
        Role::Today => "today",
        Role::OnFill => "on-fill",
    }
}

fn anchor_name(anchor: Anchor) -> &'static str {
    match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    }
}

/// XML text and attribute escaping; control characters XML forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}
