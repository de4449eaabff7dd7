//! Markdown lines → units: one unit per heading, text line, list item, quote line,
//! image, or table, with its markup removed and its source line kept. Block syntax is
//! read here; what a unit *means* for the newspaper is decided later (`classify`,
//! `join`, `infer`).

use super::inline::{self, bracketed, image_label};
use super::text::{is_space, trim};

/// What markdown made of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// `#`… heading, with its level (1–6).
    Heading(u8),
    /// A plain line of text.
    Text,
    /// `- `, `* `, `+ ` item (marker removed) or `1. ` item (number kept: it is text).
    ListItem,
    /// `> ` line.
    Quote,
    /// A line holding only an image.
    Image,
    /// `<table>…</table>` or `| a | b |` rows, flattened.
    Table,
}

/// One unit of the page, markup removed.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub syntax: Syntax,
    pub text: String,
    /// 1-based source line.
    pub line: usize,
    /// Opened with an indent (two or more spaces, or ideographic spaces): a new paragraph.
    pub indented: bool,
    /// Plain text directly under another plain text line (no blank line between):
    /// the same markdown paragraph, hard-wrapped.
    pub adjacent: bool,
}

/// Splits markdown into units.
pub(crate) fn units(markdown: &str) -> Vec<Unit> {
    let lines: Vec<&str> = markdown
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&raw) = lines.get(i) {
        let line = i + 1;
        let t = trim(raw);
        if starts_html_table(t) {
            let (text, used) = html_table(lines.get(i..).unwrap_or(&[]));
            push(&mut out, Syntax::Table, text, line, false);
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
            push(&mut out, Syntax::Table, pipe_table(&rows), line, false);
            i += rows.len().max(1);
            continue;
        }
        one_line(&mut out, raw, line);
        i += 1;
    }
    let mut prev: Option<(Syntax, usize)> = None;
    for u in &mut out {
        u.adjacent =
            prev == Some((Syntax::Text, u.line.wrapping_sub(1))) && u.syntax == Syntax::Text;
        prev = Some((u.syntax, u.line));
    }
    out
}

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

fn one_line(out: &mut Vec<Unit>, raw: &str, line: usize) {
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
            inline::clean(rest),
            line,
            false,
        );
    } else if let Some(rest) = ["- ", "* ", "+ ", "• "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
    {
        push(out, Syntax::ListItem, inline::clean(rest), line, false);
    } else if is_ordered_item(t) {
        push(out, Syntax::ListItem, inline::clean(t), line, false);
    } else if let Some(rest) = t.strip_prefix('>') {
        let rest = rest.trim_start_matches(['>', ' ']);
        push(out, Syntax::Quote, inline::clean(rest), line, false);
    } else if is_img_tag(t) {
        push(out, Syntax::Image, inline::clean(t), line, false);
    } else if let Some(labels) = only_images(t) {
        for label in labels {
            push(out, Syntax::Image, label, line, false);
        }
    } else {
        push(out, Syntax::Text, inline::clean(t), line, indented);
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

/// The labels of a line made only of images (`![a](x) ![b](y)`), else `None`.
fn only_images(t: &str) -> Option<Vec<String>> {
    let mut rest = t;
    let mut labels = Vec::new();
    while !rest.is_empty() {
        let body = rest.strip_prefix('!')?;
        let (alt, after) = bracketed(body, '[', ']', 1000)?;
        let (src, after_src) = bracketed(body.get(after..)?, '(', ')', 2000)?;
        labels.push(image_label(alt, src));
        rest = trim(body.get(after + after_src..)?);
    }
    (!labels.is_empty()).then_some(labels)
}

/// A line that is one `<img …>` tag.
fn is_img_tag(t: &str) -> bool {
    t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("<img"))
        && t.ends_with('>')
        && t.matches('>').count() == 1
}

fn starts_html_table(t: &str) -> bool {
    t.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("<table"))
}

/// Reads an HTML table from its first line to `</table>` (or the end of input): rows on
/// lines, cells separated by two spaces. Returns the text and the lines used.
fn html_table(lines: &[&str]) -> (String, usize) {
    let mut used = 0;
    let mut html = String::new();
    for l in lines {
        // A table never spans a blank line: an unclosed `<table>` ends there.
        if used > 0 && trim(l).is_empty() {
            break;
        }
        used += 1;
        html.push_str(l);
        html.push(' ');
        if l.to_ascii_lowercase().contains("</table>") {
            break;
        }
    }
    let mut text = String::new();
    let mut rest = html.as_str();
    // Rows begin at `<tr`; every cell boundary becomes a separator.
    while let Some(at) = rest.find('<') {
        text.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at..).unwrap_or("");
        let Some(end) = after
            .find('>')
            .filter(|&e| after.get(..=e).is_some_and(looks_like_tag))
            .map(|e| e + 1)
        else {
            text.push('<');
            rest = after.get(1..).unwrap_or("");
            continue;
        };
        let tag = after.get(..end).unwrap_or("").to_ascii_lowercase();
        if tag.starts_with("<tr") {
            if !trim(&text).is_empty() {
                text.push('\n');
            }
        } else if tag.starts_with("<td") || tag.starts_with("<th") {
            text.push_str("  ");
        }
        rest = after.get(end..).unwrap_or("");
    }
    text.push_str(rest);
    let text: Vec<String> = text
        .lines()
        .map(|l| inline::clean(trim(l)))
        .filter(|l| !l.is_empty())
        .collect();
    (text.join("\n"), used)
}

/// Whether `t` (from `<` to `>`) is a tag: a name right after `<` or `</`, then
/// nothing, a slash or ASCII attributes ([`inline::plausible_attrs`]).
/// Anything else is text that happens to sit between angle brackets, and is kept
/// (a garbled `<t乱码d>` must not swallow its characters).
fn looks_like_tag(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
        return false;
    };
    let body = inner.strip_prefix('/').unwrap_or(inner);
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let (name, attrs) = body.split_at(name_len);
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && !attrs.contains('<')
        && (attrs.is_empty()
            || attrs.starts_with([' ', '\t', '/'])
                && attrs.is_ascii()
                && inline::plausible_attrs(attrs))
}

/// `| a | b |` rows → `a  b` lines; separator rows (`|---|:-:|`) dropped.
fn pipe_table(rows: &[&str]) -> String {
    let mut out = Vec::new();
    for row in rows {
        let row = trim(row);
        if row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue;
        }
        let cells: Vec<String> = row
            .trim_matches('|')
            .split('|')
            .map(|c| inline::clean(trim(c)))
            .collect();
        out.push(cells.join("  "));
    }
    out.join("\n")
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
