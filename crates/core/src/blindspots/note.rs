//! The saved analysis: `Blind Spot Analysis YYYY-MM-DD`, with what changed
//! since the previous one.
//!
//! Findings are listed by severity with their evidence and question. The
//! frontmatter keeps each finding as `id@section`, so the next analysis can
//! say which gaps were resolved and which are new, and Bases or Dataview can
//! query them.

use super::{Finding, Severity};
use crate::edit::frontmatter::yaml_scalar;
use crate::note::frontmatter::{frontmatter, Value};

/// The key a finding is compared by across analyses.
pub fn key(finding: &Finding) -> String {
    format!("{}@{}", finding.id, finding.section)
}

/// The finding keys a saved analysis recorded.
pub fn saved_keys(text: &str) -> Vec<String> {
    match frontmatter(text).and_then(|f| f.get("findings").map(|k| k.value.clone())) {
        Some(Value::List(items)) => items,
        _ => Vec::new(),
    }
}

/// The note's name for a date.
pub fn name(date: &str) -> String {
    format!("Blind Spot Analysis {date}")
}

/// Renders the analysis; `previous` is the last saved analysis, if any.
pub fn render(findings: &[Finding], date: &str, previous: Option<(&str, &str)>) -> String {
    let mut out = format!("---\ntype: blind-spot-analysis\ndate: {date}\n");
    if findings.is_empty() {
        out.push_str("findings: []\n");
    } else {
        out.push_str("findings:\n");
        for f in findings {
            out.push_str(&format!("  - {}\n", yaml_scalar(&key(f))));
        }
    }
    out.push_str("tags:\n  - career\n---\n");
    out.push_str(&format!("# Blind Spot Analysis — {date}\n\n"));
    out.push_str("> What's missing that should be front and center?\n\n");
    if findings.is_empty() {
        out.push_str("No gaps found. Review again after the next quarter.\n");
    }
    for (severity, title) in [
        (Severity::High, "High"),
        (Severity::Medium, "Medium"),
        (Severity::Low, "Low"),
    ] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("## {title}\n\n"));
        for f in group {
            let cited: Vec<String> = if f.lines.is_empty() {
                f.line.iter().map(ToString::to_string).collect()
            } else {
                f.lines.iter().map(ToString::to_string).collect()
            };
            let line = match cited.as_slice() {
                [] => String::new(),
                [one] => format!(" (line {one})"),
                many => format!(" (lines {})", many.join(", ")),
            };
            out.push_str(&format!(
                "- [ ] **{}**: {}{line}\n    - Ask: *{}*\n",
                f.section, f.evidence, f.question
            ));
        }
        out.push('\n');
    }
    if let Some((previous_name, previous_text)) = previous {
        let before = saved_keys(previous_text);
        let now: Vec<String> = findings.iter().map(key).collect();
        let resolved: Vec<&String> = before.iter().filter(|k| !now.contains(k)).collect();
        let new: Vec<&String> = now.iter().filter(|k| !before.contains(k)).collect();
        out.push_str(&format!("## Since [[{previous_name}]]\n\n"));
        let list = |keys: &[&String]| {
            if keys.is_empty() {
                "none".to_string()
            } else {
                keys.iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        out.push_str(&format!(
            "- Resolved: {}\n- New: {}\n",
            list(&resolved),
            list(&new)
        ));
    }
    out
}
