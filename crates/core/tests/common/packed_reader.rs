//! The packed outline read back as JSON, the way `plugin/src/core/outline.ts`
//! reads it: a second, independent reader of the layout in
//! `career_core::note::packed`, for the round-trip property test and the
//! `boundary` fuzz target (which includes this file by path). `None` when the
//! numbers do not hold what the layout promises (a count, offset or string
//! range out of bounds), which the packer must never produce.

use serde_json::{json, Value};

/// The outline in `numbers` and `strings`, as the outline's own JSON.
pub fn read(numbers: &[u32], strings: &str) -> Option<Value> {
    let mut r = Reader {
        numbers,
        at: 0,
        part: Vec::new(),
    };
    if r.next()? != career_core::note::packed::VERSION {
        return None;
    }
    let counts: Vec<u32> = (0..4).map(|_| r.next()).collect::<Option<_>>()?;
    let starts: Vec<u32> = (0..4).map(|_| r.next()).collect::<Option<_>>()?;
    let bytes: Vec<usize> = (0..4)
        .map(|_| r.next().map(|b| b as usize))
        .collect::<Option<_>>()?;
    let part_strings = |part: usize| -> Option<Vec<u16>> {
        let from = *bytes.get(part)?;
        let to = bytes.get(part + 1).copied().unwrap_or(strings.len());
        Some(strings.get(from..to)?.encode_utf16().collect())
    };
    let mut parts = Vec::new();
    for part in 0..4 {
        r.at = *starts.get(part)? as usize;
        r.part = part_strings(part)?;
        let n = *counts.get(part)?;
        let items: Vec<Value> = (0..n)
            .map(|_| match part {
                0 => r.section(),
                1 => r.table(),
                2 => r.task(),
                _ => r.link(),
            })
            .collect::<Option<_>>()?;
        parts.push(Value::Array(items));
    }
    let [sections, tables, tasks, links]: [Value; 4] = parts.try_into().ok()?;
    Some(json!({ "sections": sections, "tables": tables, "tasks": tasks, "links": links }))
}

struct Reader<'a> {
    numbers: &'a [u32],
    at: usize,
    /// The current part's strings, as UTF-16 (ranges index them).
    part: Vec<u16>,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u32> {
        let n = *self.numbers.get(self.at)?;
        self.at += 1;
        Some(n)
    }

    fn span(&mut self) -> Option<Value> {
        Some(json!({ "start": self.next()?, "end": self.next()? }))
    }

    fn optional(&mut self) -> Option<Value> {
        let (start, end) = (self.next()?, self.next()?);
        if start == career_core::note::packed::NONE && end == career_core::note::packed::NONE {
            return Some(Value::Null);
        }
        let units = self.part.get(start as usize..end as usize)?;
        Some(Value::String(String::from_utf16(units).ok()?))
    }

    fn string(&mut self) -> Option<Value> {
        Some(self.optional()?).filter(Value::is_string)
    }

    fn section(&mut self) -> Option<Value> {
        Some(json!({
            "path": self.string()?,
            "title": self.string()?,
            "level": self.next()?,
            "heading_span": self.span()?,
            "body_span": self.span()?,
        }))
    }

    fn row(&mut self) -> Option<Value> {
        let span = self.span()?;
        let prefix = self.span()?;
        let flags = self.next()?;
        let cells: Vec<Value> = (0..self.next()?)
            .map(|_| {
                Some(json!({ "span": self.span()?, "text": self.string()?, "segment": self.span()? }))
            })
            .collect::<Option<_>>()?;
        Some(json!({
            "span": span,
            "prefix": prefix,
            "cells": cells,
            "leading_pipe": flags & 1 != 0,
            "trailing_pipe": flags & 2 != 0,
        }))
    }

    fn table(&mut self) -> Option<Value> {
        let span = self.span()?;
        let alignments: Vec<Value> = (0..self.next()?)
            .map(|_| {
                let name = ["none", "left", "center", "right"].get(self.next()? as usize)?;
                Some(Value::from(*name))
            })
            .collect::<Option<_>>()?;
        let header = self.row()?;
        let delimiter = self.row()?;
        let rows: Vec<Value> = (0..self.next()?)
            .map(|_| self.row())
            .collect::<Option<_>>()?;
        Some(json!({
            "span": span,
            "header": header,
            "delimiter": delimiter,
            "rows": rows,
            "alignments": alignments,
        }))
    }

    fn task(&mut self) -> Option<Value> {
        Some(json!({
            "line": self.next()?,
            "span": self.span()?,
            "status": char::from_u32(self.next()?)?.to_string(),
            "status_span": self.span()?,
            "text_span": self.span()?,
            "text": self.string()?,
            "depth": self.next()?,
        }))
    }

    fn link(&mut self) -> Option<Value> {
        let span = self.span()?;
        let kind = *["wiki", "markdown"].get(self.next()? as usize)?;
        Some(json!({
            "span": span,
            "kind": kind,
            "embed": self.next()? != 0,
            "target": self.string()?,
            "subpath": self.optional()?,
            "alias": self.optional()?,
        }))
    }
}
