//! Tables in `--dump text` (the same lines the article pane draws): columns line up in
//! display columns, nothing overflows the width, every cell's text is printed.
//! Fixtures in tests/fixtures/tables/ are made-up figures.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

const SEPARATOR: char = '│';

fn dump(fixture: &str, width: u16) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--dump", "text", "--width", &width.to_string()])
        .arg(format!("tests/fixtures/tables/{fixture}"))
        .output()
        .expect("run kanbao");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The cells of a table as the parser reads them, row by row.
fn cells(fixture: &str) -> Vec<Vec<String>> {
    let md = std::fs::read_to_string(format!("tests/fixtures/tables/{fixture}")).expect("read");
    let doc = kanbao::document::parse(fixture, &md);
    let block = doc
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .find(|b| b.kind == kanbao::document::BlockKind::Table)
        .expect("a table block");
    let table = doc.table(&block.span).expect("its grid");
    table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| doc.text[c.range.clone()].to_string())
                .collect()
        })
        .collect()
}

/// Display columns where the separators of a line stand.
fn separators(line: &str) -> Vec<usize> {
    line.char_indices()
        .filter(|(_, c)| *c == SEPARATOR)
        .map(|(i, _)| line[..i].width())
        .collect()
}

/// The table's lines (those holding a separator).
fn rows(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.contains(SEPARATOR)).collect()
}

/// The text of display columns `from..to` of a line, trimmed.
fn slice(line: &str, from: usize, to: usize) -> String {
    let mut out = String::new();
    let mut at = 0;
    for c in line.chars() {
        let w = c.to_string().width();
        if at >= from && at + w <= to {
            out.push(c);
        }
        at += w;
    }
    out.trim().to_string()
}

/// Each column's text read down the lines of every row group (rules between groups
/// restart it), as one string per cell, whitespace removed.
fn column_texts(text: &str, seps: &[usize]) -> Vec<String> {
    let mut cells = Vec::new();
    let mut group: Vec<String> = vec![String::new(); seps.len() + 1];
    let flush = |group: &mut Vec<String>, cells: &mut Vec<String>| {
        for g in group.iter_mut() {
            if !g.is_empty() {
                cells.push(std::mem::take(g));
            }
        }
    };
    let mut in_table = false;
    for line in text.lines() {
        if line.contains(SEPARATOR) {
            in_table = true;
            let mut bounds = vec![0];
            bounds.extend(seps.iter().copied());
            bounds.push(usize::MAX);
            for (i, w) in bounds.windows(2).enumerate() {
                let from = if i == 0 { 0 } else { w[0] + 1 };
                let piece: String = slice(line, from, w[1]).split_whitespace().collect();
                group[i].push_str(&piece);
            }
        } else if in_table {
            flush(&mut group, &mut cells);
        }
    }
    flush(&mut group, &mut cells);
    cells
}

#[test]
fn at_width_40_every_column_starts_at_the_same_column_on_every_row() {
    let text = dump("stats.md", 40);
    let lines = rows(&text);
    assert!(lines.len() >= 5, "{text}");
    let header = separators(lines[0]);
    assert_eq!(header.len(), 3, "{text}");
    for line in &lines {
        assert_eq!(separators(line), header, "{line}\n{text}");
        assert!(line.width() <= 40, "{line}");
    }
    // The header row is the Chinese labels; figures are right-aligned against the
    // next separator.
    assert!(lines[0].contains("指标名称") && lines[0].contains("增长"));
    let growth = lines.iter().find(|l| l.contains("512.3")).expect("a row");
    let before_sep = slice(growth, header[2] - 6, header[2]);
    assert!(before_sep.ends_with("512.3"), "{growth}");
    // A rule closes the header and the table.
    assert!(
        text.lines().filter(|l| l.contains('┼')).count() >= 1,
        "{text}"
    );
}

#[test]
fn a_table_wider_than_the_pane_wraps_its_cells_and_keeps_every_character() {
    let text = dump("wide.md", 40);
    for line in text.lines() {
        assert!(line.width() <= 40, "{line:?} is {} wide", line.width());
    }
    let lines = rows(&text);
    let seps = separators(lines[0]);
    assert_eq!(seps.len(), 5, "{text}");
    for line in &lines {
        assert_eq!(separators(line), seps, "{line}\n{text}");
    }
    let printed = column_texts(&text, &seps);
    for row in cells("wide.md") {
        for cell in row {
            let cell: String = cell.split_whitespace().collect();
            assert!(printed.contains(&cell), "{cell} not in {printed:?}\n{text}");
        }
    }
}

#[test]
fn a_table_with_too_many_columns_is_set_one_cell_per_line() {
    let text = dump("many.md", 20);
    for line in text.lines() {
        assert!(line.width() <= 20, "{line:?}");
    }
    let joined: String = text.split_whitespace().collect();
    for row in cells("many.md") {
        for cell in row {
            assert!(joined.contains(&cell), "{cell} missing\n{text}");
        }
    }
}

#[test]
fn spanning_cells_keep_the_grid() {
    for width in [80, 40, 30, 17] {
        let text = dump("spans.md", width);
        let lines = rows(&text);
        // Too narrow for a grid (17), the table is set a cell per line.
        let full = lines.iter().map(|l| separators(l)).max_by_key(Vec::len);
        let full = full.unwrap_or_default();
        for line in text.lines() {
            assert!(line.width() <= usize::from(width), "{line}");
        }
        for line in &lines {
            assert!(line.width() <= usize::from(width), "{line}");
            let seps = separators(line);
            assert!(seps.iter().all(|s| full.contains(s)), "{line}\n{text}");
        }
        let joined: String = text.split_whitespace().collect();
        for piece in ["固定资产投资", "12.0", "310.45"] {
            assert!(joined.contains(piece) || width < 40, "{piece}\n{text}");
        }
    }
}

/// `--dump json` of a fixture, parsed.
fn dump_json(fixture: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--dump", "json"])
        .arg(format!("tests/fixtures/tables/{fixture}"))
        .output()
        .expect("run kanbao");
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn json_tables(value: &serde_json::Value) -> Vec<serde_json::Value> {
    let mut found = Vec::new();
    for doc in value["documents"].as_array().into_iter().flatten() {
        for article in doc["articles"].as_array().into_iter().flatten() {
            for block in article["blocks"].as_array().into_iter().flatten() {
                if block["kind"] == "table" {
                    found.push(block.clone());
                }
            }
        }
    }
    found
}

#[test]
fn dump_json_carries_the_grid_of_each_table() {
    let tables = json_tables(&dump_json("stats.md"));
    let [table] = tables.as_slice() else {
        panic!("one table: {tables:?}");
    };
    let rows = table["rows"].as_array().expect("rows");
    let text = |r: usize, c: usize| rows[r][c]["text"].as_str().unwrap_or("").to_string();
    assert_eq!(rows.len(), 5);
    assert_eq!(text(0, 0), "指标名称");
    assert_eq!(rows[0][0]["header"], true);
    assert_eq!(
        rows[1][0].get("header"),
        None,
        "body cells leave the flag out"
    );
    assert_eq!(text(4, 2), "45,210");
    // Nothing lost: the cells, in order, are the block's flat text.
    let cells: Vec<String> = rows
        .iter()
        .flat_map(|r| r.as_array().unwrap().iter())
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect();
    let flat: Vec<&str> = table["text"]
        .as_str()
        .unwrap()
        .split(['\n'])
        .flat_map(|l| l.split("  "))
        .collect();
    assert_eq!(cells, flat);
}

#[test]
fn dump_json_keeps_a_cells_spans() {
    let tables = json_tables(&dump_json("spans.md"));
    let spans: Vec<(u64, u64)> = tables
        .iter()
        .flat_map(|t| t["rows"].as_array().into_iter().flatten())
        .flat_map(|r| r.as_array().into_iter().flatten())
        .map(|c| {
            (
                c.get("colspan")
                    .and_then(serde_json::Value::as_u64)
                    .unwrap_or(1),
                c.get("rowspan")
                    .and_then(serde_json::Value::as_u64)
                    .unwrap_or(1),
            )
        })
        .filter(|&s| s != (1, 1))
        .collect();
    assert!(spans.contains(&(2, 1)), "{spans:?}");
}
