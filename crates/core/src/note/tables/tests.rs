//! Tables found, split and spanned, on ordinary and odd input.

use super::*;

fn whole(text: &str) -> Vec<Table> {
    tables_in(text, Span::new(0, text.len()))
}

fn cell_texts(row: &Row) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

/// Every cell span must hold exactly the cell text, inside its segment and row.
fn assert_spans_point_at_cells(text: &str, table: &Table) {
    for row in std::iter::once(&table.header)
        .chain(std::iter::once(&table.delimiter))
        .chain(&table.rows)
    {
        assert!(
            table.span.contains(row.span),
            "should keep row {:?} inside the table",
            row.span.of(text)
        );
        assert!(
            !row.span.of(text).contains('\n'),
            "should keep a row on one line"
        );
        for cell in &row.cells {
            assert_eq!(
                cell.span.of(text),
                cell.text,
                "should point the cell span at its text"
            );
            assert!(
                cell.segment.contains(cell.span),
                "should keep the cell inside its segment"
            );
            assert!(
                row.span.contains(cell.segment),
                "should keep the segment inside the row"
            );
            assert_eq!(cell.text.trim(), cell.text, "should trim the cell text");
        }
    }
}

#[test]
fn should_find_header_delimiter_rows_and_cells_with_lf_and_crlf() {
    for nl in ["\n", "\r\n"] {
        let text = [
            "# T",
            "",
            "| Name | Role |",
            "|:-----|-----:|",
            "| Ada | CTO |",
            "| Bob |  |",
            "",
        ]
        .join(nl);
        let tables = whole(&text);
        assert_eq!(tables.len(), 1, "should find one table ({nl:?})");
        let t = &tables[0];
        assert_eq!(
            cell_texts(&t.header),
            ["Name", "Role"],
            "should split the header"
        );
        assert_eq!(
            t.alignments,
            [Align::Left, Align::Right],
            "should read the alignments"
        );
        assert_eq!(t.rows.len(), 2, "should list the body rows");
        assert_eq!(
            cell_texts(&t.rows[1]),
            ["Bob", ""],
            "should report a blank cell"
        );
        assert_eq!(
            t.rows[1].span.of(&text),
            "| Bob |  |",
            "should exclude the line ending from the row"
        );
        assert!(
            t.rows[1].cells[1].span.is_empty(),
            "should give a blank cell an empty span"
        );
        assert_eq!(
            t.span.of(&text),
            [
                "| Name | Role |",
                "|:-----|-----:|",
                "| Ada | CTO |",
                "| Bob |  |"
            ]
            .join(nl)
        );
        assert!(
            t.header.leading_pipe && t.header.trailing_pipe,
            "should see both pipes"
        );
        assert_spans_point_at_cells(&text, t);
    }
}

#[test]
fn should_keep_escaped_pipes_in_cells_and_split_on_pipes_in_backticks() {
    let text = "| Link | Code |\n|---|---|\n| [[Note\\|Alias]] | `a|b` |\n| `x\\|y` | \\\\| z |\n";
    let t = &whole(text)[0];
    assert_eq!(
        cell_texts(&t.rows[0]),
        ["[[Note\\|Alias]]", "`a", "b`"],
        "should split on the unescaped pipe in code"
    );
    assert_eq!(
        cell_texts(&t.rows[1]),
        ["`x\\|y`", "\\\\", "z"],
        "should treat \\\\ as an escaped backslash"
    );
    assert_spans_point_at_cells(text, t);
}

#[test]
fn should_read_tables_without_outer_pipes_and_without_final_newline() {
    let text = "Name | Role\n-----|:---:\nAda  | CTO";
    let t = &whole(text)[0];
    assert!(
        !t.header.leading_pipe && !t.header.trailing_pipe,
        "should see no outer pipes"
    );
    assert_eq!(
        cell_texts(&t.rows[0]),
        ["Ada", "CTO"],
        "should split a pipe-less row"
    );
    assert_eq!(t.alignments, [Align::None, Align::Center]);
    assert_eq!(
        t.rows[0].span.of(text),
        "Ada  | CTO",
        "should end the last row at the end of the note"
    );
    assert_spans_point_at_cells(text, t);
}

#[test]
fn should_report_prefixes_for_tables_in_quotes_and_list_items() {
    let text = "> | a | b |\n> |---|---|\n> | 1 | 2 |\n\n- item\n\n  | c |\n  |---|\n  | 3 |\n";
    let tables = whole(text);
    assert_eq!(tables.len(), 2, "should find both nested tables");
    assert_eq!(
        tables[0].rows[0].prefix.of(text),
        "> ",
        "should report the quote prefix"
    );
    assert_eq!(
        tables[0].delimiter.prefix.of(text),
        "> ",
        "should find the delimiter after the prefix"
    );
    assert_eq!(
        tables[0].rows[0].span.of(text),
        "> | 1 | 2 |",
        "should include the prefix in the row span"
    );
    assert_eq!(
        tables[1].rows[0].prefix.of(text),
        "  ",
        "should report list indentation"
    );
    assert_eq!(cell_texts(&tables[1].rows[0]), ["3"]);
    for t in &tables {
        assert_spans_point_at_cells(text, t);
    }
}

#[test]
fn should_handle_bom_emoji_and_cjk_cells() {
    let text = "\u{feff}| 目標 | 🎯 |\n|---|---|\n| 日本語 | 🚀 launch |\n| | |";
    let t = &whole(text)[0];
    assert_eq!(
        cell_texts(&t.header),
        ["目標", "🎯"],
        "should split multibyte headers"
    );
    assert_eq!(cell_texts(&t.rows[0]), ["日本語", "🚀 launch"]);
    assert!(t.rows[1].is_blank(), "should recognise a placeholder row");
    assert_spans_point_at_cells(text, t);
}

#[test]
fn should_only_report_tables_inside_the_region() {
    let text = "| a |\n|---|\n| 1 |\n\n## Two\n\n| b |\n|---|\n| 2 |\n";
    let start = text.find("## Two").unwrap();
    let tables = tables_in(text, Span::new(start, text.len()));
    assert_eq!(tables.len(), 1, "should skip the table before the region");
    assert_eq!(cell_texts(&tables[0].header), ["b"]);
}

#[test]
fn should_report_short_and_long_rows_as_written() {
    let text = "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n";
    let t = &whole(text)[0];
    assert_eq!(
        cell_texts(&t.rows[0]),
        ["1"],
        "should keep a short row short"
    );
    assert_eq!(
        cell_texts(&t.rows[1]),
        ["1", "2", "3"],
        "should keep extra cells"
    );
    assert_eq!(t.columns(), 2);
}

#[test]
fn should_not_panic_on_odd_input() {
    let big = format!(
        "| {} |\n|---|\n| {} |\n",
        "x\\".repeat(10_000),
        "|".repeat(10_000)
    );
    let nested = format!("{}| a |\n|---|\n", "> ".repeat(1_000));
    for text in [
        "",
        "|",
        "|\n|",
        "| a |\n|---|\n|",
        "\0|\0\n|-|\n\0",
        "a|b\n-|-\n\\",
        big.as_str(),
        nested.as_str(),
    ] {
        for t in whole(text) {
            assert_spans_point_at_cells(text, &t);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)))]

    #[test]
    fn should_point_cell_spans_at_cell_text_for_any_input(text in "([|\\-: a\\\\`>\n\u{feff}🎯日]|\r\n){0,80}") {
        for t in whole(&text) {
            assert_spans_point_at_cells(&text, &t);
        }
    }
}
