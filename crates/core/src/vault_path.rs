//! Vault-relative paths that cannot leave the vault.
//!
//! Every path Career Coach writes to comes from a setting (the career folder,
//! a name pattern, Periodic Notes' folder and format) or from the command
//! line. [`confine`] turns such a path into the normalised vault-relative form
//! Obsidian uses (`/` separators, no empty or `.` segments, no leading or
//! trailing slash), and refuses, naming the setting, any path that would
//! resolve outside the vault: one that climbs above the root with `..`, or
//! that is absolute on any platform (`C:\…`, `\\server\…`). The check is
//! lexical, so it is the same in the CLI and the plugin; symlinks inside the
//! vault are the person's own choice and are followed by the shells.

use crate::error::{CoreError, CoreResult, ErrorCode};

/// Normalises `path` (from the setting or argument named `what`) to a
/// vault-relative path, refusing one that would leave the vault.
///
/// A leading `/` means the vault root, as in Obsidian's own settings. `..`
/// is resolved lexically and may not climb above the root. A NUL or other
/// control character is refused with `invalid_settings`.
pub fn confine(what: &str, path: &str) -> CoreResult<String> {
    if let Some(bad) = path.chars().find(|c| c.is_control()) {
        return Err(CoreError::new(
            ErrorCode::InvalidSettings,
            format!(
                "The {what} \"{}\" contains the control character U+{:04X}, which no file name may hold.",
                path.escape_debug(),
                u32::from(bad)
            ),
        ));
    }
    if is_foreign_absolute(path) {
        return Err(outside(what, path));
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part.trim() {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(outside(what, path));
                }
            }
            _ => parts.push(part),
        }
    }
    Ok(parts.join("/"))
}

/// Like [`confine`], for a path that must name a file (not the vault root).
pub fn confine_file(what: &str, path: &str) -> CoreResult<String> {
    let confined = confine(what, path)?;
    if confined.is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!("The {what} \"{path}\" names no file."),
        ));
    }
    Ok(confined)
}

/// A drive letter (`C:`) or a UNC/device prefix (`\\server`, `//?/`).
fn is_foreign_absolute(path: &str) -> bool {
    let drive = matches!(path.as_bytes(), [letter, b':', ..] if letter.is_ascii_alphabetic());
    let unc = path.starts_with("\\\\") || path.starts_with("//");
    drive || unc
}

fn outside(what: &str, path: &str) -> CoreError {
    CoreError::new(
        ErrorCode::PathOutsideVault,
        format!(
            "The {what} \"{path}\" points outside the vault; Career Coach only writes inside it."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_vault_are_normalised_like_obsidian_does() {
        for (path, want) in [
            ("Career", "Career"),
            ("/Career/", "Career"),
            ("Areas//Career/./Reviews", "Areas/Career/Reviews"),
            ("Areas\\Career", "Areas/Career"),
            ("Areas/../Career", "Career"),
            ("", ""),
            ("/", ""),
        ] {
            assert_eq!(confine("career folder", path).unwrap(), want, "{path}");
        }
    }

    #[test]
    fn paths_that_leave_the_vault_are_refused_naming_the_setting() {
        for path in [
            "../outside",
            "Career/../../outside",
            "..",
            "C:\\Users\\me",
            "c:/notes",
            "\\\\server\\share",
            "//server/share",
        ] {
            let err = confine("Periodic Notes weekly folder", path).unwrap_err();
            assert_eq!(err.code, ErrorCode::PathOutsideVault, "{path}");
            assert!(err.message.contains("Periodic Notes weekly folder"));
        }
    }

    #[test]
    fn a_nul_is_refused_with_the_setting_named() {
        let err = confine("career folder", "Career\0/x").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidSettings);
        assert!(err.message.contains("career folder"));
        assert!(err.message.contains("U+0000"));
    }

    #[test]
    fn a_file_path_must_name_a_file() {
        assert_eq!(
            confine_file("note", "./Career/x.md").unwrap(),
            "Career/x.md"
        );
        assert_eq!(
            confine_file("note", "/").unwrap_err().code,
            ErrorCode::InvalidInput
        );
    }
}
