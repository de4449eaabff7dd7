//! Markdown lines → units: one unit per heading, text line, list item, quote line,
//! image, table, caption, credit or continuation note, with its markup removed and its
//! source line kept. Block syntax is read here; what a unit *means* for the newspaper
//! is decided later (`classify`, `join`, `infer`).
//!
//! The converters' habits (FORMAT.md, "What converters do to a page") are undone here,
//! each by its own step: [`glyphs`](super::glyphs) on raw lines, [`fence`](super::fence)
//! for a page inside a code fence, [`html`](super::html) for HTML blocks,
//! [`latex`](super::latex) inside [`inline`](super::inline), [`prose_table`](super::prose_table)
//! for markitdown's two-column prose, then over the units [`headings`](super::headings)
//! (paragraphs promoted to headings), [`photo`](super::photo)
//! (captions and credits of a photo item), [`stray`](super::stray),
//! [`rewrap`](super::rewrap) (hard-wrapped lines gathered into blocks, column-break
//! fragments rejoined), [`continuation`](super::continuation) and
//! [`spacing`](super::spacing). Each step notes in
//! [`Habits`] that it fired.
//!
//! Block syntax is read line by line by hand rather than by a CommonMark parser:
//! OCR pages indent paragraphs with spaces (CommonMark would make them code blocks),
//! every line is a unit the structure decisions need with its own source line (a
//! CommonMark paragraph merges hard-wrapped lines and lazy continuations), and an HTML
//! block must not swallow the next line of text (CommonMark's HTML blocks run to the
//! next blank line).

use super::grid::{self, Grid, RawCell};
use super::habits::{self, Habits};
use super::html::{self, PieceKind};
use super::inline::{self, bracketed, image_label};
use super::running::{self, RunningLines};
use super::text::{is_space, trim};
use super::{
    continuation, fence, glyphs, headings, photo, prose_table, rewrap, spacing, stops, stray,
};

pub(crate) use super::unit::{Syntax, Unit};

/// Splits markdown into units (the entry the structure decisions' tests use;
/// [`parse`](super::parse) calls [`read`] for the habits too).
#[allow(dead_code)]
pub(crate) fn units(markdown: &str) -> Vec<Unit> {
    read(markdown).0
}

/// Splits markdown into units and says which converter habits were undone.
#[allow(dead_code)]
pub(crate) fn read(markdown: &str) -> (Vec<Unit>, Habits) {
    read_in(markdown, &RunningLines::default())
}

/// [`read`] for a page whose directory shares `running` lines: those standing at the
/// head or tail of this page are typed as furniture before any other step sees them.
pub(crate) fn read_in(markdown: &str, running: &RunningLines) -> (Vec<Unit>, Habits) {
    let mut habits = Habits::default();
    let normalised: Vec<std::borrow::Cow<str>> = markdown
        .split('\n')
        .map(|l| glyphs::normalise(l.strip_suffix('\r').unwrap_or(l), &mut habits))
        .collect();
    let lines: Vec<&str> = normalised.iter().map(AsRef::as_ref).collect();
    // The outer fence's two lines are skipped; whatever stands after the closing
    // fence is still text of the page.
    let (open, close) = match fence::outer_fence(&lines) {
        Some((open, close)) => {
            habits.note(habits::OUTER_FENCE);
            (Some(open), close)
        }
        None => (None, None),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&raw) = lines.get(i) {
        let line = i + 1;
        let t = trim(raw);
        if Some(i) == open || Some(i) == close || t == "$$" {
            i += 1;
            continue;
        }
        if html::starts_block(t) {
            // An unclosed block inside the fence stops at the closing fence.
            let end = close.filter(|&c| c > i).unwrap_or(lines.len());
            let (pieces, used) = html::block(lines.get(i..end).unwrap_or(&[]), &mut habits);
            for p in pieces {
                let syntax = match p.kind {
                    PieceKind::Text => Syntax::Text,
                    PieceKind::Heading(level) => Syntax::Heading(level),
                    PieceKind::Image => Syntax::Image,
                    PieceKind::Table => Syntax::Table,
                };
                let before = out.len();
                push(&mut out, syntax, p.text, line, false);
                if out.len() > before
                    && let Some(u) = out.last_mut()
                {
                    u.centred = p.centred;
                    u.table = p.table;
                    u.src = p.src;
                }
            }
            i += used;
            continue;
        }
        if t.starts_with('|') {
            let rows: Vec<&str> = lines
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|l| trim(l).starts_with('|'))
                .copied()
                .collect();
            if let Some(columns) = prose_table::columns(&rows) {
                habits.note(habits::PROSE_TABLE);
                prose_runs(&mut out, columns, line, &mut habits);
            } else {
                let (text, grid) = pipe_table(&rows);
                let before = out.len();
                push(&mut out, Syntax::Table, text, line, false);
                if out.len() > before
                    && let Some(u) = out.last_mut()
                {
                    u.table = Some(Box::new(grid));
                }
            }
            i += rows.len().max(1);
            continue;
        }
        one_line(&mut out, raw, line, &mut habits);
        i += 1;
    }
    running::mark(&mut out, &lines, running, &mut habits);
    let mut prev: Option<(Syntax, usize)> = None;
    for u in &mut out {
        let wrapped =
            prev == Some((Syntax::Text, u.line.wrapping_sub(1))) && u.syntax == Syntax::Text;
        if wrapped {
            habits.note(habits::HARD_WRAP);
        }
        u.adjacent |= wrapped;
        prev = Some((u.syntax, u.line));
    }
    headings::demote(&mut out, &mut habits);
    headings::join_halves(&mut out, &mut habits);
    photo::mark(&mut out, &mut habits);
    stray::mark(&mut out, &mut habits);
    rewrap::gather(&mut out, &mut habits);
    continuation::mark(&mut out, &mut habits);
    spacing::apply(&mut out, &mut habits);
    stops::mark(&mut out, &mut habits);
    (out, habits)
}

/// Appends the cells of a pipe table of prose (`prose_table::columns`, in reading
/// order) as text units: a column's cells down to an empty one are the printed lines
/// of one stretch of a paragraph, so they are one unit, as the table says; a stretch
/// after an empty cell opens a paragraph (the table's own gap, which no weight may
/// overrule). Only where one column ends and the next begins is it left to the
/// decoder whether the paragraph goes on, as at any column break.
fn prose_runs(
    out: &mut Vec<Unit>,
    columns: Vec<(usize, String, bool)>,
    line: usize,
    habits: &mut Habits,
) {
    // Stretches: (first row, text, opens after a gap, first of its column).
    let mut runs: Vec<(usize, String, bool, bool)> = Vec::new();
    let mut rows_seen: Option<usize> = None;
    for (row, cell, first) in columns {
        let text = inline::clean_noting(&cell, habits);
        let new_column = rows_seen.is_some_and(|r| row < r);
        rows_seen = Some(row);
        match runs.last_mut() {
            Some(run) if !first => {
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if latin(run.1.chars().next_back()) && latin(trim(&text).chars().next()) {
                    run.1.push(' ');
                }
                run.1.push_str(trim(&text));
            }
            _ => runs.push((row, trim(&text).to_string(), first, new_column)),
        }
    }
    for (n, (row, text, first, new_column)) in runs.into_iter().enumerate() {
        let before = out.len();
        push(out, Syntax::Text, text, line + row, false);
        if out.len() > before
            && let Some(u) = out.last_mut()
        {
            u.opens_block = n > 0 && first && !new_column;
        }
    }
}

/// Appends a unit of trimmed text (a table's text comes trimmed, so its grid's ranges
/// still hold).
fn push(out: &mut Vec<Unit>, syntax: Syntax, text: String, line: usize, indented: bool) {
    let trimmed = trim(&text);
    let text = if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_string()
    };
    if !text.is_empty() {
        out.push(Unit {
            syntax,
            text,
            line,
            indented,
            adjacent: false,
            centred: false,
            table: None,
            src: None,
            opens_block: false,
            from_note_next: false,
            to_note_next: false,
            wide_head: false,
        });
    }
}

/// A code fence (```` ``` ```` or `~~~`) is markup, but whatever follows it on the line
/// is text: converters glue fences to words, and nothing of a page may be lost.
fn without_fence(t: &str) -> &str {
    if t.starts_with("```") || t.starts_with("~~~") {
        trim(t.trim_start_matches(['`', '~']))
    } else {
        t
    }
}

fn one_line(out: &mut Vec<Unit>, raw: &str, line: usize, habits: &mut Habits) {
    let clean = |s: &str, h: &mut Habits| inline::clean_noting(s, h);
    let t = without_fence(trim(raw));
    let lead = raw.len() - raw.trim_start_matches(is_space).len();
    let indented = lead >= 2 || raw.starts_with('\u{3000}') || raw.starts_with('\t');
    let empty_item = matches!(t, "-" | "*" | "+" | "•");
    if t.is_empty() || empty_item || is_rule(t) {
        return;
    }
    if let Some((level, rest)) = heading(t) {
        push(
            out,
            Syntax::Heading(level),
            clean(rest, habits),
            line,
            false,
        );
    } else if let Some(rest) = ["- ", "* ", "+ ", "• "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
    {
        push(out, Syntax::ListItem, clean(rest, habits), line, false);
    } else if is_ordered_item(t) {
        push(out, Syntax::ListItem, clean(t, habits), line, false);
    } else if let Some(rest) = t.strip_prefix('>') {
        let rest = rest.trim_start_matches(['>', ' ']);
        push(out, Syntax::Quote, clean(rest, habits), line, false);
    } else if let Some(labels) = only_images(t, habits) {
        for (label, src) in labels {
            let before = out.len();
            push(out, Syntax::Image, label, line, false);
            if out.len() > before
                && let Some(u) = out.last_mut()
            {
                u.src = Some(src);
            }
        }
    } else {
        push(out, Syntax::Text, clean(t, habits), line, indented);
    }
}

/// `## 标题` → (2, "标题"); a closing run of `#` is dropped too.
fn heading(t: &str) -> Option<(u8, &str)> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = t.get(level..)?;
    let next = rest.chars().next();
    // `#话题` without a space is still a heading in OCR output, unless it reads as a
    // Latin tag or number (`#1`, `#tag`).
    if next.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let rest = trim(rest);
    let rest = match rest.trim_end_matches('#') {
        r if r.ends_with(' ') || r.is_empty() => trim(r),
        _ => rest,
    };
    Some((level as u8, rest))
}

/// `---`, `***`, `___` (three or more, spaces allowed).
fn is_rule(t: &str) -> bool {
    let mut marks = t.chars().filter(|c| *c != ' ');
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && t.chars().filter(|c| *c == first).count() >= 3
        && marks.all(|c| c == first)
}

/// `1. 文字` or `2) 文字`: an ordered list item (a space after the marker).
fn is_ordered_item(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=9).contains(&digits)
        && t.get(digits..)
            .is_some_and(|r| r.starts_with(". ") || r.starts_with(") "))
}

/// The labels and sources of a line made only of images (`![a](x) ![b](y)`), else
/// `None`. A placeholder alt text (`![Image](…)`) is dropped for the file name.
fn only_images(t: &str, habits: &mut Habits) -> Option<Vec<(String, String)>> {
    let mut rest = t;
    let mut labels = Vec::new();
    while !rest.is_empty() {
        let body = rest.strip_prefix('!')?;
        let (alt, after) = bracketed(body, '[', ']', 1000)?;
        let (src, after_src) = bracketed(body.get(after..)?, '(', ')', 2000)?;
        let alt = if html::is_placeholder(alt) {
            habits.note(habits::IMAGE_PLACEHOLDER);
            ""
        } else {
            alt
        };
        labels.push((image_label(alt, src), src.to_string()));
        rest = trim(body.get(after + after_src..)?);
    }
    (!labels.is_empty()).then_some(labels)
}

/// `| a | b |` rows → `a  b` lines and their grid; separator rows (`|---|:-:|`)
/// dropped, the rows above the first one marked as the header.
fn pipe_table(rows: &[&str]) -> (String, Grid) {
    let mut out: Vec<Vec<RawCell>> = Vec::new();
    let mut header_rows = None;
    for row in rows {
        let row = trim(row);
        if row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            header_rows.get_or_insert(out.len());
            continue;
        }
        let cells = row
            .trim_matches('|')
            .split('|')
            .map(|c| RawCell::plain(inline::clean(trim(c))))
            .collect();
        out.push(cells);
    }
    if let Some(n) = header_rows.filter(|&n| n < out.len()) {
        for c in out.iter_mut().take(n).flatten() {
            c.header = true;
        }
    }
    grid::flatten(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(md: &str) -> Vec<(Syntax, String)> {
        units(md).into_iter().map(|u| (u.syntax, u.text)).collect()
    }

    #[test]
    fn block_syntax() {
        let md = "## 标题\n\n正文一段。\n- 1.列表\n> 引文\n![图](a/b.jpg)\n---\n1. 第一\n###\n";
        assert_eq!(
            kinds(md),
            vec![
                (Syntax::Heading(2), "标题".into()),
                (Syntax::Text, "正文一段。".into()),
                (Syntax::ListItem, "1.列表".into()),
                (Syntax::Quote, "引文".into()),
                (Syntax::Image, "图".into()),
                (Syntax::ListItem, "1. 第一".into()),
            ]
        );
    }

    #[test]
    fn tables_flatten_to_rows() {
        let html =
            "<table><tr><td>项目</td><td>金额</td></tr><tr><td>甲</td><td>1</td></tr></table>";
        assert_eq!(
            kinds(html),
            vec![(Syntax::Table, "项目  金额\n甲  1".into())]
        );
        let pipe = "| 项目 | 金额 |\n|---|---|\n| 甲 | 1 |\n后文";
        assert_eq!(
            kinds(pipe),
            vec![
                (Syntax::Table, "项目  金额\n甲  1".into()),
                (Syntax::Text, "后文".into())
            ]
        );
    }

    #[test]
    fn garbled_tags_in_a_table_keep_their_text() {
        // Found by fuzzing: OCR noise inside a tag-like run swallowed Chinese text.
        let md = "<table><tr><td>指标</td><t乱码d>数值</td><td class=\"x\">增速</td></tr></table>";
        let (_, text) = kinds(md).remove(0);
        assert!(text.contains("<t乱码d>数值"), "{text}");
        assert!(text.contains("增速") && !text.contains("class"), "{text}");
    }

    #[test]
    fn unclosed_table_ends_at_a_blank_line() {
        let md = "<table><tr><td>甲</td>\n\n正文。";
        assert_eq!(
            kinds(md),
            vec![
                (Syntax::Table, "甲".into()),
                (Syntax::Text, "正文。".into())
            ]
        );
        assert_eq!(
            kinds("<img src=\"a/p.png\" alt=\"合影\">"),
            vec![(Syntax::Image, "合影".into())]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_adjacent() {
        let u = units("第一行\n第二行\n\n第三行");
        let adj: Vec<bool> = u.iter().map(|u| u.adjacent).collect();
        assert_eq!(adj, vec![false, true, false]);
    }

    #[test]
    fn source_lines_and_indent() {
        let u = units("\n\n　　新段落\n");
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].line, 3);
        assert!(u[0].indented);
    }

    #[test]
    fn hashtag_like_text_is_not_a_heading() {
        assert_eq!(kinds("#1 号"), vec![(Syntax::Text, "#1 号".into())]);
    }
}
