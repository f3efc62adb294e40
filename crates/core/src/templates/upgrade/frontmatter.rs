//! The frontmatter part of an upgrade: missing keys added, lists unioned,
//! existing values kept, never a second YAML block; and its preview.

use super::{Addition, Property};
use crate::edit::{apply, Applied, TextEdit};
use crate::error::CoreResult;
use crate::note::frontmatter::{content_start, frontmatter, Value};
use crate::note::lines::LineEnding;
use crate::span::Span;

/// One preview entry for the frontmatter: the property lines that are new or changed.
pub(super) fn property_preview(text: &str, edits: &[TextEdit]) -> CoreResult<Option<Addition>> {
    if edits.is_empty() {
        return Ok(None);
    }
    // Every edit lies in the note's first lines (its frontmatter, or a new
    // block before the content): the preview reads them alone, not a copy of
    // the whole note.
    let end = edits
        .iter()
        .map(|e| e.span.end)
        .chain(frontmatter(text).map(|f| f.span.end))
        .max()
        .unwrap_or(0);
    let text = text.get(..end).unwrap_or(text);
    let new = match apply(text, edits)? {
        Applied::Changed(new) => new,
        Applied::Unchanged => return Ok(None),
    };
    let block = |t: &str| {
        frontmatter(t)
            .map(|f| f.span.of(t).replace('\r', ""))
            .unwrap_or_default()
    };
    let old_block = block(text);
    let old_lines: Vec<&str> = old_block.lines().collect();
    let lines: Vec<String> = block(&new)
        .lines()
        .filter(|l| !old_lines.contains(l))
        .map(str::to_string)
        .collect();
    Ok(Some(Addition {
        what: vec!["properties".to_string()],
        after_line: 0,
        context: String::new(),
        lines,
    }))
}

/// Frontmatter merge: missing keys are added, lists are unioned, existing
/// scalars win, and a note without frontmatter gets exactly one new block.
pub(super) fn frontmatter_edits(text: &str, properties: &[Property]) -> CoreResult<Vec<TextEdit>> {
    if properties.is_empty() {
        return Ok(Vec::new());
    }
    let Some(fm) = frontmatter(text) else {
        let ending = LineEnding::detect(text).as_str();
        let mut lines = vec!["---".to_string()];
        for p in properties {
            match p {
                Property::Scalar(k, v) => {
                    lines.push(format!("{k}: {}", crate::edit::frontmatter::yaml_scalar(v)))
                }
                Property::List(k, vs) => {
                    lines.push(format!("{k}:"));
                    lines.extend(
                        vs.iter()
                            .map(|v| format!("  - {}", crate::edit::frontmatter::yaml_scalar(v))),
                    );
                }
            }
        }
        lines.push("---".to_string());
        let block = lines.join(ending) + ending;
        return Ok(vec![TextEdit::insert(content_start(text), block)]);
    };
    // Every edit below lies in the block: it is read alone, not the whole
    // note, which each list's merge would copy, compare and diff.
    let text = text.get(..fm.span.end).unwrap_or(text);
    let mut edits = Vec::new();
    for p in properties {
        match p {
            Property::Scalar(k, v) => {
                if fm.get(k).is_none() {
                    edits.extend(crate::edit::frontmatter::set_scalar(text, k, v)?);
                }
            }
            Property::List(k, vs) => {
                let existing = fm.get(k);
                let is_list_or_missing = existing
                    .is_none_or(|key| matches!(key.value, Value::List(_) | Value::Scalar(_)));
                if !is_list_or_missing {
                    continue;
                }
                // Several values for one key go in one edit, computed on a scratch copy.
                let mut scratch = text.to_string();
                for v in vs {
                    let step = crate::edit::frontmatter::add_to_list(&scratch, k, v)?;
                    if let Applied::Changed(t) = apply(&scratch, &step)? {
                        scratch = t;
                    }
                }
                if scratch != text {
                    edits.extend(diff_edits(text, &scratch));
                }
            }
        }
    }
    Ok(edits)
}

/// The edits that turn `old` into `new`, found by common prefix and suffix.
/// When the changed part of `new` still contains the old text (`work` →
/// `[work, career]`), they are two pure insertions, so the original stays
/// recoverable by deleting what was inserted.
fn diff_edits(old: &str, new: &str) -> Vec<TextEdit> {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while prefix > 0 && !(old.is_char_boundary(prefix) && new.is_char_boundary(prefix)) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while suffix > 0
        && !(old.is_char_boundary(old.len() - suffix) && new.is_char_boundary(new.len() - suffix))
    {
        suffix -= 1;
    }
    let old_mid = old.get(prefix..old.len() - suffix).unwrap_or("");
    let new_mid = new.get(prefix..new.len() - suffix).unwrap_or("");
    if let Some(found) = (!old_mid.is_empty())
        .then(|| new_mid.find(old_mid))
        .flatten()
    {
        let before = new_mid.get(..found).unwrap_or("");
        let after = new_mid.get(found + old_mid.len()..).unwrap_or("");
        let end = prefix + old_mid.len();
        return [
            TextEdit::insert(prefix, before),
            TextEdit::insert(end, after),
        ]
        .into_iter()
        .filter(|e| !e.new_text.is_empty())
        .collect();
    }
    vec![TextEdit::replace(
        old,
        Span::new(prefix, prefix + old_mid.len()),
        new_mid,
    )]
}
