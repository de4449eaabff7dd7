//! HTML blocks read as HTML: PaddleX wraps every image in
//! `<div style="text-align: center;"><img src=… alt="Image" /></div>` and every caption
//! in a centred `<div>`; MinerU and PaddleX write tables as `<table>`; others use
//! `<center>`, `<p>`, `<figure>`, `<span>` and `<br>`. A block starts at a line opening
//! with one of these tags and runs until its elements are closed at the end of a line,
//! or up to a blank line (an unclosed tag ends there, as in CommonMark).
//!
//! The block becomes pieces: images (alt text, or the file name when the alt is a
//! placeholder such as `Image`), tables (rows on lines, cells two spaces apart), and
//! text, one piece per block element, marked when it was centred.
//!
//! Hand-written, like [`inline`](super::inline), for one reason: a run between `<` and
//! `>` that is not plausibly a tag (`<t乱码d>`, `<b 且 c>`, non-ASCII attribute values
//! outside an image) is text of the page and is kept as it stands. Spec-following
//! tokenizers (html5ever, tl) make such runs tags and drop their characters.

mod pieces;

use super::habits::{self, Habits};
use super::text::trim;

pub(crate) use super::tags::{is_placeholder, plausible_attrs};
use pieces::pieces;

/// Longest tag looked for (bytes).
const TAG_MAX: usize = 600;
/// Longest HTML comment looked for (bytes).
const COMMENT_MAX: usize = 1000;
/// Most lines one block may take (a lost closing tag must not swallow the page).
const BLOCK_MAX_LINES: usize = 400;

/// Tags that open an HTML block at the start of a line.
const OPENERS: &[&str] = &[
    "div",
    "center",
    "p",
    "figure",
    "figcaption",
    "img",
    "table",
    "html",
    "body",
    "span",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Elements whose start and end break text into separate pieces.
const BREAKING: &[&str] = &[
    "div",
    "center",
    "p",
    "figure",
    "figcaption",
    "html",
    "body",
    "section",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
];

/// What a piece of an HTML block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PieceKind {
    Text,
    /// `<h1>`…`<h6>`, with the level.
    Heading(u8),
    Image,
    Table,
}

/// One piece of an HTML block, its text already readable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub kind: PieceKind,
    pub text: String,
    /// Inside a centred element (`<center>`, `align="center"`, `text-align: center`).
    pub centred: bool,
    /// A table's grid, cells as ranges into `text`.
    pub table: Option<Box<super::grid::Grid>>,
    /// An image's source as written (`imgs/a.jpg`), for the reader to find the file.
    pub src: Option<String>,
}

/// Whether a trimmed line opens an HTML block.
pub(crate) fn starts_block(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    OPENERS.contains(&name.as_str())
        && tag_end(t).is_some_and(|end| t.get(..end).is_some_and(looks_like_tag))
}

/// Reads an HTML block from its first line; returns its pieces and the lines used.
pub(crate) fn block(lines: &[&str], habits: &mut Habits) -> (Vec<Piece>, usize) {
    let mut html = String::new();
    let mut used = 0;
    let mut depth: isize = 0;
    for l in lines.iter().take(BLOCK_MAX_LINES) {
        if used > 0 && trim(l).is_empty() {
            break;
        }
        used += 1;
        html.push_str(l);
        html.push('\n');
        depth += nesting(l);
        if depth <= 0 {
            break;
        }
    }
    habits.note(habits::HTML_BLOCK);
    (pieces(&html, habits), used.max(1))
}

/// Opened minus closed block elements on a line (void and self-closed tags count 0).
fn nesting(line: &str) -> isize {
    let mut n = 0;
    for_each_tag(line, |tag| {
        if !BREAKING.contains(&tag.name.as_str()) && tag.name != "table" {
            return;
        }
        if tag.closing {
            n -= 1;
        } else if !tag.self_closing {
            n += 1;
        }
    });
    n
}

/// A tag as read: lower-case name, whether it closes, its attribute text.
struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

impl Tag<'_> {
    /// The value of attribute `name` (quoted or bare), if present.
    fn attr(&self, name: &str) -> Option<&str> {
        let lower = self.attrs.to_ascii_lowercase();
        let mut from = 0;
        while let Some(found) = lower.get(from..)?.find(name) {
            let at = from + found;
            from = at + name.len();
            let before_ok = at == 0
                || lower
                    .get(..at)
                    .and_then(|s| s.chars().next_back())
                    .is_some_and(char::is_whitespace);
            let rest = self.attrs.get(at + name.len()..)?.trim_start();
            let Some(value) = rest.strip_prefix('=').map(str::trim_start) else {
                continue;
            };
            if !before_ok {
                continue;
            }
            return Some(match value.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = value.get(1..)?;
                    body.get(..body.find(q)?)?
                }
                _ => value
                    .get(..value.find(char::is_whitespace).unwrap_or(value.len()))?
                    .trim_end_matches('/'),
            });
        }
        None
    }

    fn centred(&self) -> bool {
        let style = self.attr("style").unwrap_or("").to_ascii_lowercase();
        self.name == "center"
            || self
                .attr("align")
                .is_some_and(|a| a.eq_ignore_ascii_case("center"))
            || style.replace(' ', "").contains("text-align:center")
    }
}

/// The byte index after the `>` closing the tag that starts `s`, within [`TAG_MAX`].
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        if i > TAG_MAX {
            return None;
        }
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '<' | '\n') => return None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Whether `t` (from `<` to `>`) is a tag: a name right after `<` or `</`, then
/// nothing, a slash or attributes ([`plausible_attrs`]), ASCII outside an image's.
/// Anything else is text that happens to sit between angle brackets, and is kept.
pub(crate) fn looks_like_tag(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
        return false;
    };
    let body = inner.strip_prefix('/').unwrap_or(inner);
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let (name, attrs) = body.split_at(name_len);
    let is_img = name.eq_ignore_ascii_case("img");
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && !attrs.contains('<')
        && (attrs.is_empty()
            || attrs.starts_with([' ', '\t', '\n', '/'])
                && (attrs.is_ascii() || is_img)
                && plausible_attrs(attrs))
}

/// Calls `f` on every tag of `s`, in order.
fn for_each_tag(s: &str, mut f: impl FnMut(&Tag)) {
    walk(s, |item| {
        if let Item::Tag(t) = item {
            f(&t);
        }
    });
}

enum Item<'a> {
    Text(&'a str),
    Tag(Tag<'a>),
    Comment,
}

/// Splits `s` into text runs and tags; a `<` that opens no tag is text.
fn walk<'a>(s: &'a str, mut f: impl FnMut(Item<'a>)) {
    let mut rest = s;
    while let Some(at) = rest.find('<') {
        let (text, from) = rest.split_at(at);
        if !text.is_empty() {
            f(Item::Text(text));
        }
        // Checked in this order and within a bound: looking for `-->` through the rest
        // of the block after every `<` would be quadratic.
        let comment_end = from.starts_with("<!--").then(|| {
            from.as_bytes()
                .windows(3)
                .take(COMMENT_MAX)
                .position(|w| w == b"-->")
        });
        if let Some(end) = comment_end.flatten() {
            f(Item::Comment);
            rest = from.get(end + 3..).unwrap_or("");
            continue;
        }
        let Some(end) = tag_end(from).filter(|&e| from.get(..e).is_some_and(looks_like_tag)) else {
            f(Item::Text(from.get(..1).unwrap_or("")));
            rest = from.get(1..).unwrap_or("");
            continue;
        };
        let inner = from.get(1..end - 1).unwrap_or("");
        let closing = inner.starts_with('/');
        let body = inner.trim_start_matches('/');
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let (name, attrs) = body.split_at(name_len);
        f(Item::Tag(Tag {
            name: name.to_ascii_lowercase(),
            closing,
            self_closing: attrs.trim_end().ends_with('/') || matches!(name, "br" | "img" | "hr"),
            attrs,
        }));
        rest = from.get(end..).unwrap_or("");
    }
    if !rest.is_empty() {
        f(Item::Text(rest));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> Vec<(PieceKind, String, bool)> {
        let lines: Vec<&str> = html.split('\n').collect();
        block(&lines, &mut Habits::default())
            .0
            .into_iter()
            .map(|p| (p.kind, p.text, p.centred))
            .collect()
    }

    #[test]
    fn a_placeholder_image_keeps_only_its_file_name() {
        let md = r#"<div style="text-align: center;"><img src="imgs/img_in_image_box_1_2_3_4.jpg" alt="Image" width="47%" /></div>"#;
        assert_eq!(
            read(md),
            vec![(
                PieceKind::Image,
                "img_in_image_box_1_2_3_4.jpg".into(),
                true
            )]
        );
        let mut h = Habits::default();
        let _ = block(&[md], &mut h);
        assert!(h.has(habits::IMAGE_PLACEHOLDER) && h.has(habits::HTML_BLOCK));
        // A real alt text is the image's label.
        assert_eq!(
            read(r#"<img src="a.jpg" alt="春耕图" />"#),
            vec![(PieceKind::Image, "春耕图".into(), false)]
        );
    }

    #[test]
    fn centred_text_divs_are_marked() {
        assert_eq!(
            read(r#"<div style="text-align: center;">村民在田间劳作。</div>"#),
            vec![(PieceKind::Text, "村民在田间劳作。".into(), true)]
        );
        assert_eq!(
            read("<center>图为新建的水渠</center>"),
            vec![(PieceKind::Text, "图为新建的水渠".into(), true)]
        );
        assert_eq!(
            read("<p align=center>甲</p><p>乙</p>"),
            vec![
                (PieceKind::Text, "甲".into(), true),
                (PieceKind::Text, "乙".into(), false)
            ]
        );
    }

    #[test]
    fn entities_breaks_spans_and_unclosed_tags() {
        assert_eq!(
            read("<p>上午<br/>下午&amp;晚上<span style=\"color:red\">红字</span>"),
            vec![(PieceKind::Text, "上午下午&晚上红字".into(), false)]
        );
        // A `<br>` inside a Chinese sentence joins without a space; Latin words keep one.
        assert_eq!(
            read("<p>全区经济运行<br/>稳中向好。Stable<br>growth</p>"),
            vec![(
                PieceKind::Text,
                "全区经济运行稳中向好。Stable growth".into(),
                false
            )]
        );
        assert_eq!(
            read("<div><p>未闭合的段落\n第二行\n\n下一段"),
            vec![(PieceKind::Text, "未闭合的段落第二行".into(), false)]
        );
    }

    #[test]
    fn tables_inside_divs_and_garbled_tags_keep_their_text() {
        let md = r#"<div style="text-align: center;"><html><body><table><tr><td>指标</td><t乱码d>数值</td><td class="x">增速</td></tr><tr><td>甲</td><td>1</td></tr></table></body></html></div>"#;
        let got = read(md);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, PieceKind::Table);
        assert!(got[0].1.contains("<t乱码d>数值"), "{}", got[0].1);
        assert!(got[0].1.contains("增速") && got[0].1.contains("甲  1"));
        assert!(!got[0].1.contains("class"));
    }

    #[test]
    fn headings_and_attribute_words() {
        assert_eq!(
            read("<h2>春耕时节</h2>"),
            vec![(PieceKind::Heading(2), "春耕时节".into(), false)]
        );
        // Words in a non-image attribute make the run text, kept whole.
        let got = read("<div>甲<span title=\"说明\">乙</span></div>");
        assert!(
            got[0].1.contains("说明") && got[0].1.contains('乙'),
            "{got:?}"
        );
    }

    #[test]
    fn a_block_ends_when_its_elements_close() {
        let lines = ["<div>", "甲", "</div>", "乙"];
        let (p, used) = block(&lines, &mut Habits::default());
        assert_eq!(used, 3);
        assert_eq!(p.len(), 1);
        assert!(!starts_block("<b 且 c>"));
        assert!(!starts_block("<span id=\"委托\">甲"));
        assert!(starts_block("<div style=\"text-align: center;\">甲</div>"));
    }
}
