//! Reading any text must not panic: the note model's readers on arbitrary
//! UTF-8 (the input is decoded lossily, so every input is used).
//!
//! Covers `outline` (sections, tables, tasks, links), `sections`, `links`,
//! `tables_in` and `tasks_in` over the whole note and over every section's
//! body, and `frontmatter`.

#![no_main]

use career_core::note::frontmatter::frontmatter;
use career_core::note::links::links;
use career_core::note::outline::sections;
use career_core::note::tables::tables_in;
use career_core::note::tasks::tasks_in;
use career_core::span::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let whole = Span::new(0, text.len());

    let _ = career_core::note::outline(text);
    let _ = links(text);
    let _ = frontmatter(text);
    let _ = tables_in(text, whole);
    let _ = tasks_in(text, whole);
    for section in sections(text) {
        let _ = tables_in(text, section.body_span);
        let _ = tasks_in(text, section.body_span);
        let _ = tables_in(text, section.own_span());
    }
});
