//! The career notes as resources, so an assistant (or the person, in their
//! client) can attach them: `career://note/<vault path, URL-encoded>`. The
//! list holds the profile and every note of the career folder (the index, the
//! goals notes, reviews, session logs, saved analyses, the methodology note);
//! the template reaches any other markdown note of the vault. Read-only.

use career_core::note::frontmatter::{frontmatter, Value};
use career_core::CoreError;
use rmcp::model::{
    ReadResourceResponse, ReadResourceResult, Resource, ResourceContents, ResourceTemplate,
};
use rmcp::ErrorData;

use super::plans::{name_of, note_path};
use super::protocol_error;
use crate::Context;

const SCHEME: &str = "career://note/";

/// The URI of a vault path.
pub fn uri_of(path: &str) -> String {
    let mut out = String::from(SCHEME);
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The vault path of a URI, or `None` if it is not one of ours.
fn path_of(uri: &str) -> Option<String> {
    let rest = uri.strip_prefix(SCHEME)?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = rest.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// What a note is, from its frontmatter `type`.
fn kind_of(text: &str) -> Option<String> {
    match frontmatter(text)?.get("type").map(|k| k.value.clone()) {
        Some(Value::Scalar(v)) => Some(v.trim().trim_matches('"').to_string()),
        _ => None,
    }
}

fn describe(kind: Option<&str>) -> &'static str {
    match kind {
        Some("career-index") => "The Career Index: the strategic career note.",
        Some("goals") => "A goals note: the year's goal cascade.",
        Some("coaching-session") => "A session log.",
        Some("blind-spot-analysis") => "A saved blind spot analysis.",
        Some(k) if k.ends_with("-review") => "A review note.",
        _ => "A note in the career folder.",
    }
}

fn resource(path: &str, title: &str, description: &str, size: usize) -> Resource {
    Resource::new(uri_of(path), name_of(path))
        .with_title(title)
        .with_description(description)
        .with_mime_type("text/markdown")
        .with_size(u64::try_from(size).unwrap_or(u64::MAX))
}

/// The profile and the notes of the career folder.
pub fn list(context: &Context) -> Result<Vec<Resource>, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let files = context.files()?;
    let mut out = Vec::new();
    if let Some(profile) = files.read(&paths.profile)? {
        out.push(resource(
            &paths.profile,
            "Profile",
            "The profile: User Preferences your help is tailored to.",
            profile.text.len(),
        ));
    }
    let mut notes = crate::commands::career_folder::notes(context)?;
    notes.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, text) in notes {
        if !path.to_ascii_lowercase().ends_with(".md") || out.iter().any(|r| r.uri == uri_of(&path))
        {
            continue;
        }
        let kind = kind_of(&text);
        let title = if path == paths.career_index {
            "Career Index".to_string()
        } else if path == paths.methodology {
            "Methodology".to_string()
        } else {
            name_of(&path)
        };
        let description = if path == paths.methodology {
            "The Career Coaching method, with the Session Logs table."
        } else {
            describe(kind.as_deref())
        };
        out.push(resource(&path, &title, description, text.len()));
    }
    // A Career Index kept elsewhere in the vault (found by type or name).
    if !out.iter().any(|r| r.uri == uri_of(&paths.career_index)) {
        if let Some(index) = files.read(&paths.career_index)? {
            out.insert(
                0,
                resource(
                    &paths.career_index,
                    "Career Index",
                    describe(Some("career-index")),
                    index.text.len(),
                ),
            );
        }
    }
    Ok(out)
}

/// Any markdown note by its path.
pub fn templates() -> Vec<ResourceTemplate> {
    vec![ResourceTemplate::new(format!("{SCHEME}{{path}}"), "note")
        .with_title("A note of the vault")
        .with_description("Any markdown note of the vault, by its vault-relative path, URL-encoded (\"Career/2026%20Goals.md\").")
        .with_mime_type("text/markdown")]
}

/// Reads the note a URI names.
pub fn read(context: &Context, uri: &str) -> Result<ReadResourceResponse, ErrorData> {
    let path = path_of(uri).ok_or_else(|| {
        protocol_error(CoreError::new(
            career_core::ErrorCode::InvalidInput,
            format!("\"{uri}\" is not a Career Coach note URI ({SCHEME}<path>)."),
        ))
    })?;
    let path = note_path(context, Some(&path)).map_err(protocol_error)?;
    let note = context
        .files()
        .and_then(|f| f.read_existing(&path))
        .map_err(protocol_error)?;
    Ok(ReadResourceResult::new(vec![
        ResourceContents::text(note.text, uri).with_mime_type("text/markdown")
    ])
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_round_trip_paths_with_spaces_and_accents() {
        for path in ["Career/2026 Goals.md", "Career/Café #1.md", "CLAUDE.md"] {
            assert_eq!(path_of(&uri_of(path)).as_deref(), Some(path));
        }
        assert_eq!(
            uri_of("Career/2026 Goals.md"),
            "career://note/Career/2026%20Goals.md"
        );
        assert_eq!(path_of("file:///etc/passwd"), None);
    }
}
