//! The checks of what crosses the WASM boundary, shared by the property test
//! (`boundary_roundtrip.rs`) and the `boundary` fuzz target, which include
//! this file and `packed_reader.rs` by path. Each says what went wrong.

use career_core::coach::session::Session;
use career_core::edit::{apply, Applied};
use career_core::note::{outline, packed};
use career_core::ops::{run, Operation};

/// The packed outline of `text` (what `outlinePacked` returns), read back,
/// equals the outline's JSON.
pub fn packs_losslessly(text: &str) -> Result<(), String> {
    let full = outline(text);
    let p = packed::pack(&full);
    let read = crate::packed_reader::read(&p.numbers, &p.strings);
    let expected = serde_json::to_value(&full).map_err(|e| e.to_string())?;
    if read.as_ref() != Some(&expected) {
        return Err(format!(
            "the packed outline reads back as {read:?}, not {expected}"
        ));
    }
    Ok(())
}

/// `session` as the plugin receives it (a kept session's JSON) and hands it
/// back (`coachKeep`) reads back equal.
pub fn crosses(session: &Session) -> Result<(), String> {
    let json = serde_json::to_string(session).map_err(|e| e.to_string())?;
    let back: Session = serde_json::from_str(&json).map_err(|e| format!("{e}: {json}"))?;
    if &back != session {
        return Err(format!(
            "the session reads back as {back:?}, not {session:?}"
        ));
    }
    Ok(())
}

/// The edits of `op` on `text` (all `applyOperation` returns), applied in
/// span order as the shell applies them, each over its pre-image, give the
/// core's own text. An operation the core refuses passes.
pub fn edits_give_the_text(text: &str, op: &Operation) -> Result<(), String> {
    let Ok(outcome) = run(text, op) else {
        return Ok(());
    };
    let mut edits = outcome.edits.clone();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::new();
    let mut at = 0;
    for e in &edits {
        let under = text.get(e.span.start..e.span.end);
        if e.span.start < at || under != Some(e.expected.as_str()) {
            return Err(format!(
                "{:?} does not hold its pre-image {:?}",
                e.span, e.expected
            ));
        }
        out.push_str(text.get(at..e.span.start).unwrap_or_default());
        out.push_str(&e.new_text);
        at = e.span.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    let same = match outcome.text {
        Some(new) => out == new,
        None => apply(text, &edits).is_ok_and(|a| a == Applied::Unchanged),
    };
    if !same {
        return Err(format!("the edits give {out:?}, not the core's text"));
    }
    Ok(())
}
