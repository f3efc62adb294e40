//! Links in the user's format.
//!
//! Obsidian writes either wikilinks (`[[2026 Goals]]`) or markdown links
//! (`[2026 Goals](2026%20Goals.md)`), per its "Use [[Wikilinks]]" setting.
//! Everything Career Coach generates goes through [`LinkFormat::link`], so a
//! vault that uses markdown links gets markdown links.

use serde::Deserialize;

/// How links are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkFormat {
    /// `[[Note]]`, Obsidian's default.
    #[default]
    Wikilink,
    /// `[Note](Note.md)`, with the path percent-encoded.
    Markdown,
}

impl LinkFormat {
    /// A link to the note named `target` (no `.md`), with optional heading and display text.
    pub fn link(self, target: &str, heading: Option<&str>, text: Option<&str>) -> String {
        match self {
            Self::Wikilink => {
                let sub = heading.map(|h| format!("#{h}")).unwrap_or_default();
                let alias = text.map(|t| format!("|{t}")).unwrap_or_default();
                format!("[[{target}{sub}{alias}]]")
            }
            Self::Markdown => {
                let file = if target.ends_with(".md") {
                    target.to_string()
                } else {
                    format!("{target}.md")
                };
                let path = encode(&file);
                let sub = heading
                    .map(|h| format!("#{}", encode(h)))
                    .unwrap_or_default();
                let shown = text.or(heading).unwrap_or(target);
                format!("[{shown}]({path}{sub})")
            }
        }
    }

    /// A link inside a table cell, where a wikilink's alias pipe must be escaped.
    pub fn link_in_table(self, target: &str, text: Option<&str>) -> String {
        self.link(target, None, text).replace("|", "\\|")
    }
}

/// Percent-encodes what markdown link destinations cannot hold.
fn encode(path: &str) -> String {
    path.chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '(' => "%28".to_string(),
            ')' => "%29".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            '#' => "%23".to_string(),
            '%' => "%25".to_string(),
            '^' => "%5E".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_both_link_formats() {
        assert_eq!(
            LinkFormat::Wikilink.link("2026 Goals", None, None),
            "[[2026 Goals]]"
        );
        assert_eq!(
            LinkFormat::Wikilink.link("CLAUDE.md", Some("User Preferences"), None),
            "[[CLAUDE.md#User Preferences]]"
        );
        assert_eq!(
            LinkFormat::Markdown.link("2026 Goals", None, None),
            "[2026 Goals](2026%20Goals.md)"
        );
        assert_eq!(
            LinkFormat::Markdown.link("CLAUDE.md", Some("User Preferences"), None),
            "[User Preferences](CLAUDE.md#User%20Preferences)"
        );
        assert_eq!(
            LinkFormat::Markdown.link("0_Career_Index", Some("Risk Register"), Some("risks")),
            "[risks](0_Career_Index.md#Risk%20Register)"
        );
        assert_eq!(
            LinkFormat::Wikilink
                .link_in_table("2026-01-17 Career Coaching Session", Some("Jan 17")),
            "[[2026-01-17 Career Coaching Session\\|Jan 17]]"
        );
    }
}
