//! The CLI reads the same settings the plugin saved, so both find the same notes.
//!
//! The plugin stores its settings in `<vault>/.obsidian/plugins/career-coach/data.json`.
//! The merge rule matches the plugin's `mergeSettings`: a known key with a
//! non-blank string wins, anything else falls back to its default, and unknown
//! keys (other plugin state) are ignored. A file that is not JSON is an error,
//! not a silent fallback, because it means the user's settings would be ignored.

use std::path::Path;
use std::sync::OnceLock;

use crate::vault::read_text;

use career_core::{CoreError, ErrorCode, Settings};

/// The vault's config folder (Obsidian's "Override config folder"), set once
/// from `--config-dir` or `CAREER_CONFIG_DIR`; `.obsidian` when unset.
static CONFIG_DIR: OnceLock<String> = OnceLock::new();

/// Sets the config folder for this run, refusing one outside the vault.
pub fn set_config_dir(dir: &str) -> Result<(), CoreError> {
    let dir = career_core::vault_path::confine_file("config folder (--config-dir)", dir)?;
    let _ = CONFIG_DIR.set(dir);
    Ok(())
}

/// A path inside the config folder, vault-relative (`.obsidian/app.json`).
pub fn config_path(rest: &str) -> String {
    let dir = CONFIG_DIR.get().map_or(".obsidian", String::as_str);
    format!("{dir}/{rest}")
}

/// Where the plugin keeps its data, relative to the vault.
pub fn data_file() -> String {
    config_path("plugins/career-coach/data.json")
}

/// The settings in force for a vault.
pub fn load(vault: &Path) -> Result<Settings, CoreError> {
    let path = vault.join(data_file());
    let Some(text) = read_text(&path)? else {
        return Ok(Settings::default());
    };
    let saved: serde_json::Value = serde_json::from_str(&text).map_err(|err| {
        CoreError::new(
            ErrorCode::InvalidSettings,
            format!(
                "The plugin settings in {} are not valid JSON ({err}).",
                path.display()
            ),
        )
    })?;
    Ok(merge(&saved))
}

/// A value the CLI keeps in the plugin's data.json (like a paused
/// interview), or `None` when the file or the key is missing or null.
pub fn load_key(vault: &Path, key: &str) -> Result<Option<serde_json::Value>, CoreError> {
    let Some(text) = read_text(&vault.join(data_file()))? else {
        return Ok(None);
    };
    let data: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        CoreError::new(
            ErrorCode::InvalidSettings,
            format!("The plugin data is not valid JSON ({e})."),
        )
    })?;
    Ok(data.get(key).filter(|v| !v.is_null()).cloned())
}

/// Sets (or, with `None`, clears) one key of the plugin's data.json, keeping
/// everything else there. The read-modify-write runs under the vault's write
/// guard on the file as it is then, so a concurrent run's key is never lost.
pub fn save_key(
    vault: &Path,
    key: &str,
    value: Option<serde_json::Value>,
) -> Result<(), CoreError> {
    let files = crate::vault::Vault::open(vault)?;
    files
        .write(&data_file(), &mut |current| {
            let mut data = match current {
                None => serde_json::json!({}),
                Some(text) => serde_json::from_str::<serde_json::Value>(text)
                    .ok()
                    .filter(serde_json::Value::is_object)
                    .ok_or_else(|| {
                        CoreError::new(
                            ErrorCode::InvalidSettings,
                            format!("The plugin data in {} is not a JSON object, so it was not changed.", data_file()),
                        )
                    })?,
            };
            if let Some(object) = data.as_object_mut() {
                match &value {
                    Some(value) => {
                        object.insert(key.to_string(), value.clone());
                    }
                    None => {
                        object.remove(key);
                    }
                }
            }
            Ok(Some(
                serde_json::to_string_pretty(&data).unwrap_or_default(),
            ))
        })
        .map(|_| ())
}

fn merge(saved: &serde_json::Value) -> Settings {
    let mut settings = Settings::default();
    let pick = |key: &str, slot: &mut String| {
        if let Some(value) = saved.get(key).and_then(serde_json::Value::as_str) {
            if !value.trim().is_empty() {
                *slot = value.to_string();
            }
        }
    };
    pick("careerFolder", &mut settings.career_folder);
    pick("careerIndexName", &mut settings.career_index_name);
    pick("goalsNamePattern", &mut settings.goals_name_pattern);
    pick(
        "sessionLogNamePattern",
        &mut settings.session_log_name_pattern,
    );
    pick("profileFile", &mut settings.profile_file);
    pick("methodologyNoteName", &mut settings.methodology_note_name);
    pick(
        "weeklyReviewNamePattern",
        &mut settings.weekly_review_name_pattern,
    );
    pick(
        "monthlyReviewNamePattern",
        &mut settings.monthly_review_name_pattern,
    );
    pick(
        "quarterlyReviewNamePattern",
        &mut settings.quarterly_review_name_pattern,
    );
    pick(
        "annualReviewNamePattern",
        &mut settings.annual_review_name_pattern,
    );
    let flag = |key: &str| saved.get(key).and_then(serde_json::Value::as_bool);
    if let Some(enabled) = flag("methodologyNote") {
        settings.methodology_note = enabled;
    }
    if let Some(enabled) = flag("reviewsInPeriodicNotes") {
        settings.reviews_in_periodic_notes = enabled;
    }
    // A month outside 1–12 (hand-edited data.json) falls back like any unusable value.
    if let Some(month) = saved
        .get("fiscalYearStartMonth")
        .and_then(serde_json::Value::as_u64)
        .filter(|m| (1..=12).contains(m))
        .and_then(|m| u32::try_from(m).ok())
    {
        settings.fiscal_year_start_month = month;
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_month_and_review_settings_are_read_and_bad_ones_ignored() {
        let saved = serde_json::json!({
            "fiscalYearStartMonth": 4,
            "weeklyReviewNamePattern": "Week {period}",
            "reviewsInPeriodicNotes": true,
        });
        let settings = merge(&saved);
        assert_eq!(settings.fiscal_year_start_month, 4);
        assert_eq!(settings.weekly_review_name_pattern, "Week {period}");
        assert!(settings.reviews_in_periodic_notes);
        for bad in [
            serde_json::json!(13),
            serde_json::json!(0),
            serde_json::json!("4"),
        ] {
            let settings = merge(&serde_json::json!({ "fiscalYearStartMonth": bad }));
            assert_eq!(settings.fiscal_year_start_month, 1, "{bad} is not a month");
        }
    }

    #[test]
    fn known_non_blank_strings_win_and_the_rest_default() {
        let saved = serde_json::json!({
            "careerFolder": "Areas/Work",
            "careerIndexName": "   ",
            "goalsNamePattern": 7,
            "sessionState": { "anything": true }
        });
        let settings = merge(&saved);
        assert_eq!(settings.career_folder, "Areas/Work");
        assert_eq!(
            settings.career_index_name, "0_Career_Index",
            "blank falls back"
        );
        assert_eq!(
            settings.goals_name_pattern, "{year} Goals",
            "non-string falls back"
        );
    }
}
