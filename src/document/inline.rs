//! Inline markdown and HTML → readable text: emphasis marks dropped, links reduced to
//! their text, images to their alt text or file name, tags removed (`<br>` becomes a
//! space between Latin words, nothing next to Chinese text), entities decoded,
//! backslash escapes resolved.
//!
//! Inline LaTeX (`$…$`) is read by [`latex`](super::latex).
//!
//! Hand-written on purpose. pulldown-cmark 0.13 (offsets, GFM tables, math) was tried
//! on the cases this module exists for: it reads `[注](见第二版)` as a link and drops
//! the words of its target, reads the text after a `<div>` line as part of the HTML
//! block, and would make an indented OCR paragraph a code block; its math events agree
//! with [`latex`](super::latex) on MinerU's `$…$`, but taking them would mean taking its
//! whole block reading. The HTML parser tl was tried on the tags: it drops a garbled
//! `<t乱码d>` with its characters, which the rule "nothing lost" forbids. So tags are
//! read here with one rule: a run that is not plausibly a tag is text.
//!
//! Every look-ahead is bounded (a link's text, a tag, an entity), so a 20 MB line full
//! of unmatched `[` or `<` is still cleaned in one linear pass.

use super::habits::Habits;
use super::latex;
use super::tags::{self, plausible_attrs};

/// Longest link text / URL / tag / entity looked for after an opening mark.
const LINK_TEXT_MAX: usize = 1000;
const URL_MAX: usize = 2000;
const TAG_MAX: usize = 200;
const ENTITY_MAX: usize = 10;

/// Cleans one line of inline markdown into readable text.
pub(crate) fn clean(line: &str) -> String {
    clean_noting(line, &mut Habits::default())
}

/// [`clean`], noting the converter habits it undid (inline LaTeX).
pub(crate) fn clean_noting(line: &str, habits: &mut Habits) -> String {
    let unpaired = unpaired_emphasis(line);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let bytes = line.as_bytes();
    while let Some(&b) = bytes.get(i) {
        let rest = line.get(i..).unwrap_or("");
        let step = match b {
            b'\\' => escape(rest, &mut out),
            b'!' if rest.starts_with("![") => image(rest, &mut out),
            b'[' => link(rest, &mut out),
            b'<' => tag(rest, &mut out),
            b'&' => entity(rest, &mut out),
            b'$' => latex::math(line, i, &mut out, habits),
            b'`' => Some(run_len(rest, b'`')),
            b'*' | b'~' | b'_' => Some(emphasis(line, i, b, &unpaired, &mut out)),
            _ => None,
        };
        match step {
            Some(n) if n > 0 => i += n,
            _ => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8().max(1);
            }
        }
    }
    out
}

/// Length of the run of byte `b` at the start of `s`.
fn run_len(s: &str, b: u8) -> usize {
    s.bytes().take_while(|&x| x == b).count()
}

/// Start offsets of emphasis runs that have no partner on the line: they are text,
/// not markup. Runs pair up in order of appearance by (byte, run length).
fn unpaired_emphasis(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut open: std::collections::HashMap<(u8, usize), usize> = std::collections::HashMap::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'\\' {
            i += 2;
        } else if matches!(b, b'*' | b'~' | b'_') {
            let n = run_len(line.get(i..).unwrap_or(""), b);
            if is_emphasis_run(line, i, b) {
                let key = (b, n);
                if open.remove(&key).is_none() {
                    open.insert(key, i);
                }
            }
            i += n;
        } else {
            i += 1;
        }
    }
    let mut v: Vec<usize> = open.into_values().collect();
    v.sort_unstable();
    v
}

/// Which runs count as emphasis marks: `*`/`**`/`***`, `~~`, and `__` or `_` not
/// inside an ASCII word (so `snake_case` stays as it is).
fn is_emphasis_run(line: &str, i: usize, b: u8) -> bool {
    let n = run_len(line.get(i..).unwrap_or(""), b);
    match b {
        b'*' => n <= 3,
        b'~' => n == 2,
        _ => {
            let before = line
                .get(..i)
                .and_then(|s| s.chars().next_back())
                .is_some_and(|c| c.is_ascii_alphanumeric());
            let after = line
                .get(i + n..)
                .and_then(|s| s.chars().next())
                .is_some_and(|c| c.is_ascii_alphanumeric());
            n <= 3 && !(before && after)
        }
    }
}

/// A run of `*`, `~` or `_`: dropped when it pairs up on the line, kept as text otherwise.
fn emphasis(line: &str, at: usize, b: u8, unpaired: &[usize], out: &mut String) -> usize {
    let n = run_len(line.get(at..).unwrap_or(""), b);
    if !is_emphasis_run(line, at, b) || unpaired.binary_search(&at).is_ok() {
        out.push_str(line.get(at..at + n).unwrap_or(""));
    }
    n
}

fn escape(rest: &str, out: &mut String) -> Option<usize> {
    let c = rest.get(1..)?.chars().next()?;
    c.is_ascii_punctuation().then(|| {
        out.push(c);
        1 + c.len_utf8()
    })
}

/// `[text](url)` → text; `[text]` alone stays as it is. A "url" holding other than
/// ASCII is words in brackets (`[注](见第二版)`), not a link, and stays too.
fn link(rest: &str, out: &mut String) -> Option<usize> {
    let (text, after) = bracketed(rest, '[', ']', LINK_TEXT_MAX)?;
    let (url, after_url) = bracketed(rest.get(after..)?, '(', ')', URL_MAX)?;
    if !url.is_ascii() {
        return None;
    }
    out.push_str(&clean(text));
    Some(after + after_url)
}

/// `![alt](src)` → alt, or the file name when alt is empty.
fn image(rest: &str, out: &mut String) -> Option<usize> {
    let (alt, after) = bracketed(rest.get(1..)?, '[', ']', LINK_TEXT_MAX)?;
    let (src, after_src) = bracketed(rest.get(1 + after..)?, '(', ')', URL_MAX)?;
    out.push_str(&image_label(alt, src));
    Some(1 + after + after_src)
}

/// What an image shows as: its alt text, else the file name of its source. Words in
/// the source are text of the page and stay: directories that are not plain ASCII
/// (OCR noise or a caption glued into the path) and a title (`![](a.jpg "说明")`).
pub(crate) fn image_label(alt: &str, src: &str) -> String {
    let src = src.trim();
    let (path, title) = src.split_once(char::is_whitespace).unwrap_or((src, ""));
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let dirs_are_words = !path.get(..path.len() - name.len()).unwrap_or("").is_ascii();
    // A placeholder alt (`Image`) says nothing: the file name stands instead.
    let alt = if tags::is_placeholder(alt) { "" } else { alt };
    let mut label = match alt.trim() {
        "" if dirs_are_words => path.to_string(),
        "" => name.to_string(),
        alt if dirs_are_words => format!("{} {path}", clean(alt)),
        alt => clean(alt),
    };
    let title = title.trim().trim_matches(['"', '\'']).trim();
    if !title.is_empty() {
        label.push(' ');
        label.push_str(title);
    }
    label
}

/// The text between `open` at the start of `s` and the first `close`, within `max`
/// bytes, and the byte index after `close`. Another `open` (or a `[`/`]`) before the
/// close means no match: the search then ends where the next attempt starts, so
/// scanning a line full of unmatched brackets stays linear.
pub(crate) fn bracketed(s: &str, open: char, close: char, max: usize) -> Option<(&str, usize)> {
    let body = s.strip_prefix(open)?;
    let start = open.len_utf8();
    for (i, c) in body.char_indices() {
        if i > max || c == '\n' {
            return None;
        }
        if c == close {
            return Some((body.get(..i)?, start + i + close.len_utf8()));
        }
        if c == open || c == '[' || c == ']' {
            return None;
        }
    }
    None
}

/// An HTML tag (`<br>`, `</span>`, `<img …>`) or autolink (`<https://…>`).
fn tag(rest: &str, out: &mut String) -> Option<usize> {
    let second = rest.get(1..)?.chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    let (end, c) = rest
        .char_indices()
        .skip(1)
        .take_while(|(i, _)| *i <= TAG_MAX)
        .find(|(_, c)| *c == '>' || *c == '<')?;
    if c == '<' {
        return None;
    }
    let inner = rest.get(1..end)?;
    let autolink = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| inner.starts_with(p));
    if autolink && !inner.contains([' ', '<']) {
        out.push_str(inner);
        return Some(end + 1);
    }
    // An HTML comment is invisible on the page it came from.
    if inner.starts_with("!--") && inner.ends_with("--") {
        return Some(end + 1);
    }
    let name_end = inner
        .trim_start_matches(['/', '!'])
        .find(|c: char| !c.is_ascii_alphanumeric())
        .map_or(inner.len(), |n| {
            n + inner.len() - inner.trim_start_matches(['/', '!']).len()
        });
    let after_name = inner.get(name_end..).unwrap_or("");
    // `<b 且 c>` in running text is not a tag: after the name comes nothing, a slash,
    // or attributes. Attribute values are dropped with the tag, so only ASCII ones may
    // be (words in them would be lost), except an image's, whose alt is its label.
    let is_img = inner
        .get(..3)
        .is_some_and(|n| n.eq_ignore_ascii_case("img"));
    let attrs_ok = after_name.is_empty()
        || after_name.starts_with([' ', '/', '\t'])
            && plausible_attrs(after_name)
            && (is_img || after_name.is_ascii());
    if inner.contains('<') || !attrs_ok {
        return None;
    }
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if name == "img" {
        out.push_str(&img_tag_label(inner));
    } else if matches!(
        name.as_str(),
        "br" | "p" | "div" | "td" | "th" | "tr" | "li"
    ) {
        // A break inside a Chinese sentence joins it; Latin words keep a space.
        let after = rest.get(end + 1..).unwrap_or("");
        if super::text::needs_space(out, after) {
            out.push(' ');
        }
    }
    Some(end + 1)
}

/// `<img src="a/b.jpg" alt="说明">` → its alt, else its file name.
fn img_tag_label(inner: &str) -> String {
    let attr = |name: &str| {
        let at = inner.find(&format!("{name}=\""))? + name.len() + 2;
        let rest = inner.get(at..)?;
        rest.find('"').and_then(|end| rest.get(..end))
    };
    image_label(attr("alt").unwrap_or(""), attr("src").unwrap_or(""))
}

/// `&amp;`, `&nbsp;`, `&#12298;`, `&#x300A;`.
fn entity(rest: &str, out: &mut String) -> Option<usize> {
    let end = rest
        .char_indices()
        .take_while(|(i, _)| *i <= ENTITY_MAX)
        .find(|(_, c)| *c == ';')?
        .0;
    let name = rest.get(1..end)?;
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" => ' ',
        "middot" => '·',
        "mdash" => '—',
        "hellip" => '…',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
        }
    };
    out.push(c);
    Some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn emphasis_marks_go() {
        assert_eq!(clean("**平城区**全力*打造*~~旧~~"), "平城区全力打造旧");
        assert_eq!(clean("__重点__"), "重点");
    }

    #[test]
    fn unpaired_marks_are_text() {
        assert_eq!(clean("3*4=12"), "3*4=12");
        assert_eq!(clean("snake_case_name"), "snake_case_name");
    }

    #[test]
    fn links_and_images_become_text() {
        assert_eq!(clean("见[新华网](http://x.cn/a)报道"), "见新华网报道");
        assert_eq!(clean("![合影](images/a.jpg)"), "合影");
        assert_eq!(clean("![](images/abc.jpg)"), "abc.jpg");
        assert_eq!(clean("[注]"), "[注]");
    }

    #[test]
    fn html_tags_and_entities() {
        assert_eq!(clean("上午<br>下午"), "上午下午");
        assert_eq!(
            clean("全区经济运行<br/>稳中向好。"),
            "全区经济运行稳中向好。"
        );
        assert_eq!(clean("Stable<br>growth"), "Stable growth");
        assert_eq!(clean("<span style=\"x\">红色</span>"), "红色");
        assert_eq!(clean("A&amp;B&nbsp;C&#12298;书&#x300B;"), "A&B C《书》");
        assert_eq!(clean("a<b 且 c>d"), "a<b 且 c>d");
        // Found by fuzzing: an `=` somewhere made any run a tag, swallowing 且.
        assert_eq!(clean("<b 且x=1>"), "<b 且x=1>");
        assert_eq!(clean("<t | \"本报讯 >"), "<t | \"本报讯 >");
        assert_eq!(clean("<span id=\"委托\">甲</span>"), "<span id=\"委托\">甲");
        assert_eq!(clean("<img alt=\"说明\" src=\"a.png\">"), "说明");
        // A placeholder alt inside running text is dropped for the file name.
        assert_eq!(
            clean("甲<img src=\"i/p.jpg\" alt=\"Image\">乙"),
            "甲p.jpg乙"
        );
        assert_eq!(clean("甲![Image](i/p.jpg)乙"), "甲p.jpg乙");
    }

    #[test]
    fn words_in_a_link_target_are_kept() {
        assert_eq!(clean("[新闻](http://x.cn/a)"), "新闻");
        assert_eq!(clean("[注](见第二版)"), "[注](见第二版)");
        assert_eq!(clean("[](一)"), "[](一)");
    }

    #[test]
    fn words_in_an_image_source_are_kept() {
        // Found by fuzzing: text glued into an image path was dropped with the path.
        assert_eq!(clean("![](images/a.jpg)"), "a.jpg");
        assert_eq!(clean("![](本报记者/a.jpg)"), "本报记者/a.jpg");
        assert_eq!(clean("![图](本报/a.jpg)"), "图 本报/a.jpg");
        assert_eq!(clean("![](a.jpg \"民和社区\")"), "a.jpg 民和社区");
        assert_eq!(clean("&unknown;"), "&unknown;");
        assert_eq!(clean("<img src=\"p/q.png\">"), "q.png");
        assert_eq!(clean("见<https://x.cn/a>。"), "见https://x.cn/a。");
        assert_eq!(clean("甲<!-- page 2 -->乙"), "甲乙");
    }

    #[test]
    fn escapes_and_code() {
        assert_eq!(clean(r"\*不是强调\*"), "*不是强调*");
        assert_eq!(clean("`代码`"), "代码");
    }
}
