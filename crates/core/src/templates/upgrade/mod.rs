//! Upgrading an existing note to a template without touching what is there.
//!
//! "Start with whatever exists. Enhance section by section." An upgrade only
//! inserts: the sections and subsections the note lacks (each in its
//! canonical place relative to the sections that are there), the template's
//! prompts under sections whose own body is still blank, and missing
//! frontmatter (lists are unioned, existing values win, never a second YAML
//! block). Deleting the inserted spans gives back the original exactly.

mod frontmatter;

use crate::edit::section::{insert, InsertAt};
use crate::edit::{apply, Applied, TextEdit};
use crate::error::CoreResult;
use crate::note::aliases::normalized_kind;
use crate::note::lines::{lines_in, LineEnding};
use crate::note::outline::{sections, Section};
use crate::span::Span;
use crate::templates::{render_block, render_section, Section as TemplateSection};
use frontmatter::{frontmatter_edits, property_preview};

/// A frontmatter property the template wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Property {
    /// A single value, set only when the key is missing.
    Scalar(&'static str, String),
    /// List values, unioned into the existing list.
    List(&'static str, Vec<String>),
}

/// What an upgrade inserts at one place, for the preview.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Addition {
    /// What is added there, in order, e.g. ["section Risk Register"].
    pub what: Vec<String>,
    /// 1-based line of the original after which the text goes (0: at the top).
    pub after_line: usize,
    /// The original line the text follows, for context ("" at the top).
    pub context: String,
    /// The inserted lines.
    pub lines: Vec<String>,
}

/// A template section flattened with its depth (0 for top level) and parent index.
struct Flat<'t> {
    section: &'t TemplateSection,
    depth: usize,
    parent: Option<usize>,
}

fn flatten(sections: &[TemplateSection]) -> Vec<Flat<'_>> {
    fn walk<'t>(
        s: &'t TemplateSection,
        depth: usize,
        parent: Option<usize>,
        out: &mut Vec<Flat<'t>>,
    ) {
        let index = out.len();
        out.push(Flat {
            section: s,
            depth,
            parent,
        });
        for child in &s.children {
            walk(child, depth + 1, Some(index), out);
        }
    }
    let mut out = Vec::new();
    for s in sections {
        walk(s, 0, None, &mut out);
    }
    out
}

/// A heading as the matching compares it: normalised, and its canonical
/// kind. Each title is read once per upgrade, not once per comparison.
struct Title {
    norm: String,
    kind: Option<&'static str>,
    /// Hashes of `norm` and of `kind`: every template heading is compared
    /// with every note heading, and unequal ones almost always differ here,
    /// before the strings are (in WebAssembly, `memcmp` is a byte loop).
    norm_hash: u64,
    kind_hash: u64,
}

impl Title {
    fn of(title: &str) -> Self {
        let (norm, kind) = normalized_kind(title);
        let kind = kind.map(|k| k.id);
        Title {
            norm_hash: crate::hash::fnv1a(&norm),
            kind_hash: kind.map_or(0, crate::hash::fnv1a),
            norm,
            kind,
        }
    }
}

/// Whether a note section is the template section: same canonical kind, or same title.
fn same(template: &Title, title: &Title) -> bool {
    match (template.kind, title.kind) {
        (Some(a), Some(b)) => template.kind_hash == title.kind_hash && a == b,
        _ => template.norm_hash == title.norm_hash && template.norm == title.norm,
    }
}

/// Whether section `index` lies under section `ancestor`.
fn descends(all: &[Section], index: usize, ancestor: usize) -> bool {
    let mut current = all.get(index).and_then(|s| s.parent);
    while let Some(c) = current {
        if c == ancestor {
            return true;
        }
        current = all.get(c).and_then(|s| s.parent);
    }
    false
}

/// The outermost ancestor of `index` (itself included) whose level is at least `level`:
/// inserting a level-`level` heading next to it keeps every existing subsection's parent.
fn climb(all: &[Section], index: usize, level: u8) -> usize {
    let mut current = index;
    while let Some(parent) = all.get(current).and_then(|s| s.parent) {
        if all.get(parent).is_some_and(|p| p.level >= level) {
            current = parent;
        } else {
            break;
        }
    }
    current
}

/// One planned insertion: where (original offset) and what, in order.
struct Planned {
    at: usize,
    order: usize,
    render: Render,
    what: String,
}

enum Render {
    Section {
        level: u8,
        heading: String,
        body: String,
    },
    Lines(Vec<String>),
}

#[derive(Clone, Copy)]
enum Place {
    Before(usize),
    After(usize),
    End,
}

/// Plans the insertions that bring `text` up to `template`.
pub fn upgrade(
    text: &str,
    template: &[TemplateSection],
    properties: &[Property],
) -> CoreResult<(Vec<TextEdit>, Vec<Addition>)> {
    upgrade_filtered(text, template, properties, None)
}

/// Inserts only the missing template sections of the given canonical kinds
/// (with their subsections), each in its canonical place.
pub fn insert_missing(
    text: &str,
    template: &[TemplateSection],
    kinds: &[&str],
) -> CoreResult<Vec<TextEdit>> {
    upgrade_filtered(text, template, &[], Some(kinds)).map(|(edits, _)| edits)
}

fn upgrade_filtered(
    text: &str,
    template: &[TemplateSection],
    properties: &[Property],
    only: Option<&[&str]>,
) -> CoreResult<(Vec<TextEdit>, Vec<Addition>)> {
    let all = sections(text);
    let flat = flatten(template);
    let titles: Vec<Title> = all.iter().map(|s| Title::of(&s.title)).collect();
    let headings: Vec<Title> = flat.iter().map(|f| Title::of(&f.section.heading)).collect();
    // Which template sections the note has, and where.
    // Which template sections the note has, and where. A subsection is looked for
    // under its parent first; only a canonical Career Index section (Business
    // Impact kept at the top level, say) counts anywhere in the note.
    let mut found: Vec<Option<usize>> = Vec::with_capacity(flat.len());
    for (f, heading) in flat.iter().zip(&headings) {
        let parent = f.parent.and_then(|p| found.get(p).copied().flatten());
        let matches = |idx: &usize| titles.get(*idx).is_some_and(|t| same(heading, t));
        let under_parent = (0..all.len())
            .filter(matches)
            .find(|&idx| parent.is_none_or(|p| descends(&all, idx, p)));
        let anywhere = || heading.kind.and_then(|_| (0..all.len()).find(matches));
        found.push(under_parent.or_else(anywhere));
    }
    let top_level = flat
        .iter()
        .zip(&found)
        .filter(|(f, _)| f.depth == 0)
        .filter_map(|(_, idx)| idx.and_then(|i| all.get(i)).map(|s| s.level))
        .min()
        .unwrap_or(2);

    let mut planned = Vec::new();
    let wanted =
        |heading: &Title| only.is_none_or(|ids| heading.kind.is_some_and(|k| ids.contains(&k)));
    for (i, (f, heading)) in flat.iter().zip(&headings).enumerate() {
        match found.get(i).copied().flatten() {
            Some(existing) => {
                // A section that is there but blank gets the template's prompts.
                let Some(section) = all.get(existing) else {
                    continue;
                };
                let own_blank = lines_in(text, section.own_span()).all(|l| l.is_blank());
                if own_blank && !f.section.blocks.is_empty() && only.is_none() {
                    let mut lines = vec![String::new()];
                    for (n, block) in f.section.blocks.iter().enumerate() {
                        if n > 0 {
                            lines.push(String::new());
                        }
                        lines.extend(render_block(block).split('\n').map(str::to_string));
                    }
                    let at = section.body_span.start.max(section.heading_span.end);
                    planned.push(Planned {
                        at,
                        order: i,
                        render: Render::Lines(lines),
                        what: format!("prompts under {}", section.title),
                    });
                }
            }
            None if !wanted(heading) => {}
            None => {
                // Missing: only plan it if its parent is there (otherwise the parent brings it).
                let parent_found = match f.parent {
                    None => None,
                    Some(p) => match found.get(p).copied().flatten() {
                        Some(idx) => Some(idx),
                        None => continue,
                    },
                };
                let level = match parent_found.and_then(|p| all.get(p)) {
                    Some(parent) => parent.level.saturating_add(1).min(6),
                    None => top_level,
                };
                let in_scope = |idx: usize| parent_found.is_none_or(|p| descends(&all, idx, p));
                let siblings = |range: Box<dyn Iterator<Item = usize>>| {
                    range
                        .filter(|&j| {
                            flat.get(j)
                                .is_some_and(|g| g.parent == f.parent || f.parent.is_none())
                        })
                        .find_map(|j| found.get(j).copied().flatten().filter(|&idx| in_scope(idx)))
                };
                let place = if let Some(prev) = siblings(Box::new((0..i).rev())) {
                    Place::After(climb(&all, prev, level))
                } else if let Some(next) = siblings(Box::new(i + 1..flat.len())) {
                    Place::Before(climb(&all, next, level))
                } else if let Some(p) = parent_found {
                    Place::After(p)
                } else {
                    Place::End
                };
                let at = match place {
                    Place::Before(idx) => all
                        .get(idx)
                        .map_or(text.len(), |s| line_start(text, s.heading_span.start)),
                    Place::After(idx) => all.get(idx).map_or(text.len(), |s| s.body_span.end),
                    Place::End => text.len(),
                };
                let body = {
                    let mut parts: Vec<String> =
                        f.section.blocks.iter().map(render_block).collect();
                    parts.extend(f.section.children.iter().map(|c| relevel(c, level + 1)));
                    parts.join("\n\n")
                };
                planned.push(Planned {
                    at,
                    order: i,
                    render: Render::Section {
                        level,
                        heading: f.section.heading.clone(),
                        body,
                    },
                    what: format!("section {}", f.section.heading),
                });
            }
        }
    }
    let mut edits = frontmatter_edits(text, properties)?;
    let mut additions: Vec<Addition> = property_preview(text, &edits)?.into_iter().collect();
    let (section_edits, section_additions) = render_groups(text, planned)?;
    edits.extend(section_edits);
    additions.extend(section_additions);
    Ok((edits, additions))
}

/// Renders a template section at another level (children follow).
fn relevel(section: &TemplateSection, level: u8) -> String {
    let mut copy = section.clone();
    fn set(s: &mut TemplateSection, level: u8) {
        s.level = level.min(6);
        for c in &mut s.children {
            set(c, level + 1);
        }
    }
    set(&mut copy, level);
    render_section(&copy)
}

fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Turns planned insertions into one edit per insertion point. Insertions that
/// share a point are applied in template order to a scratch copy, so each sees
/// the one before it (blank lines and `---` separators come out right).
fn render_groups(
    text: &str,
    mut planned: Vec<Planned>,
) -> CoreResult<(Vec<TextEdit>, Vec<Addition>)> {
    crate::order::sort_by_key(&mut planned, |p| (std::cmp::Reverse(p.at), p.order));
    let mut edits = Vec::new();
    let mut additions = Vec::new();
    let mut index = 0;
    while let Some(first) = planned.get(index) {
        let at = first.at;
        let group: Vec<&Planned> = planned
            .iter()
            .skip(index)
            .take_while(|p| p.at == at)
            .collect();
        index += group.len();
        let mut scratch = text.to_string();
        let mut inserted = 0;
        for p in &group {
            let point = at + inserted;
            let edit = match &p.render {
                Render::Lines(lines) => crate::edit::lines::insert_lines(&scratch, point, lines),
                Render::Section {
                    level,
                    heading,
                    body,
                } => {
                    // Re-read the scratch copy, so separators and blank lines see earlier insertions.
                    let scratch_sections = sections(&scratch);
                    let mut edit = insert(
                        &scratch,
                        place_at(&scratch, &scratch_sections, point, *level),
                        *level,
                        heading,
                        body,
                    );
                    edit.span = Span::at(point);
                    edit
                }
            };
            let new_len = edit.new_text.len();
            scratch = match apply(&scratch, &[edit])? {
                Applied::Changed(t) => t,
                Applied::Unchanged => scratch,
            };
            inserted += new_len;
        }
        let new_text = scratch.get(at..at + inserted).unwrap_or("").to_string();
        let edit = TextEdit::insert(at, new_text);
        let mut addition = addition(text, &edit);
        addition.what = group.iter().map(|p| p.what.clone()).collect();
        additions.push(addition);
        edits.push(edit);
    }
    edits.reverse();
    additions.reverse();
    Ok((edits, additions))
}

/// Describes an insertion point by its neighbours: before the section whose
/// heading starts there, or after the outermost section (of at least `level`)
/// whose body ends there, or at the end of the note.
fn place_at<'s>(text: &str, all: &'s [Section], point: usize, level: u8) -> InsertAt<'s> {
    if let Some(next) = all
        .iter()
        .find(|s| line_start(text, s.heading_span.start) == point)
    {
        return InsertAt::Before(next);
    }
    match all
        .iter()
        .filter(|s| s.body_span.end == point && s.level >= level)
        .min_by_key(|s| s.level)
    {
        Some(prev) => InsertAt::After(prev),
        None => InsertAt::End,
    }
}

fn line_number_before(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |t| {
        t.matches('\n').count() + usize::from(!t.is_empty() && !t.ends_with('\n'))
    })
}

fn context_line(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or("");
    let trimmed = before.strip_suffix('\n').unwrap_or(before);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    trimmed.rsplit('\n').next().unwrap_or("").to_string()
}

fn addition(text: &str, edit: &TextEdit) -> Addition {
    Addition {
        what: vec!["properties".to_string()],
        after_line: line_number_before(text, edit.span.start),
        context: context_line(text, edit.span.start),
        lines: LineEnding::Lf
            .apply(&edit.new_text)
            .trim_end_matches('\n')
            .split('\n')
            .map(str::to_string)
            .collect(),
    }
}
