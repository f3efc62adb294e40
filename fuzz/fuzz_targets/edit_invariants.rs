//! Edit invariants of career-core on fuzzed notes and operations.
//!
//! Input layout: a small operation description (one or two ops, decoded with
//! `arbitrary` from the front of the input) followed by the note, which is
//! the rest of the bytes (lossily decoded as UTF-8). Keeping the note as one
//! contiguous tail lets libFuzzer's mutations and `markdown.dict` work on it
//! directly.
//!
//! Operations mostly name things the note really has (sections by path or
//! title, rows by index or first cell, tasks by their line, frontmatter keys),
//! and sometimes random strings, so that both the edit paths and the error
//! paths are exercised. The second op runs on the first op's output, which
//! puts notes written by the core itself back through it.
//!
//! Checked for every note the harness sees (input and outputs):
//! - nothing panics: `outline`, `sections`, `plan`, `run`, `apply`;
//! - `fast_scan`, when it answers, equals `by_comrak`;
//! - `apply(text, &[])` is `Unchanged`;
//! - the note model's documented invariants: heading, section, task, table
//!   row/cell and link spans fit the note, lie on their lines, and hold the
//!   texts (task status, task text, cell text) that the model reports;
//!
//! and for every operation:
//! - `run` agrees with `plan` + `apply` (same edits, same result or error),
//!   except that `run` may refuse a changed result with `would_hide_headings`
//!   or `would_be_hidden` (its re-read of the result; `plan` does not do it);
//! - the edits `plan` returns apply cleanly to the text they were planned on
//!   (in bounds, on char boundaries, pre-images match, no overlaps);
//! - every byte outside the edit spans is kept, in order (checked by walking
//!   the sorted edits over input and output);
//! - an idempotent op (`Operation::is_idempotent`) whose result `run`
//!   accepted, run again on that output, succeeds and reports no change
//!   (a `table-update-row` by key that rewrote the key cell may instead fail
//!   with `row_not_found`: the old key names no row any more).

#![no_main]

use std::collections::BTreeMap;

use arbitrary::{Arbitrary, Result, Unstructured};
use career_core::edit::section::AppendAt;
use career_core::edit::{apply, Applied, TextEdit};
use career_core::note::frontmatter::frontmatter;
use career_core::note::headings::{by_comrak, fast_scan};
use career_core::note::outline::{self, Section};
use career_core::note::tables::{tables_in, Table};
use career_core::note::tasks::{tasks_in, Task};
use career_core::ops::{plan, run, Operation, RowRef};
use career_core::span::Span;
use career_core::templates::links::LinkFormat;
use career_core::templates::plan::NoteKind;
use career_core::ErrorCode;
use libfuzzer_sys::fuzz_target;

// ---------------------------------------------------------------------------
// Fuzzed description of an operation.
// ---------------------------------------------------------------------------

/// A short string: one length byte (0..40) then that many bytes from the front.
///
/// `String`'s own `Arbitrary` takes its length from the *end* of the input,
/// which would eat into the note; this keeps the op description a prefix.
#[derive(Debug, Clone)]
struct Text(String);

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let want = usize::from(u8::arbitrary(u)? % 40);
        let bytes = u.bytes(want.min(u.len()))?;
        Ok(Self(String::from_utf8_lossy(bytes).into_owned()))
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (1, Some(40))
    }
}

/// Up to five items, counted by one byte from the front (see [`Text`]).
#[derive(Debug)]
struct Few<T>(Vec<T>);

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for Few<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let n = u8::arbitrary(u)? % 6;
        (0..n)
            .map(|_| T::arbitrary(u))
            .collect::<Result<_>>()
            .map(Self)
    }
}

/// Which section an op names.
#[derive(Arbitrary, Debug)]
enum SecRef {
    /// A real section's full path.
    Path(u8),
    /// A real section's title alone (lookup matches the end of a path).
    Title(u8),
    /// A real section's path, upper-cased and with spaces around `/`.
    Mangled(u8),
    /// Anything.
    Random(Text),
}

/// Which body row an op names.
#[derive(Arbitrary, Debug)]
enum RowDesc {
    /// A small index (sometimes past the end).
    Index(u8),
    /// A real row's first cell.
    Key(u8),
    /// Anything.
    Random(Text),
}

/// A cell value.
#[derive(Arbitrary, Debug)]
enum CellDesc {
    /// Anything.
    Random(Text),
    /// The text of a cell already in the table (row, column).
    Existing(u8, u8),
}

/// A column named by header text.
#[derive(Arbitrary, Debug)]
enum ColDesc {
    /// A real header cell's text.
    Header(u8),
    /// Anything.
    Random(Text),
}

/// Text for a new task.
#[derive(Arbitrary, Debug)]
enum TaskText {
    /// The text of a task already in the note.
    Existing(u8),
    /// Anything.
    Random(Text),
}

/// A 1-based line number for `task-toggle`.
#[derive(Arbitrary, Debug)]
enum LineDesc {
    /// The line of a real task.
    Task(u8),
    /// Any line.
    Any(u16),
}

/// A `today` date.
#[derive(Arbitrary, Debug)]
enum DayDesc {
    /// `YYYY-MM-DD` from numbers, valid or not (month 0..13, day 0..32).
    Ymd(u16, u8, u8),
    /// Anything.
    Random(Text),
}

/// A frontmatter key.
#[derive(Arbitrary, Debug)]
enum KeyDesc {
    /// A key the note's frontmatter has.
    Existing(u8),
    /// Anything.
    Random(Text),
}

/// Where a new section goes.
#[derive(Arbitrary, Debug)]
enum Anchor {
    End,
    Before(SecRef),
    After(SecRef),
    Both(SecRef, SecRef),
}

#[derive(Arbitrary, Debug)]
enum OpDesc {
    SectionSet {
        section: SecRef,
        body: Text,
    },
    SectionAppend {
        section: SecRef,
        text: Text,
        before_subsections: bool,
    },
    SectionInsert {
        heading: Text,
        level: Option<u8>,
        body: Text,
        anchor: Anchor,
    },
    TableAddRow {
        section: SecRef,
        table: u8,
        cells: Few<CellDesc>,
    },
    TableUpdateRow {
        section: SecRef,
        table: u8,
        row: RowDesc,
        cells: Few<Option<CellDesc>>,
        set: Few<(ColDesc, CellDesc)>,
    },
    TableRemoveRow {
        section: SecRef,
        table: u8,
        row: RowDesc,
    },
    TaskAdd {
        section: SecRef,
        text: TaskText,
    },
    TaskToggle {
        line: LineDesc,
        today: Option<DayDesc>,
    },
    FrontmatterSet {
        key: KeyDesc,
        value: Text,
    },
    FrontmatterAdd {
        key: KeyDesc,
        value: Text,
    },
    NoteTemplate {
        kind: u8,
        today: DayDesc,
        markdown_links: bool,
    },
}

#[derive(Arbitrary, Debug)]
struct Ops {
    first: OpDesc,
    second: Option<OpDesc>,
}

// ---------------------------------------------------------------------------
// Turning a description into an `Operation` against a concrete note.
// ---------------------------------------------------------------------------

fn pick<T>(items: &[T], i: impl Into<usize>) -> Option<&T> {
    match items.len() {
        0 => None,
        n => items.get(i.into() % n),
    }
}

/// Mostly table 0, sometimes 1..3 (often missing).
fn table_index(t: u8) -> usize {
    usize::from(t.saturating_sub(160) / 24)
}

/// What the note offers to name.
struct Note<'t> {
    text: &'t str,
    sections: Vec<Section>,
    tasks: Vec<Task>,
    keys: Vec<String>,
}

impl<'t> Note<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            sections: outline::sections(text),
            tasks: tasks_in(text, Span::new(0, text.len())),
            keys: frontmatter(text)
                .map(|fm| fm.keys.into_iter().map(|k| k.name).collect())
                .unwrap_or_default(),
        }
    }

    fn section_query(&self, r: &SecRef) -> String {
        let real = |i: u8| pick(&self.sections, i);
        match r {
            SecRef::Path(i) => real(*i).map(|s| s.path.clone()),
            SecRef::Title(i) => real(*i).map(|s| s.title.clone()),
            SecRef::Mangled(i) => real(*i).map(|s| s.path.to_uppercase().replace('/', " / ")),
            SecRef::Random(_) => None,
        }
        .unwrap_or_else(|| match r {
            SecRef::Random(t) => t.0.clone(),
            _ => String::new(),
        })
    }

    /// The table an op would reach, to borrow real header and cell texts from.
    fn table(&self, query: &str, index: usize) -> Option<Table> {
        let section = outline::find(&self.sections, query).ok()?;
        tables_in(self.text, section.body_span)
            .into_iter()
            .nth(index)
    }

    fn cell(&self, table: Option<&Table>, c: &CellDesc) -> String {
        match c {
            CellDesc::Random(t) => t.0.clone(),
            CellDesc::Existing(r, col) => table
                .and_then(|t| pick(&t.rows, *r))
                .and_then(|row| pick(&row.cells, *col))
                .map(|cell| cell.text.clone())
                .unwrap_or_default(),
        }
    }

    fn row(&self, table: Option<&Table>, r: &RowDesc) -> RowRef {
        match r {
            RowDesc::Index(i) => RowRef::Index(usize::from(*i % 8)),
            RowDesc::Key(i) => RowRef::Key(
                table
                    .and_then(|t| pick(&t.rows, *i))
                    .and_then(|row| row.cells.first())
                    .map(|c| c.text.clone())
                    .unwrap_or_default(),
            ),
            RowDesc::Random(t) => RowRef::Key(t.0.clone()),
        }
    }

    fn key(&self, k: &KeyDesc) -> String {
        match k {
            KeyDesc::Existing(i) => pick(&self.keys, *i).cloned().unwrap_or_default(),
            KeyDesc::Random(t) => t.0.clone(),
        }
    }

    fn operation(&self, d: &OpDesc) -> Operation {
        match d {
            OpDesc::SectionSet { section, body } => Operation::SectionSet {
                section: self.section_query(section),
                body: body.0.clone(),
            },
            OpDesc::SectionAppend {
                section,
                text,
                before_subsections,
            } => Operation::SectionAppend {
                section: self.section_query(section),
                text: text.0.clone(),
                position: if *before_subsections {
                    AppendAt::BeforeSubsections
                } else {
                    AppendAt::End
                },
            },
            OpDesc::SectionInsert {
                heading,
                level,
                body,
                anchor,
            } => {
                let (before, after) = match anchor {
                    Anchor::End => (None, None),
                    Anchor::Before(s) => (Some(self.section_query(s)), None),
                    Anchor::After(s) => (None, Some(self.section_query(s))),
                    Anchor::Both(a, b) => {
                        (Some(self.section_query(a)), Some(self.section_query(b)))
                    }
                };
                Operation::SectionInsert {
                    heading: heading.0.clone(),
                    level: *level,
                    body: body.0.clone(),
                    before,
                    after,
                }
            }
            OpDesc::TableAddRow {
                section,
                table,
                cells,
            } => {
                let section = self.section_query(section);
                let table = table_index(*table);
                let t = self.table(&section, table);
                Operation::TableAddRow {
                    cells: cells.0.iter().map(|c| self.cell(t.as_ref(), c)).collect(),
                    section,
                    table,
                }
            }
            OpDesc::TableUpdateRow {
                section,
                table,
                row,
                cells,
                set,
            } => {
                let section = self.section_query(section);
                let table = table_index(*table);
                let t = self.table(&section, table);
                let set: BTreeMap<String, String> = set
                    .0
                    .iter()
                    .map(|(col, value)| {
                        let name = match col {
                            ColDesc::Header(i) => t
                                .as_ref()
                                .and_then(|t| pick(&t.header.cells, *i))
                                .map(|c| c.text.clone())
                                .unwrap_or_default(),
                            ColDesc::Random(s) => s.0.clone(),
                        };
                        (name, self.cell(t.as_ref(), value))
                    })
                    .collect();
                Operation::TableUpdateRow {
                    row: self.row(t.as_ref(), row),
                    cells: cells
                        .0
                        .iter()
                        .map(|c| c.as_ref().map(|c| self.cell(t.as_ref(), c)))
                        .collect(),
                    set,
                    section,
                    table,
                }
            }
            OpDesc::TableRemoveRow {
                section,
                table,
                row,
            } => {
                let section = self.section_query(section);
                let table = table_index(*table);
                let t = self.table(&section, table);
                Operation::TableRemoveRow {
                    row: self.row(t.as_ref(), row),
                    section,
                    table,
                }
            }
            OpDesc::TaskAdd { section, text } => Operation::TaskAdd {
                section: self.section_query(section),
                text: match text {
                    TaskText::Existing(i) => pick(&self.tasks, *i)
                        .map(|t| t.text.clone())
                        .unwrap_or_default(),
                    TaskText::Random(t) => t.0.clone(),
                },
            },
            OpDesc::TaskToggle { line, today } => Operation::TaskToggle {
                line: match line {
                    LineDesc::Task(i) => pick(&self.tasks, *i).map_or(1, |t| t.line),
                    LineDesc::Any(n) => usize::from(*n),
                },
                today: today.as_ref().map(day),
            },
            OpDesc::FrontmatterSet { key, value } => Operation::FrontmatterSet {
                key: self.key(key),
                value: value.0.clone(),
            },
            OpDesc::FrontmatterAdd { key, value } => Operation::FrontmatterAdd {
                key: self.key(key),
                value: value.0.clone(),
            },
            OpDesc::NoteTemplate {
                kind,
                today,
                markdown_links,
            } => Operation::NoteTemplate {
                kind: match kind % 3 {
                    0 => NoteKind::CareerIndex,
                    1 => NoteKind::Profile,
                    _ => NoteKind::Methodology,
                },
                today: day(today),
                link_format: if *markdown_links {
                    LinkFormat::Markdown
                } else {
                    LinkFormat::Wikilink
                },
            },
        }
    }
}

fn day(d: &DayDesc) -> String {
    match d {
        DayDesc::Ymd(y, m, d) => format!("{:04}-{:02}-{:02}", 1900 + y % 300, m % 14, d % 33),
        DayDesc::Random(t) => t.0.clone(),
    }
}

// ---------------------------------------------------------------------------
// The invariants.
// ---------------------------------------------------------------------------




/// Whether `span` fits `text` on character boundaries.
fn fits(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

/// Whether `span` fits and holds no line feed.
fn one_line(text: &str, span: Span) -> bool {
    fits(text, span) && !span.of(text).contains('\n')
}

/// The model's documented invariants (module docs of `note::*`): every span
/// fits the note, headings, tasks and table rows are where they say, and the
/// texts they report are the bytes under their spans.
fn check_model(text: &str, model: &career_core::note::NoteOutline) {
    let fail =
        |what: String| -> ! { panic!("note model invariant broken: {what}\ntext: {text:?}") };
    let headings = career_core::note::headings::headings(text);
    let mut last_start = None;
    for h in headings {
        if !fits(text, h.span)
            || h.span.is_empty()
            || h.end_of_lines < h.span.end
            || h.end_of_lines > text.len()
        {
            fail(format!(
                "heading span {h:?} does not fit (empty, out of the note or past end_of_lines)"
            ));
        }
        if last_start.is_some_and(|s| s >= h.span.start) {
            fail(format!("headings out of order at {h:?}"));
        }
        last_start = Some(h.span.start);
        if !h.setext && !h.span.of(text).trim_start_matches(' ').starts_with('#') {
            fail(format!(
                "ATX heading {h:?} does not start with '#': {:?}",
                h.span.of(text)
            ));
        }
    }
    for s in &model.sections {
        if !fits(text, s.heading_span)
            || !fits(text, s.body_span)
            || s.heading_span.end > s.body_span.start
        {
            fail(format!(
                "section {:?}: heading {:?} / body {:?} do not fit in order",
                s.path, s.heading_span, s.body_span
            ));
        }
    }
    for t in &model.tasks {
        if !one_line(text, t.span)
            || !t.span.contains(t.status_span)
            || !t.span.contains(t.text_span)
        {
            fail(format!(
                "task on line {} has spans off its line: {t:?}",
                t.line
            ));
        }
        if t.status_span.of(text) != t.status.to_string() {
            fail(format!(
                "task status_span holds {:?}, not its status {:?}",
                t.status_span.of(text),
                t.status
            ));
        }
        if t.text_span.of(text) != t.text {
            fail(format!(
                "task text {:?} is not the bytes under text_span {:?}",
                t.text,
                t.text_span.of(text)
            ));
        }
        let line = 1 + text
            .get(..t.span.start)
            .map_or(0, |b| b.matches('\n').count());
        if line != t.line {
            fail(format!(
                "task says line {} but its span starts on line {line}",
                t.line
            ));
        }
    }
    for table in &model.tables {
        if !fits(text, table.span) {
            fail(format!("table span {:?} does not fit", table.span));
        }
        for row in std::iter::once(&table.header)
            .chain(std::iter::once(&table.delimiter))
            .chain(&table.rows)
        {
            if !one_line(text, row.span)
                || !table.span.contains(row.span)
                || !row.span.contains(row.prefix)
            {
                fail(format!(
                    "table row {:?} ({:?}) is not one line inside its table {:?}",
                    row.span,
                    row.span.of(text),
                    table.span
                ));
            }
            for c in &row.cells {
                if !row.span.contains(c.segment)
                    || !c.segment.contains(c.span)
                    || !fits(text, c.span)
                {
                    fail(format!(
                        "cell {c:?} is not inside its row {:?}",
                        row.span.of(text)
                    ));
                }
                if c.span.of(text) != c.text {
                    fail(format!(
                        "cell text {:?} is not the bytes under its span {:?}",
                        c.text,
                        c.span.of(text)
                    ));
                }
            }
        }
    }
    for l in &model.links {
        if !one_line(text, l.span) || l.span.is_empty() {
            fail(format!("link {l:?} is not a non-empty span on one line"));
        }
    }
}





/// Invariants that hold for any note, whatever the operation.
fn check_note(text: &str) {
    let model = career_core::note::outline(text);
    check_model(text, &model);
    if let Some(fast) = fast_scan(text) {
        let slow = by_comrak(text);
        assert!(
            fast == slow,
            "fast_scan disagrees with by_comrak on {text:?}\nfast_scan: {fast:?}\nby_comrak: {slow:?}"
        );
    }
    assert!(
        matches!(apply(text, &[]), Ok(Applied::Unchanged)),
        "apply(text, &[]) is not Unchanged for {text:?}"
    );
}

/// Every byte outside the edits' spans is in `out`, in order, with each
/// edit's new text where its span was.
fn assert_outside_kept(text: &str, edits: &[TextEdit], out: &str, op: &Operation) {
    let mut order: Vec<&TextEdit> = edits.iter().collect();
    // Stable: insertions at one point keep their given order, as in `apply`.
    order.sort_by_key(|e| (e.span.start, e.span.end));
    let fail = |what: &str| -> ! {
        panic!("{what}\nop: {op:?}\ninput: {text:?}\noutput: {out:?}\nedits: {edits:?}")
    };
    let (mut cursor, mut o) = (0usize, 0usize);
    for e in order {
        let Some(kept) = text.get(cursor..e.span.start) else {
            fail("edits overlap or split a character (kept span not in input)")
        };
        if out.get(o..o + kept.len()) != Some(kept) {
            fail(&format!(
                "bytes {cursor}..{} outside every edit changed",
                e.span.start
            ));
        }
        o += kept.len();
        if text.get(e.span.start..e.span.end) != Some(e.expected.as_str()) {
            fail("an edit's pre-image is not what its span holds");
        }
        if out.get(o..o + e.new_text.len()) != Some(e.new_text.as_str()) {
            fail("an edit's new text is not where its span was");
        }
        o += e.new_text.len();
        cursor = e.span.end;
    }
    if out.get(o..) != text.get(cursor..) {
        fail(&format!("bytes {cursor}.. after the last edit changed"));
    }
}

/// Runs one op on `text`, checks it, and returns the new text if it changed.
fn check_op(text: &str, op: &Operation) -> Option<String> {
    let planned = plan(text, op);
    let ran = run(text, op);
    let edits = match planned {
        Ok(edits) => edits,
        Err(err) => {
            assert!(
                matches!(&ran, Err(e) if e.code == err.code),
                "plan failed ({err:?}) but run gave {ran:?}\nop: {op:?}\ninput: {text:?}"
            );
            return None;
        }
    };
    let applied = match apply(text, &edits) {
        Ok(applied) => applied,
        Err(err) => panic!(
            "plan's edits do not apply to the text they were planned on: {err:?}\nop: {op:?}\ninput: {text:?}\nedits: {edits:?}"
        ),
    };
    let outcome = match ran {
        Ok(outcome) => outcome,
        // `run` re-reads a changed result and refuses one whose headings
        // moved or whose new section/task would not be seen; `plan` does not.
        Err(err)
            if matches!(err.code, ErrorCode::WouldHideHeadings | ErrorCode::WouldBeHidden)
                && matches!(applied, Applied::Changed(_)) =>
        {
            if let Applied::Changed(out) = &applied {
                assert_outside_kept(text, &edits, out, op);
                check_note(out);
            }
            return None;
        }
        Err(err) => panic!(
            "run failed ({err:?}) where plan + apply succeeded\nop: {op:?}\ninput: {text:?}\nedits: {edits:?}"
        ),
    };
    assert!(
        outcome.edits == edits,
        "run and plan returned different edits\nop: {op:?}\ninput: {text:?}"
    );
    let out = match applied {
        Applied::Unchanged => {
            assert!(
                outcome.text.is_none(),
                "apply says Unchanged but run returned a text\nop: {op:?}\ninput: {text:?}"
            );
            return None;
        }
        Applied::Changed(out) => out,
    };
    assert!(
        outcome.text.as_deref() == Some(out.as_str()),
        "run and plan + apply disagree on the new text\nop: {op:?}\ninput: {text:?}"
    );
    assert_outside_kept(text, &edits, &out, op);
    check_note(&out);
    if op.is_idempotent() {
        match run(&out, op) {
            Ok(again) if again.text.is_none() => {}
            Ok(again) => panic!(
                "idempotent op changed its own output\nop: {op:?}\ninput: {text:?}\nfirst: {out:?}\nsecond: {:?}",
                again.text
            ),
            // Updating the row's key cell by key: the second run cannot find
            // the row by its old key. That is the op's definition, not a bug.
            Err(err)
                if err.code == ErrorCode::RowNotFound
                    && matches!(op, Operation::TableUpdateRow { row: RowRef::Key(_), .. }) => {}
            Err(err) => panic!(
                "idempotent op failed on its own output: {err:?}\nop: {op:?}\ninput: {text:?}\nfirst: {out:?}"
            ),
        }
    }
    Some(out)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(ops) = Ops::arbitrary(&mut u) else {
        return;
    };
    let note = String::from_utf8_lossy(u.take_rest()).into_owned();

    check_note(&note);
    let first = Note::new(&note).operation(&ops.first);
    let after_first = check_op(&note, &first);

    if let Some(second) = &ops.second {
        let current = after_first.as_deref().unwrap_or(&note);
        let op = Note::new(current).operation(second);
        let _ = check_op(current, &op);
    }
});
