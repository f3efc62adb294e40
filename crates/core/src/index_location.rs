//! Where the Career Index is: the one rule both shells follow.
//!
//! People start with whatever exists, and a hand-made `0_Career_Index` often
//! sits at the vault root or in a folder of its own. [`locate_index`] picks,
//! in order: the note at the configured path; else the one note whose
//! frontmatter says `type: career-index`; else the one note named like the
//! setting anywhere in the vault. More than one candidate at a step is an
//! `ambiguous_index` error listing them, never a guess; none at all means the
//! configured path, where `index upgrade` creates it. The shells gather the
//! candidates (the CLI by scanning, the plugin from the metadata cache) and
//! pass the answer back as [`crate::Settings::career_index_location`].

use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::frontmatter::{frontmatter, Value};

/// A note the shell found, for [`locate_index`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    /// Vault-relative path.
    pub path: String,
    /// Its frontmatter says `type: career-index`.
    pub typed: bool,
}

/// Whether a note's frontmatter says `type: career-index`.
pub fn is_typed_index(text: &str) -> bool {
    frontmatter(text)
        .and_then(|f| f.get("type").map(|k| k.value.clone()))
        .is_some_and(|v| matches!(v, Value::Scalar(s) if s.trim().trim_matches(['"', '\'']) == "career-index"))
}

/// The Career Index's path when it is not at `configured`; `None` to use
/// `configured` (it exists there, or exists nowhere yet).
pub fn locate_index(
    configured: &str,
    configured_exists: bool,
    index_name: &str,
    candidates: &[Candidate],
) -> CoreResult<Option<String>> {
    if configured_exists {
        return Ok(None);
    }
    let typed: Vec<&str> = candidates
        .iter()
        .filter(|c| c.typed)
        .map(|c| c.path.as_str())
        .collect();
    let file_name = format!("{index_name}.md");
    let named: Vec<&str> = candidates
        .iter()
        .filter(|c| c.path.rsplit('/').next() == Some(file_name.as_str()))
        .map(|c| c.path.as_str())
        .collect();
    for (found, how) in [
        (typed, "have `type: career-index` in their frontmatter"),
        (named, "are named like the Career Index"),
    ] {
        match found.as_slice() {
            [] => continue,
            [one] => return Ok(Some((*one).to_string())),
            many => {
                let mut list: Vec<&str> = many.to_vec();
                crate::order::sort(&mut list);
                return Err(CoreError::new(
                    ErrorCode::AmbiguousIndex,
                    format!(
                        "There is no Career Index at {configured}, and {} notes {how}: {}. Move the one you use to {configured}, or set its path in the settings.",
                        list.len(),
                        list.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(path: &str, typed: bool) -> Candidate {
        Candidate {
            path: path.into(),
            typed,
        }
    }

    const AT: &str = "Career/0_Career_Index.md";

    #[test]
    fn the_configured_note_wins_then_the_typed_one_then_the_named_one() {
        let all = [found("0_Career_Index.md", false), found("Work/Me.md", true)];
        assert_eq!(
            locate_index(AT, true, "0_Career_Index", &all).unwrap(),
            None
        );
        assert_eq!(
            locate_index(AT, false, "0_Career_Index", &all)
                .unwrap()
                .as_deref(),
            Some("Work/Me.md")
        );
        assert_eq!(
            locate_index(AT, false, "0_Career_Index", &all[..1])
                .unwrap()
                .as_deref(),
            Some("0_Career_Index.md")
        );
        assert_eq!(
            locate_index(AT, false, "0_Career_Index", &[]).unwrap(),
            None
        );
    }

    #[test]
    fn two_candidates_are_an_error_listing_both() {
        let all = [
            found("0_Career_Index.md", false),
            found("Old/0_Career_Index.md", false),
        ];
        let err = locate_index(AT, false, "0_Career_Index", &all).unwrap_err();
        assert_eq!(err.code, ErrorCode::AmbiguousIndex);
        assert!(err
            .message
            .contains("0_Career_Index.md, Old/0_Career_Index.md"));
    }

    #[test]
    fn the_type_is_read_from_the_frontmatter_only() {
        assert!(is_typed_index("---\ntype: career-index\n---\n# Me\n"));
        assert!(is_typed_index("---\ntype: \"career-index\"\n---\n"));
        assert!(!is_typed_index("# Me\n\ntype: career-index\n"));
        assert!(!is_typed_index("---\ntype: goals\n---\n"));
    }
}
