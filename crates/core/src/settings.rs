//! User settings shared by the plugin and the CLI, and the note paths they produce.
//!
//! Names and patterns are checked here, once, so that a bad setting is reported
//! with a clear message instead of producing a note Obsidian cannot link to or
//! a file that will not sync.

use serde::{Deserialize, Serialize};

use crate::dates::Day;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::periods::{FiscalYear, Period, PeriodKind};

/// Where Career Coach's notes live and how they are named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Settings {
    /// Vault-relative folder for career notes; empty means the vault root.
    pub career_folder: String,
    /// Note name (without `.md`) of the Career Index.
    pub career_index_name: String,
    /// Pattern for the goals note; `{year}` is replaced.
    pub goals_name_pattern: String,
    /// Pattern for session logs; `{date}` is replaced with `YYYY-MM-DD`.
    pub session_log_name_pattern: String,
    /// Vault-relative path of the profile file an AI assistant reads.
    pub profile_file: String,
    /// Note name of the methodology note.
    pub methodology_note_name: String,
    /// Whether `init` and the palette create the methodology note.
    pub methodology_note: bool,
    /// The month (1–12) the planning year starts in; quarters follow it.
    pub fiscal_year_start_month: u32,
    /// Pattern for weekly reviews; `{period}` becomes `2026-W03`.
    pub weekly_review_name_pattern: String,
    /// Pattern for monthly reviews; `{period}` becomes `2026-01`.
    pub monthly_review_name_pattern: String,
    /// Pattern for quarterly reviews; `{period}` becomes `2026-Q1`.
    pub quarterly_review_name_pattern: String,
    /// Pattern for annual reviews; `{period}` becomes `2026`.
    pub annual_review_name_pattern: String,
    /// Write reviews into the user's Periodic Notes (a `## Career review`
    /// section) instead of notes of their own.
    pub reviews_in_periodic_notes: bool,
    /// Where the Career Index was found when it is not at the configured
    /// path (see [`crate::index_location`]); set by the shells, never saved.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub career_index_location: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            career_folder: "Career".into(),
            career_index_name: "0_Career_Index".into(),
            goals_name_pattern: "{year} Goals".into(),
            session_log_name_pattern: "{date} Career Coaching Session".into(),
            profile_file: "CLAUDE.md".into(),
            methodology_note_name: "Career Coaching Methodology".into(),
            methodology_note: true,
            fiscal_year_start_month: 1,
            weekly_review_name_pattern: "{period} Weekly Review".into(),
            monthly_review_name_pattern: "{period} Monthly Review".into(),
            quarterly_review_name_pattern: "{period} Quarterly Review".into(),
            annual_review_name_pattern: "{period} Annual Review".into(),
            reviews_in_periodic_notes: false,
            career_index_location: String::new(),
        }
    }
}

/// The vault-relative paths of the notes Career Coach reads and writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotePaths {
    /// The goals note's name as a link target (no folder, no `.md`).
    pub goals_name: String,
    /// The Career Index's name as a link target.
    pub career_index_name: String,
    /// The methodology note's name as a link target.
    pub methodology_name: String,
    /// The methodology note.
    pub methodology: String,
    /// The Career Index note.
    pub career_index: String,
    /// This year's goals note.
    pub goals: String,
    /// Today's session log (before de-duplication of same-day names).
    pub session_log: String,
    /// The profile file.
    pub profile: String,
}

/// Characters that break wikilinks or file sync when they appear in a note name.
const FORBIDDEN_IN_NAME: &[char] = &[
    '#', '|', '^', '[', ']', '\\', '/', ':', '*', '?', '"', '<', '>',
];

impl Settings {
    /// Computes every note path for `today`, refusing settings that cannot name a note.
    pub fn note_paths(&self, today: Day) -> CoreResult<NotePaths> {
        let folder = normalize_folder(&self.career_folder)?;
        let year = today.year().to_string();
        // The goals note is the planning year's, which a fiscal year may start in an earlier
        // calendar year (with an April start, 2027-02-01 is in "2026 Goals").
        let planning_year = match Period::containing(PeriodKind::Year, today, self.fiscal()?) {
            Period::Year { year } => year,
            _ => today.year(),
        };
        let date = today.iso();
        let (index, index_path) = self.career_index_at(&folder)?;
        let goals = self.goals_name(planning_year)?;
        let log = check_name(
            "Session log name pattern",
            &self
                .session_log_name_pattern
                .replace("{date}", &date)
                .replace("{year}", &year),
        )?;
        let methodology = check_name("Methodology note name", &self.methodology_note_name)?;
        Ok(NotePaths {
            goals_name: goals.clone(),
            career_index_name: index.clone(),
            methodology_name: methodology.clone(),
            methodology: join(&folder, &methodology),
            career_index: index_path,
            goals: join(&folder, &goals),
            session_log: join(&folder, &log),
            profile: normalize_file(&self.profile_file)?,
        })
    }
}

impl Settings {
    /// The Career Index's name (a link target) and vault path: where it was
    /// found, or the configured name in the career folder.
    fn career_index_at(&self, folder: &str) -> CoreResult<(String, String)> {
        let configured = check_name("Career Index note name", &self.career_index_name)?;
        if self.career_index_location.trim().is_empty() {
            return Ok((configured.clone(), join(folder, &configured)));
        }
        let path =
            crate::vault_path::confine_file("Career Index location", &self.career_index_location)?;
        let name = path
            .rsplit('/')
            .next()
            .unwrap_or(&path)
            .trim_end_matches(".md")
            .to_string();
        Ok((name, path))
    }

    /// The planning year, from `fiscal_year_start_month`.
    pub fn fiscal(&self) -> CoreResult<FiscalYear> {
        FiscalYear::starting(self.fiscal_year_start_month)
    }

    /// The goals note's name (a link target) for a planning year.
    pub fn goals_name(&self, year: i32) -> CoreResult<String> {
        check_name(
            "Goals note name pattern",
            &self.goals_name_pattern.replace("{year}", &year.to_string()),
        )
    }

    /// The goals note's vault path for a planning year.
    pub fn goals_path(&self, year: i32) -> CoreResult<String> {
        Ok(join(&self.folder()?, &self.goals_name(year)?))
    }

    /// The review note's name (a link target) for a period.
    pub fn review_name(&self, period: Period) -> CoreResult<String> {
        let (what, pattern) = match period.kind() {
            PeriodKind::Week => (
                "Weekly review name pattern",
                &self.weekly_review_name_pattern,
            ),
            PeriodKind::Month => (
                "Monthly review name pattern",
                &self.monthly_review_name_pattern,
            ),
            PeriodKind::Quarter => (
                "Quarterly review name pattern",
                &self.quarterly_review_name_pattern,
            ),
            PeriodKind::Year => (
                "Annual review name pattern",
                &self.annual_review_name_pattern,
            ),
        };
        if !pattern.contains("{period}") {
            return Err(invalid(
                what,
                pattern,
                "has no {period}, so every review would share one name",
            ));
        }
        check_name(what, &pattern.replace("{period}", &period.to_string()))
    }

    /// The review note's vault path for a period.
    pub fn review_path(&self, period: Period) -> CoreResult<String> {
        Ok(join(&self.folder()?, &self.review_name(period)?))
    }

    /// The career folder, normalised (empty for the vault root).
    pub fn folder(&self) -> CoreResult<String> {
        normalize_folder(&self.career_folder)
    }
}

fn join(folder: &str, name: &str) -> String {
    if folder.is_empty() {
        format!("{name}.md")
    } else {
        format!("{folder}/{name}.md")
    }
}

fn invalid(what: &str, value: &str, why: &str) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidSettings,
        format!("The {what} \"{value}\" {why}."),
    )
}

fn check_name(what: &str, name: &str) -> CoreResult<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(invalid(what, name, "is empty"));
    }
    if let Some(bad) = trimmed
        .chars()
        .find(|c| FORBIDDEN_IN_NAME.contains(c) || c.is_control())
    {
        return Err(invalid(
            what,
            name,
            &format!("contains \"{bad}\", which breaks links or sync"),
        ));
    }
    if trimmed.contains('{') || trimmed.contains('}') {
        return Err(invalid(
            what,
            name,
            "has a placeholder other than {year}, {date} or {period}",
        ));
    }
    if trimmed.starts_with('.') {
        return Err(invalid(
            what,
            name,
            "starts with a dot, which hides the note",
        ));
    }
    Ok(trimmed.to_string())
}

/// Normalises a folder the way Obsidian's `normalizePath` does: forward slashes,
/// no empty segments, no leading or trailing slash; refuses one that leaves the vault.
fn normalize_folder(folder: &str) -> CoreResult<String> {
    normalize_path("career folder", folder)
}

fn normalize_path(what: &str, path: &str) -> CoreResult<String> {
    let confined = crate::vault_path::confine(what, path)?;
    if path.split(['/', '\\']).any(|p| p.trim() == "..") {
        return Err(invalid(what, path, "may not contain .. segments"));
    }
    let mut parts = Vec::new();
    for part in confined.split('/').filter(|p| !p.is_empty()) {
        parts.push(check_name(what, part)?);
    }
    Ok(parts.join("/"))
}

fn normalize_file(path: &str) -> CoreResult<String> {
    let normalized = normalize_path("profile file", path)?;
    if normalized.is_empty() {
        return Err(invalid("profile file", path, "is empty"));
    }
    Ok(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Day {
        Day::parse("2026-01-17").unwrap()
    }

    #[test]
    fn default_settings_give_the_seed_names() {
        let paths = Settings::default().note_paths(day()).unwrap();
        assert_eq!(paths.career_index, "Career/0_Career_Index.md");
        assert_eq!(paths.goals, "Career/2026 Goals.md");
        assert_eq!(
            paths.session_log,
            "Career/2026-01-17 Career Coaching Session.md"
        );
        assert_eq!(paths.profile, "CLAUDE.md");
    }

    #[test]
    fn review_and_goals_names_follow_their_patterns() {
        let settings = Settings::default();
        let week = Period::parse("2026-W03").unwrap();
        assert_eq!(
            settings.review_path(week).unwrap(),
            "Career/2026-W03 Weekly Review.md"
        );
        assert_eq!(
            settings
                .review_name(Period::parse("2026-Q1").unwrap())
                .unwrap(),
            "2026-Q1 Quarterly Review"
        );
        assert_eq!(settings.goals_path(2027).unwrap(), "Career/2027 Goals.md");
        let april = Settings {
            fiscal_year_start_month: 4,
            ..Settings::default()
        };
        let february = Day::parse("2027-02-01").unwrap();
        assert_eq!(
            april.note_paths(february).unwrap().goals,
            "Career/2026 Goals.md",
            "February 2027 is in the planning year that started in April 2026"
        );
        let shared = Settings {
            monthly_review_name_pattern: "Monthly Review".into(),
            ..Settings::default()
        };
        let err = shared
            .review_name(Period::parse("2026-01").unwrap())
            .unwrap_err();
        assert!(err.message.contains("{period}"), "{}", err.message);
        let bad_fiscal = Settings {
            fiscal_year_start_month: 13,
            ..Settings::default()
        };
        assert_eq!(
            bad_fiscal.fiscal().unwrap_err().code,
            ErrorCode::InvalidSettings
        );
    }

    #[test]
    fn folder_is_normalised_like_obsidian_does() {
        let settings = Settings {
            career_folder: "/Areas//Career/ ".into(),
            ..Settings::default()
        };
        let paths = settings.note_paths(day()).unwrap();
        assert_eq!(paths.career_index, "Areas/Career/0_Career_Index.md");
        let root = Settings {
            career_folder: "".into(),
            ..Settings::default()
        };
        assert_eq!(
            root.note_paths(day()).unwrap().career_index,
            "0_Career_Index.md"
        );
    }

    #[test]
    fn names_that_break_links_are_refused_with_the_setting_named() {
        for (settings, needle) in [
            (
                Settings {
                    career_index_name: "Career|Index".into(),
                    ..Settings::default()
                },
                "Career Index note name",
            ),
            (
                Settings {
                    goals_name_pattern: "{yr} Goals".into(),
                    ..Settings::default()
                },
                "Goals note name pattern",
            ),
            (
                Settings {
                    career_folder: "../outside".into(),
                    ..Settings::default()
                },
                "career folder",
            ),
            (
                Settings {
                    profile_file: "notes/../../CLAUDE.md".into(),
                    ..Settings::default()
                },
                "profile file",
            ),
            (
                Settings {
                    career_index_name: "  ".into(),
                    ..Settings::default()
                },
                "Career Index note name",
            ),
        ] {
            let err = settings.note_paths(day()).unwrap_err();
            let want = if needle == "career folder" || needle == "profile file" {
                ErrorCode::PathOutsideVault
            } else {
                ErrorCode::InvalidSettings
            };
            assert_eq!(err.code, want, "{}", err.message);
            assert!(
                err.message.contains(needle),
                "message should name the setting: {}",
                err.message
            );
        }
    }
}
